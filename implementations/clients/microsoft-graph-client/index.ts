/**
 * @microsoft/microsoft-graph-client (the Graph JavaScript SDK, v3): the bodies are the reference's
 * (the library passes them through as given) and the library sends them: Client.init, then
 * client.api(path).post(body), with its default middleware (auth, retry, redirect, telemetry).
 *
 *   graph-calls-contract run --adapter dist/implementations/clients/microsoft-graph-client/index.js
 */
import { Client } from "@microsoft/microsoft-graph-client";
import { createCallBody, transferBody } from "../../reference/requests.js";
import { clientModule } from "../client-module.js";
import { createdCallId, type ConnectLibrary } from "../library-bot.js";

const connect: ConnectLibrary = (env) => {
  const base = new URL(env.graphBaseUrl);
  const client = Client.init({
    authProvider: (done) => done(null, env.accessToken),
    // The library joins host, version and path itself: give it the two halves of Graph's versioned root.
    baseUrl: base.origin,
    defaultVersion: base.pathname.replace(/^\/+|\/+$/g, ""),
    // It attaches the token only to Graph's own hosts (by host name, and over https only), unless told about others.
    customHosts: new Set([base.hostname]),
  });
  return {
    async createCall(intent) {
      return createdCallId(await client.api("/communications/calls").post(createCallBody(intent, env.callbackUri)));
    },
    async transfer(callId, intent) {
      await client.api(`/communications/calls/${encodeURIComponent(callId)}/transfer`).post(transferBody(intent));
    },
  };
};

export const client = clientModule({ id: "microsoft-graph-client", package: "@microsoft/microsoft-graph-client", connect });
export const { name, createBot, knownDefects, typingDefects } = client;
