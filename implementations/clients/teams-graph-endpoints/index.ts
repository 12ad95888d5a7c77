/**
 * @microsoft/teams.graph-endpoints (the Teams SDK's typed Graph endpoints): bodies typed as the
 * endpoints declare them (bodies.ts), request configs from calls.create and calls.transfer.create,
 * sent with fetch (send.ts).
 *
 *   graph-calls-contract run --adapter dist/implementations/clients/teams-graph-endpoints/index.js
 */
// The package root, not its "./communications/calls" subpath: that export declares no types for
// ESM importers (see typing-defects.json).
import { communications } from "@microsoft/teams.graph-endpoints";
import { clientModule } from "../client-module.js";
import { createdCallId, type ConnectLibrary } from "../library-bot.js";
import { createCallBody, transferBody } from "./bodies.js";
import { endpointSender } from "./send.js";

const connect: ConnectLibrary = (env) => {
  const send = endpointSender(env);
  return {
    async createCall(intent) {
      return createdCallId(await send(communications.calls.create(createCallBody(intent, env.callbackUri))));
    },
    async transfer(callId, intent) {
      await send(communications.calls.transfer.create(transferBody(intent), { "call-id": callId }));
    },
  };
};

export const client = clientModule({ id: "teams-graph-endpoints", package: "@microsoft/teams.graph-endpoints", connect });
export const { name, createBot, knownDefects, typingDefects } = client;
