#!/usr/bin/env node
// An independent calling bot speaking the process protocol of PROTOCOL.md (version 1): JSON lines on stdin/stdout,
// real HTTP to Graph (node:http/https), a callback server (node:http) on 127.0.0.1. No dependencies.
// Written from README.md and PROTOCOL.md alone; see README.md in this folder. Notification tokens are checked in
// auth.mjs (node:crypto), added by h-auth when PROTOCOL.md gained them.
import http from "node:http";
import https from "node:https";
import { createInterface } from "node:readline";
import { createCallBody, transferBody } from "./requests.mjs";
import { eventOf, observe, routeOf } from "./events.mjs";
import { createVerifier, Refused } from "./auth.mjs";

const GRAPH_TIMEOUT_MS = 4000; // under the harness's default step timeout of 5 s
const MAX_CALLBACK_BYTES = 10 * 1024 * 1024;
const CALLBACK_PATH = "/api/calls";

const log = (...parts) => process.stderr.write(`[independent] ${parts.join(" ")}\n`);

/** The only mutable state: configuration, one append-only event log per call id, and each created call's tenant. */
let config = null;
const logs = new Map();
const tenants = new Map();
let server = null;
let verify = null;

function append(event) {
  const list = logs.get(event.callId);
  if (list) list.push(event);
  else logs.set(event.callId, [event]);
}

// --------------------------------------------------------------------------------------------------------------
// Graph

function postToGraph(path, body) {
  const url = new URL(config.graphBaseUrl + path);
  const transport = url.protocol === "https:" ? https : http;
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: {
          Authorization: `Bearer ${config.accessToken}`,
          "Content-Type": "application/json",
          Accept: "application/json",
          "Content-Length": payload.length,
        },
        timeout: GRAPH_TIMEOUT_MS,
      },
      (response) => {
        const chunks = [];
        response.on("data", (c) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`Graph did not answer within ${GRAPH_TIMEOUT_MS} ms`)));
    request.on("error", reject);
    request.end(payload);
  });
}

function refusal(what, response) {
  return new Error(`Graph refused ${what}: ${response.status} ${response.text.slice(0, 500)}`);
}

async function createCall({ intent }) {
  const response = await postToGraph("/communications/calls", createCallBody(intent, config.callbackUri));
  if (response.status !== 201) throw refusal("the call", response);
  let id = null;
  try {
    id = JSON.parse(response.text)?.id ?? null;
  } catch {
    // fall back on Location below
  }
  if (typeof id !== "string" && typeof response.headers.location === "string") {
    id = /\/calls\/([^/?#]+)/.exec(response.headers.location)?.[1] ?? null;
  }
  if (typeof id !== "string") throw new Error("Graph's 201 carried no call id");
  // The call's tenant (PROTOCOL.md): the request's tenantId, else start's; Graph's 201 says it too.
  tenants.set(id, intent?.tenantId ?? config.tenantId);
  return { callId: id };
}

async function transfer({ callId, intent }) {
  const response = await postToGraph(`/communications/calls/${encodeURIComponent(callId)}/transfer`, transferBody(intent));
  if (response.status < 200 || response.status > 299) throw refusal("the transfer", response);
  return {};
}

// --------------------------------------------------------------------------------------------------------------
// Callback: accept, log events, answer 202. All interpretation happens later, in observe().

function acceptNotifications(body) {
  const items = Array.isArray(body?.value) ? body.value : [];
  for (const item of items) {
    const event = eventOf(item);
    if (event !== null) append(event);
  }
}

function onCallback(request, response) {
  const answer = (status, text = "") => {
    response.writeHead(status, text ? { "Content-Type": "text/plain" } : {});
    response.end(text);
  };
  if (request.method !== "POST") return answer(405, "POST only");
  const chunks = [];
  let size = 0;
  request.on("data", (chunk) => {
    size += chunk.length;
    if (size <= MAX_CALLBACK_BYTES) chunks.push(chunk);
  });
  request.on("end", async () => {
    if (size > MAX_CALLBACK_BYTES) return answer(413, "too large");
    // Nothing is logged from a POST whose token does not show Graph sent it for this bot and the call's tenant.
    let claims;
    try {
      claims = await verify(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof Refused)) log("token check failed:", error?.stack ?? error);
      return answer(error instanceof Refused ? error.status : 401, "unauthorized");
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return answer(400, "not JSON");
    }
    const items = Array.isArray(body?.value) ? body.value : [];
    const foreign = items.map((item) => routeOf(item)?.callId).find((callId) => tenants.has(callId) && tenants.get(callId) !== claims.tid);
    if (foreign !== undefined) return answer(403, "token for another tenant");
    try {
      acceptNotifications(body);
    } catch (error) {
      log("could not use a notification:", error?.stack ?? error); // still 2xx: Graph must not retry forever
    }
    answer(202);
  });
  request.on("error", () => answer(400));
}

async function start(params) {
  if (config !== null) throw new Error("start was already received");
  for (const field of ["graphBaseUrl", "accessToken", "callbackUri", "appId", "tenantId", "openIdConfigurationUrl"]) {
    if (typeof params[field] !== "string") throw new Error(`start: ${field} must be a string`);
  }
  config = { graphBaseUrl: params.graphBaseUrl.replace(/\/+$/, ""), accessToken: params.accessToken, callbackUri: params.callbackUri, tenantId: params.tenantId };
  verify = createVerifier({ appId: params.appId, openIdConfigurationUrl: params.openIdConfigurationUrl });
  server = http.createServer(onCallback);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return { callbackUrl: `http://127.0.0.1:${server.address().port}${CALLBACK_PATH}` };
}

// --------------------------------------------------------------------------------------------------------------
// The process protocol

const EMPTY_OBSERVATION = observe([]);

const methods = {
  start,
  createCall,
  transfer,
  observe: async ({ callId }) => (logs.has(callId) ? observe(logs.get(callId)) : EMPTY_OBSERVATION),
  stop: async () => ({}),
};

function send(message, then) {
  process.stdout.write(`${JSON.stringify(message)}\n`, then);
}

function exit() {
  server?.close();
  server?.closeAllConnections?.();
  process.exit(0);
}

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return log("not JSON, ignored:", line.slice(0, 200));
  }
  if (typeof request !== "object" || request === null || !Number.isInteger(request.id)) {
    return log("not a request (no integer id), ignored:", line.slice(0, 200));
  }
  const { id, method } = request;
  const params = typeof request.params === "object" && request.params !== null ? request.params : {};
  try {
    if (request.protocol !== 1) throw new Error(`unsupported protocol ${JSON.stringify(request.protocol)} (this bot speaks 1)`);
    if (!Object.hasOwn(methods, method)) throw new Error(`unknown method ${JSON.stringify(method)}`);
    if (config === null && method !== "start" && method !== "stop") throw new Error(`${method} before start`);
    const result = await methods[method](params);
    if (method === "stop") return send({ id, result }, exit);
    send({ id, result });
  } catch (error) {
    send({ id, error: { message: error instanceof Error ? error.message : String(error) } });
  }
}

// Version 1 sends one request at a time; a queue keeps answers in order even if that ever changes.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (line.trim() === "") return;
  queue = queue.then(() => handle(line));
});
lines.on("close", () => queue.then(exit));
