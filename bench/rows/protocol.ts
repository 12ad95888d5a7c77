/**
 * The process protocol's hops, each against the loopback floor doing the same work: a notification
 * POST to a bot in another process, and a request to the mock Graph over HTTP.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ProcessBot } from "../../src/adapters/process-bot.js";
import { loadContract } from "../../src/index.js";
import { GraphMock } from "../../src/mock-graph/graph-mock.js";
import { startGraphServer } from "../../src/mock-graph/http-server.js";
import { NotificationIssuer } from "../../src/mock-graph/issuer.js";
import { validate } from "../../src/validators/index.js";
import { ACCESS_TOKEN, APP_ID, CALLBACK_URI, TENANT_ID } from "../../src/harness/run.js";
import type { Row } from "../row.js";
import { largestValid, notificationBatch, requireFile } from "./support.js";

/** Wall time (the hops wait on another process or on sockets), batched: one call is a fraction of a millisecond. */
const WALL = { clock: "wall" as const };

/** POST with a keep-alive agent, reading the whole answer: the floor any HTTP client pays. */
function post(agent: http.Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

export const notificationPostRow: Row = {
  id: "process-notification-post",
  title: "one notification POST to a bot in another process (the harness's handleNotification: a Request, fetch to its callback, its answer read)",
  baseline: "http.request with a keep-alive agent POSTing the same body to the same callback and reading the answer: the loopback floor, the bot's own work included on both sides",
  goal: { max: 2 },
  async prepare({ root }) {
    const main = requireFile(path.join(root, "dist", "implementations", "reference-process", "main.js"), "npm run build");
    const body = JSON.stringify(notificationBatch());
    // The bot checks every POST's token (PROTOCOL.md, Notification tokens): the mock Graph serves the
    // issuer's key set over HTTP, and one token minted up front (valid an hour) goes on every POST.
    const contract = loadContract();
    let issuer: NotificationIssuer | undefined;
    const mock = await startGraphServer(async (origin) => {
      issuer = await NotificationIssuer.create({ origin, appId: APP_ID });
      return new GraphMock({ contract, seed: 1, origin, tenantId: TENANT_ID, issuer });
    });
    const headers = { "Content-Type": "application/json", Authorization: `Bearer ${await issuer!.mint({ tid: TENANT_ID })}` };
    const bot = new ProcessBot({ command: `node ${main}`, cwd: root, requestTimeoutMs: 5_000 });
    const { callbackUrl } = await bot.start({ graphBaseUrl: `${mock.origin}/v1.0`, accessToken: ACCESS_TOKEN, callbackUri: CALLBACK_URI, appId: APP_ID, tenantId: TENANT_ID, openIdConfigurationUrl: issuer!.openIdConfigurationUrl });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaHarness = async () => {
      const response = await bot.handleNotification(new Request(CALLBACK_URI, { method: "POST", headers, body }));
      await response.text();
      return response.status;
    };
    return {
      subject: { name: "ProcessBot.handleNotification", run: viaHarness },
      baseline: { name: "keep-alive http.request", run: () => post(agent, callbackUrl, headers, body) },
      bounds: WALL,
      async check() {
        const [a, b] = [await viaHarness(), (await post(agent, callbackUrl, headers, body)).status];
        if (a !== b || a < 200 || a > 299) throw new Error(`the bot answered ${a} through the harness and ${b} directly: both must be the same 2xx`);
      },
      async close() {
        agent.destroy();
        await bot.stop();
        await mock.close();
      },
    };
  },
};

export const mockGraphRequestRow: Row = {
  id: "mock-graph-request",
  title: "one create-call request to the mock Graph over HTTP (validated, recorded, answered 201 with the call)",
  baseline: "a bare node:http server doing the same: read the body, JSON.parse, validate it (the precompiled validators), answer 201 with the call; the same keep-alive client",
  goal: { max: 1.5 },
  async prepare() {
    const body = JSON.stringify(largestValid("create-call-request").payload);
    const headers = { "Content-Type": "application/json", Authorization: `Bearer ${ACCESS_TOKEN}` };
    const contract = loadContract();
    const mock = await startGraphServer((origin) => new GraphMock({ contract, seed: 1, origin }));
    let next = 0;
    const bare = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const payload = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
        const result = validate("create-call-request", payload);
        const id = `call-${next++}`;
        const call = JSON.stringify(result.valid ? { "@odata.type": "#microsoft.graph.call", ...payload, id, state: "establishing" } : { error: result.errors });
        res.writeHead(result.valid ? 201 : 400, { "Content-Type": "application/json", Location: `/v1.0/communications/calls/${id}`, "Content-Length": Buffer.byteLength(call) });
        res.end(call);
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/v1.0/communications/calls`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaMock = async () => {
      const answer = await post(agent, `${mock.origin}/v1.0/communications/calls`, headers, body);
      mock.graph.clearRequests(); // a run clears them per scenario; thousands kept would measure the heap instead
      return answer;
    };
    return {
      subject: { name: "mock Graph (startGraphServer)", run: viaMock },
      baseline: { name: "bare node:http + validate", run: () => post(agent, bareUrl, headers, body) },
      bounds: WALL,
      async check() {
        const [a, b] = [await viaMock(), await post(agent, bareUrl, headers, body)];
        if (a.status !== 201 || b.status !== 201) throw new Error(`create call answered ${a.status} by the mock, ${b.status} by the bare server: both must be 201 (${a.body.slice(0, 200)})`);
      },
      async close() {
        agent.destroy();
        await mock.close();
        await new Promise<void>((resolve) => bare.close(() => resolve()));
      },
    };
  },
};
