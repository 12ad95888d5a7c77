/**
 * The reference implementation as a process, speaking the process protocol (PROTOCOL.md): it is
 * what `graph-calls-contract run --command "node dist/implementations/reference-process/main.js"`
 * drives, and a model for writing an adapter in another language.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { REFERENCE_PARTS, ReferenceBot } from "../reference/bot.js";

/** The protocol versions this implementation speaks; it chooses the newest the harness offers at start. */
const SPOKEN = [1, 2];
let bot = new ReferenceBot();
let server: http.Server | undefined;

/** The callback: every HTTP request is handed to the bot as a Fetch API Request. */
async function startCallbackServer(): Promise<string> {
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method ?? "POST", headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const response = await bot.handleNotification(request);
    res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/calls`;
}

type Params = Record<string, unknown>;
const handlers: Record<string, (params: Params) => Promise<unknown>> = {
  start: async (p) => {
    // A harness of version 1 offers nothing: then observations keep version 1's meaning.
    const offered = Array.isArray(p.protocols) ? p.protocols : [1];
    const protocol = Math.max(...SPOKEN.filter((v) => offered.includes(v)));
    if (!Number.isFinite(protocol)) throw new Error(`none of the protocol versions offered (${offered.join(", ")}) is one this implementation speaks (${SPOKEN.join(", ")})`);
    bot = new ReferenceBot(REFERENCE_PARTS, protocol as 1 | 2);
    const text = (name: string) => (typeof p[name] === "string" ? (p[name] as string) : "");
    await bot.start({ graphBaseUrl: text("graphBaseUrl"), accessToken: text("accessToken"), callbackUri: text("callbackUri"), appId: text("appId"), tenantId: text("tenantId"), openIdConfigurationUrl: text("openIdConfigurationUrl") });
    return { callbackUrl: await startCallbackServer(), protocol };
  },
  createCall: (p) => bot.createCall(p.intent as never),
  transfer: async (p) => { await bot.transfer(String(p.callId), p.intent as never); return {}; },
  observe: (p) => bot.observe(String(p.callId)),
  stop: async () => { await bot.stop(); server?.close(); setImmediate(() => process.exit(0)); return {}; },
};

createInterface({ input: process.stdin }).on("line", async (line) => {
  let id: unknown;
  try {
    const message = JSON.parse(line) as { id: unknown; method: string; params: Params; protocol: number };
    id = message.id;
    if (!SPOKEN.includes(message.protocol)) throw new Error(`protocol ${message.protocol} is not supported (this implementation speaks ${SPOKEN.join(", ")})`);
    const handler = handlers[message.method];
    if (!handler) throw new Error(`unknown method ${message.method}`);
    process.stdout.write(JSON.stringify({ id, result: await handler(message.params ?? {}) }) + "\n");
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, error: { message: (e as Error).message } }) + "\n");
  }
});
process.stdin.on("end", () => { server?.close(); process.exit(0); });
