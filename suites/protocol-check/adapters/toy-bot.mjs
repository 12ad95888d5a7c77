#!/usr/bin/env node
/**
 * The smallest implementation of the process protocol that passes `check-adapter`, in either framing,
 * and the faulty adapters that prove each protocol check can fail: `toy-bot.mjs <framing> [fault]`.
 * Each fault (faults.json says which check it must fail, and how) breaks exactly one rule of
 * PROTOCOL.md; without one, the bot follows them all. Standard library only.
 *
 * framings: "native" (version 1 envelope, `protocol` checked), "json-rpc" (as a strict stock library:
 * a member JSON-RPC does not define is an Invalid Request, answered with "id": null), "json-rpc-lenient"
 * (a library that ignores members it does not know, so it answers the native start at once).
 *
 * It does not check notification tokens (the run's auth.* checks would fail it; check-adapter does not
 * judge that), and builds only the create call bodies of simple scenarios.
 */
import http from "node:http";
import readline from "node:readline";

const [framing = "native", fault = "none"] = process.argv.slice(2);
const jsonRpc = framing.startsWith("json-rpc");
const calls = new Map(); // callId -> state
let env;
let server;

const log = (line) => process.stderr.write(`toy-bot: ${line}\n`);
const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
const reply = (id, outcome) => {
  if (!jsonRpc) return send({ id, ...outcome });
  // The fault spares start's answer, so that the framing is detected and the rule broken is the member's.
  send(fault === "no-jsonrpc-member" && replies++ > 0 ? { id, ...outcome } : { jsonrpc: "2.0", id, ...outcome });
};
let replies = 0;

class Refused extends Error {
  constructor(message, code = -32000) {
    super(message);
    this.code = code;
  }
}

const empty = () => ({ state: null, participants: [], contentSharingSessions: [], transfer: "none", transferResult: null, result: null, terminationReason: null });

async function graph(path, body) {
  const response = await fetch(env.graphBaseUrl + path, { method: "POST", headers: { Authorization: `Bearer ${env.accessToken}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Refused(`Graph refused ${path}: ${response.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : {};
}

const identity = (party) => ({ [party.kind]: Object.fromEntries(Object.entries({ id: party.id, displayName: party.displayName, tenantId: party.tenantId }).filter(([, v]) => v != null)) });

function createCallBody(intent) {
  const body = { "@odata.type": "#microsoft.graph.call", callbackUri: env.callbackUri, requestedModalities: intent.modalities };
  if (intent.source) body.source = { "@odata.type": "#microsoft.graph.participantInfo", identity: identity(intent.source) };
  if (intent.targets.length > 0) body.targets = intent.targets.map((t) => ({ "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identity(t) }));
  if (fault === "media-config-untyped") body.mediaConfig = {};
  else body.mediaConfig = intent.media.hosting === "app" ? { "@odata.type": "#microsoft.graph.appHostedMediaConfig", ...(intent.media.blob == null ? {} : { blob: intent.media.blob }) } : { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" };
  if (intent.tenantId) body.tenantId = intent.tenantId;
  if (intent.subject) body.subject = intent.subject;
  const options = { ...(intent.notifications.contentSharing ? { isContentSharingNotificationEnabled: true } : {}), ...(intent.notifications.deltaRoster ? { isDeltaRosterEnabled: true } : {}) };
  if (Object.keys(options).length > 0) body.callOptions = { "@odata.type": "#microsoft.graph.outgoingCallOptions", ...options };
  return body;
}

function listen() {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (fault === "callback-refuses") return res.writeHead(401).end();
      try {
        for (const n of JSON.parse(raw).value ?? []) {
          const id = /\/communications\/calls\/([^/]+)$/.exec(n.resourceUrl ?? "")?.[1];
          const state = n.resourceData?.state;
          if (id && calls.has(id) && typeof state === "string" && fault !== "callback-ignores") calls.set(id, state);
        }
        res.writeHead(202).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
}

const methods = {
  async start(params) {
    if (fault === "start-refused") throw new Refused("this bot cannot start");
    if (fault === "talks-back") {
      send({ jsonrpc: "2.0", method: "log", params: { message: "starting" } });
      send({ jsonrpc: "2.0", id: "ping-1", method: "ping", params: {} });
    }
    env = params;
    let port = await listen();
    if (fault === "callback-not-listening") await new Promise((resolve) => server.close(resolve));
    const host = fault === "callback-https" ? "https://bot.example" : `http://127.0.0.1:${port}`;
    return { callbackUrl: `${host}/api/calls`, ...(fault === "protocol-unoffered" ? { protocol: 3 } : { protocol: 2 }) };
  },
  async createCall({ intent }) {
    const call = await graph("/communications/calls", createCallBody(intent));
    calls.set(call.id, null);
    return { callId: call.id };
  },
  async transfer({ callId, intent }) {
    try {
      await graph(`/communications/calls/${encodeURIComponent(callId)}/transfer`, { transferTarget: { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identity(intent.target) } });
    } catch (e) {
      if (fault === "swallows-errors") return {};
      if (fault === "error-code-not-integer" && jsonRpc) throw Object.assign(new Refused(e.message), { code: "ItemNotFound" });
      throw e;
    }
    return {};
  },
  async observe({ callId }) {
    if (fault === "logs-on-stdout") process.stdout.write(`observing ${callId}\n`);
    if (!calls.has(callId)) {
      if (fault === "unknown-call-refused") throw new Refused(`no call ${callId}`);
      return empty();
    }
    return { ...empty(), state: calls.get(callId) };
  },
  async stop() {
    stopping = fault !== "stop-stays";
    if (fault === "stop-refused") throw new Refused("not now");
    return {};
  },
};
if (fault === "observe-not-served") delete methods.observe;
let stopping = false;

async function handle(line) {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    if (jsonRpc) send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    return;
  }
  if (jsonRpc && message.method === undefined && ("result" in message || "error" in message)) return log(`the harness answered my request: ${line}`);
  if (jsonRpc) {
    const known = ["jsonrpc", "id", "method", "params"];
    const strictRefuses = framing === "json-rpc" && (message.jsonrpc !== "2.0" || Object.keys(message).some((k) => !known.includes(k)));
    if (strictRefuses) return send({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Invalid Request" } });
  } else if (message.protocol !== 1 && message.protocol !== 2) {
    return reply(message.id, { error: { message: `unsupported protocol ${message.protocol}` } });
  }
  const handler = methods[message.method];
  if (!handler) return reply(message.id, jsonRpc ? { error: { code: -32601, message: "Method not found" } } : { error: { message: `unknown method ${message.method}` } });
  try {
    reply(message.id, { result: await handler(message.params ?? {}) });
  } catch (e) {
    reply(message.id, { error: jsonRpc ? { code: e.code ?? -32603, message: e.message } : { message: e.message } });
  }
  if (stopping) shutdown();
}

function shutdown() {
  server?.close();
  server?.closeAllConnections?.();
  // Writes to a pipe are asynchronous: exit once the last answer (stop's) is out.
  process.stdout.write("", () => process.exit(0));
}

let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "") queue = queue.then(() => handle(line));
}).on("close", () => {
  if (fault === "stop-stays") return log("stdin closed, staying (the fault)");
  queue.then(shutdown);
});
if (fault === "stop-stays") setInterval(() => {}, 1_000);
log(`${framing}${fault === "none" ? "" : `, fault ${fault}`}`);
