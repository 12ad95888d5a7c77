/**
 * @microsoft/msgraph-sdk (the Kiota-generated Graph SDK): the SDK's model objects (models.ts),
 * serialized by its model serializers and sent by its request adapter (GraphRequestAdapter, with
 * Graph's middleware) through the fluent API communications.ts adds to the GraphServiceClient.
 * The token comes from the SDK's own authentication provider, over a credential that hands out
 * the token the bot was given (a bot would use @azure/identity's ClientSecretCredential).
 *
 *   graph-calls-contract run --adapter dist/implementations/clients/msgraph-sdk/index.js
 */
import { createGraphServiceClient, GraphRequestAdapter } from "@microsoft/msgraph-sdk";
import { GraphAzureIdentityAuthenticationProvider } from "@microsoft/msgraph-sdk-core";
import type { BotEnvironment } from "../../../src/harness/adapter.js";
import { clientModule } from "../client-module.js";
import { createdCallId, type ConnectLibrary } from "../library-bot.js";
import "./communications.js";
import { callModel, transferModel } from "./models.js";

type TokenCredential = ConstructorParameters<typeof GraphAzureIdentityAuthenticationProvider>[0];

function staticCredential(env: BotEnvironment): TokenCredential {
  return { getToken: async () => ({ token: env.accessToken, expiresOnTimestamp: Date.now() + 3_600_000 }) };
}

const connect: ConnectLibrary = (env) => {
  const base = new URL(env.graphBaseUrl);
  // Allowed hosts: the provider attaches the token to these hosts only.
  const auth = new GraphAzureIdentityAuthenticationProvider(staticCredential(env), [`${base.origin}/.default`], undefined, new Set([base.hostname]));
  const adapter = new GraphRequestAdapter(auth);
  adapter.baseUrl = env.graphBaseUrl;
  const client = createGraphServiceClient(adapter);
  return {
    async createCall(intent) {
      return createdCallId(await client.communications.calls.post(callModel(intent, env.callbackUri)));
    },
    async transfer(callId, intent) {
      await client.communications.calls.byCallId(callId).transfer.post(transferModel(intent));
    },
  };
};

export const client = clientModule({ id: "msgraph-sdk", package: "@microsoft/msgraph-sdk", connect });
export const { name, createBot, knownDefects, typingDefects } = client;
