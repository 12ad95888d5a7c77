/**
 * JSON-RPC 2.0 framing beside the native one (src/adapters/framing.ts, PROTOCOL.md "Framing"): the
 * framing is detected from the answer to start (a strict library's "Invalid Request" makes the harness
 * send start again in JSON-RPC; a lenient one's answer settles it at once) or chosen explicitly, and
 * JSON-RPC errors map to the harness's statuses: reading errors (-32700..-32602) are protocol errors,
 * every other code is the implementation's answer (a failure of the step).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { decodeResponse } from "../../src/adapters/framing.js";
import { ChannelError, ImplementationErrorReply, LineChannel } from "../../src/adapters/line-channel.js";
import type { FramingChoice } from "../../src/adapters/framing.js";
import { processAdapter } from "../../src/adapters/load.js";
// Steps and starts only detect hangs here: the toy bots do real work (node boots included) beside other suites.
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const TOY = path.join(path.dirname(fileURLToPath(import.meta.url)), "../protocol-check/adapters/toy-bot.mjs");
const START = { graphBaseUrl: "http://127.0.0.1:9/v1.0", accessToken: "t", callbackUri: "https://bot.example/cb", appId: "app", tenantId: "tenant", openIdConfigurationUrl: "http://127.0.0.1:9/oidc", protocols: [1, 2] as const };

async function withToy<T>(framing: string, fault: string, choice: FramingChoice | undefined, work: (c: LineChannel) => Promise<T>): Promise<T> {
  const channel = new LineChannel(`node ${TOY} ${framing} ${fault}`, { cwd: path.dirname(TOY), ...(choice ? { framing: choice } : {}) });
  try {
    return await work(channel);
  } finally {
    await channel.close(1_000);
  }
}

describe("framing detection at start", () => {
  test("a native implementation is spoken to natively (its start is the native one it always read)", async () => {
    await withToy("native", "none", undefined, async (c) => {
      expect((await c.handshake(START, STEP_TIMEOUT_MS)).callbackUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calls$/);
      expect(c.framing).toBe("native");
      expect(c.stderr().join("\n")).not.toMatch(/JSON-RPC/);
    });
  });

  test("a strict JSON-RPC library refuses the native start (Invalid Request, id null): start is sent again in JSON-RPC, and it stays JSON-RPC", async () => {
    await withToy("json-rpc", "none", undefined, async (c) => {
      expect((await c.handshake(START, STEP_TIMEOUT_MS)).protocol).toBe(2);
      expect(c.framing).toBe("json-rpc");
      expect(c.stderr()).toContainEqual(expect.stringMatching(/answered start in JSON-RPC 2\.0 \(Invalid Request \(code -32600\).*start sent again in JSON-RPC framing/));
      await expect(c.request("observe", { callId: "nobody" }, STEP_TIMEOUT_MS)).resolves.toMatchObject({ state: null, transfer: "none" });
    });
  });

  test("a lenient JSON-RPC library answers the native start: the framing is settled by that answer, without a second start", async () => {
    await withToy("json-rpc-lenient", "none", undefined, async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      expect(c.framing).toBe("json-rpc");
      expect(c.stderr().join("\n")).not.toMatch(/start sent again/);
    });
  });

  test("--framing json-rpc sends start in JSON-RPC at once", async () => {
    await withToy("json-rpc", "none", "json-rpc", async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      expect(c.stderr().join("\n")).not.toMatch(/start sent again/);
    });
  });

  test("a strict JSON-RPC implementation forced into native framing cannot start: its Invalid Request is reported, not taken for an answer", async () => {
    await withToy("json-rpc", "none", "native", async (c) => {
      const error = await c.handshake(START, STEP_TIMEOUT_MS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).kind).toBe("protocol");
      expect((error as Error).message).toMatch(/garbage on stdout/);
    });
  });
});

describe("JSON-RPC errors and the harness's statuses", () => {
  test("Method not found (-32601) is a protocol error naming the rule, not a failure of the step", async () => {
    await withToy("json-rpc", "observe-not-served", undefined, async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      const error = await c.request("observe", { callId: "x" }, STEP_TIMEOUT_MS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).kind).toBe("protocol");
      expect((error as Error).message).toMatch(/^observe: the implementation answered Method not found \(code -32601\); Method not found: it does not serve this method \(PROTOCOL\.md, Methods\)/);
    });
  });

  test("an error the handler raised (-32603, or a -32000 server error) is the implementation's answer: the step fails", async () => {
    await withToy("json-rpc", "none", undefined, async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      // No Graph listens on port 9: the bot's createCall raises, and its library answers an error.
      const error = await c.request("createCall", { intent: { operation: "create-call", source: null, targets: [], modalities: ["audio"], media: { hosting: "service", prefetch: [] }, meeting: null, tenantId: null, subject: null, notifications: { contentSharing: false, deltaRoster: false } } }, STEP_TIMEOUT_MS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImplementationErrorReply);
      expect((error as Error).message).toMatch(/^createCall failed in the implementation: .*\(code -32603\)/);
    });
  });

  test("an answer without \"jsonrpc\": \"2.0\" once JSON-RPC is spoken is a protocol error saying so", async () => {
    await withToy("json-rpc", "no-jsonrpc-member", undefined, async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      await expect(c.request("observe", { callId: "x" }, STEP_TIMEOUT_MS)).rejects.toThrow(/the answer to observe is not a valid JSON-RPC 2\.0 response: an answer without "jsonrpc": "2\.0" \(got none\)/);
    });
  });

  test("requests and notifications the implementation sends are noted (a request answered -32601), never garbage", async () => {
    await withToy("json-rpc", "talks-back", "json-rpc", async (c) => {
      await c.handshake(START, STEP_TIMEOUT_MS);
      await c.request("observe", { callId: "x" }, STEP_TIMEOUT_MS);
      expect(c.stderr()).toEqual(expect.arrayContaining(['[harness] the implementation sent a notification "log"', '[harness] the implementation sent a request "ping", answered -32601']));
      expect(c.stderr()).toContainEqual(expect.stringMatching(/the harness answered my request: .*"id":"ping-1".*-32601/));
    });
  });
});

describe("decodeResponse", () => {
  const rpc = (line: object) => decodeResponse("json-rpc", JSON.stringify(line));
  test("a JSON-RPC error object needs an integer code and a string message", () => {
    expect(rpc({ jsonrpc: "2.0", id: 3, error: { code: "NotFound", message: "no" } })).toEqual({ kind: "invalid", id: 3, why: 'error.code must be an integer (got "NotFound")', framing: "json-rpc" });
    expect(rpc({ jsonrpc: "2.0", id: 3, error: { code: 1, message: 2 } })).toEqual({ kind: "invalid", id: 3, why: "error.message must be a string (got 2)", framing: "json-rpc" });
    expect(rpc({ jsonrpc: "2.0", id: 3, error: { code: -32000, message: "Graph said no", data: { status: 404 } } })).toEqual({ kind: "error", id: 3, error: { code: -32000, message: "Graph said no", data: { status: 404 } }, framing: "json-rpc" });
  });
  test("exactly one of result and error", () => {
    expect(rpc({ jsonrpc: "2.0", id: 3, result: {}, error: { code: 1, message: "x" } })).toMatchObject({ kind: "invalid", why: "a JSON-RPC answer has exactly one of result and error" });
  });
  test("detection reads a line by its jsonrpc member", () => {
    expect(decodeResponse("detect", '{"id":1,"result":{}}')).toMatchObject({ kind: "result", framing: "native" });
    expect(decodeResponse("detect", '{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request"}}')).toMatchObject({ kind: "unreadable", framing: "json-rpc" });
  });
  test("native framing keeps taking any error value, as it always has", () => {
    expect(decodeResponse("native", '{"id":2,"error":"boom"}')).toEqual({ kind: "error", id: 2, error: { message: '"boom"' }, framing: "native" });
  });
});


describe("a start that fails under run", () => {
  test("names the self-check that diagnoses it, with the command and the framing chosen", async () => {
    const { adapter } = processAdapter(`node ${TOY} json-rpc start-refused`, path.dirname(TOY), STEP_TIMEOUT_MS, "json-rpc");
    const bot = await adapter.createBot();
    try {
      await expect(bot.start({ ...START })).rejects.toThrow(`start failed in the implementation: this bot cannot start (code -32000); its stderr ended with: toy-bot: json-rpc, fault start-refused (graph-calls-contract check-adapter --command 'node ${TOY} json-rpc start-refused' --framing json-rpc diagnoses the process protocol)`);
    } finally {
      await bot.stop();
    }
  });
});
