/**
 * The version handshake of the process protocol: start goes out as version 1 offering the versions
 * the harness speaks; the implementation's answer picks the observation version, and every later
 * request carries it. An implementation that picks nothing speaks version 1.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ProcessBot } from "../../src/adapters/process-bot.js";
import { PROTOCOL_VERSIONS } from "../../src/adapters/protocol.js";
// Steps and starts only detect hangs here: the toy bots do real work (node boots included) beside other suites.
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-versions-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Answers start with the version given as argument (none: no protocol field; text: "2", a string), and echoes what each request carried. */
const BOT = `
const readline = require("node:readline");
const CHOICE = process.argv[2];
let offered;
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { id, method, params, protocol } = JSON.parse(line);
  const answer = (result) => process.stdout.write(JSON.stringify({ id, result }) + "\\n");
  if (method === "start") {
    offered = { protocol, protocols: params.protocols };
    return answer({ callbackUrl: "http://127.0.0.1:9/api/calls", ...(CHOICE === "none" ? {} : { protocol: CHOICE === "text" ? "2" : Number(CHOICE) }) });
  }
  if (method === "observe") return answer({ state: null, participants: [], contentSharingSessions: [], transfer: "none", result: null, terminationReason: null, start: offered, carried: protocol });
  answer({});
});
`;
const botFile = path.join(tmp, "bot.cjs");
fs.writeFileSync(botFile, BOT);

async function started(choice: string) {
  const bot = new ProcessBot({ command: `node ${botFile} ${choice}`, cwd: tmp, requestTimeoutMs: STEP_TIMEOUT_MS });
  try {
    await bot.start({ graphBaseUrl: "http://127.0.0.1:9/v1.0", accessToken: "t", callbackUri: "https://bot.example/cb", appId: "app", tenantId: "tenant", openIdConfigurationUrl: "http://127.0.0.1:9/v1/.well-known/OpenIdConfiguration" });
    return { version: bot.observationVersion, observed: (await bot.observe("c1")) as unknown as Record<string, unknown> };
  } finally {
    await bot.stop();
  }
}

describe("the protocol version handshake", () => {
  test("start goes out as version 1 and offers every version the harness speaks", async () => {
    const { observed } = await started("none");
    expect(observed.start).toEqual({ protocol: 1, protocols: [...PROTOCOL_VERSIONS] });
    expect(PROTOCOL_VERSIONS).toEqual([1, 2]);
  });

  test("an implementation that chooses nothing speaks version 1, and later requests say so", async () => {
    const { version, observed } = await started("none");
    expect(version).toBe(1);
    expect(observed.carried).toBe(1);
  });

  test("an implementation that chooses version 2 is observed in version 2, and later requests carry 2", async () => {
    const { version, observed } = await started("2");
    expect(version).toBe(2);
    expect(observed.carried).toBe(2);
  });

  test("a version the harness did not offer fails start, naming the versions offered", async () => {
    await expect(started("3")).rejects.toThrow(/start answered protocol 3: it must be one of those offered \(1, 2\), or absent for 1/);
    await expect(started("text")).rejects.toThrow(/start answered protocol "2"/);
  });
});
