/**
 * Implementations that misbehave over the process protocol: garbage on stdout, a crash, a hang,
 * a callback port nobody listens on, and an interrupted run. Each fails the checks concerned with a
 * diagnostic (the implementation's stderr included), the run finishes and writes its reports, and
 * no process is left behind.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ProcessBot } from "../../src/adapters/process-bot.js";
import { liveChildren } from "../../src/adapters/children.js";
import { runConformance, type RunResult } from "../../src/harness/run.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-process-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A minimal protocol bot with one way of misbehaving (MODE): enough to create calls and take
 * notifications, so what fails is only what MODE breaks.
 */
const BOT = `
const http = require("node:http");
const readline = require("node:readline");
const MODE = process.argv[2];
let graph, token, callbackUri;
const answer = (id, result) => process.stdout.write(JSON.stringify({ id, result }) + "\\n");
readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  const { id, method, params } = JSON.parse(line);
  if (method === "start") {
    if (MODE === "garbage") { process.stdout.write("listening... ok\\n"); return; }
    ({ graphBaseUrl: graph, accessToken: token, callbackUri } = params);
    if (MODE === "no-listen") {
      // A port that was free a moment ago and that nobody listens on now.
      const probe = http.createServer().listen(0, "127.0.0.1", () => { const port = probe.address().port; probe.close(() => answer(id, { callbackUrl: "http://127.0.0.1:" + port + "/api/calls" })); });
      return;
    }
    const server = http.createServer((req, res) => { req.resume(); req.on("end", () => res.writeHead(202).end()); });
    // A JVM boots for seconds: longer than a step, shorter than the two steps start gets (argv[3] ms).
    if (MODE === "slow-start") await new Promise((r) => setTimeout(r, Number(process.argv[3])));
    server.listen(0, "127.0.0.1", () => answer(id, { callbackUrl: "http://127.0.0.1:" + server.address().port + "/api/calls" }));
    return;
  }
  if (method === "createCall") {
    if (MODE === "crash") { process.stderr.write("boom: out of coffee\\n"); process.exit(3); }
    const body = { callbackUri, targets: params.intent.targets.map((t) => ({ identity: { [t.kind]: { id: t.id } } })), requestedModalities: params.intent.modalities,
      mediaConfig: { "@odata.type": params.intent.media.hosting === "app" ? "#microsoft.graph.appHostedMediaConfig" : "#microsoft.graph.serviceHostedMediaConfig" } };
    const r = await fetch(graph + "/communications/calls", { method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return answer(id, { callId: (await r.json()).id });
  }
  if (method === "observe") {
    if (MODE === "hang") { process.stderr.write("thinking very hard\\n"); return; }
    return answer(id, { state: null, participants: [], contentSharingSessions: [], transfer: "none", result: null, terminationReason: null });
  }
  answer(id, {});
});
`;
const botFile = path.join(tmp, "bot.cjs");
fs.writeFileSync(botFile, BOT);

const ONLY = "create-call.v1.0.ex01,sequence.outgoing-call-lifecycle";
/**
 * A run of the bot in `mode`. The step is a hang detector unless the test's subject is a timeout:
 * this suite runs beside the others on two shared cores, where node's boot and a cold first request
 * take seconds. The protocol's own timeout is half a second under the step, as before.
 */
function run(mode: string, stepTimeoutMs = STEP_TIMEOUT_MS, ...args: string[]): Promise<RunResult> {
  return runConformance({
    adapter: { createBot: () => new ProcessBot({ command: ["node", botFile, mode, ...args].join(" "), cwd: tmp, requestTimeoutMs: stepTimeoutMs - 500 }) },
    adapterName: `misbehaving-${mode}`,
    seed: 1,
    runs: 0,
    stepTimeoutMs,
    graphTransport: "http",
    only: ONLY,
  });
}

const byId = (r: RunResult, id: string) => r.checks.find((c) => c.id === id)!;

describe("a bot that misbehaves: the check concerned is an error with a diagnostic, and what depends on it is blocked by it", () => {
  test("garbage on stdout while starting: one error (it could not start), every other check blocked by it, naming the line it printed", async () => {
    const r = await run("garbage");
    expect(r.checks.length).toBeGreaterThan(10);
    const errors = r.checks.filter((c) => c.status === "error");
    expect(errors.map((c) => [c.id, c.errorKind])).toEqual([["implementation/start", "start"]]);
    expect(errors[0]!.message).toMatch(/garbage on stdout.*"listening\.\.\. ok"/);
    expect(r.checks.filter((c) => c.status !== "error").every((c) => c.status === "blocked" && c.blockedBy === "implementation/start")).toBe(true);
  });

  test("a crash while creating a call: that scenario errors with the exit code and the stderr, the process is restarted for the rest", async () => {
    const r = await run("crash");
    const sent = byId(r, "create-call.v1.0.ex01/http.sent");
    expect([sent.status, sent.errorKind]).toEqual(["error", "crash"]);
    expect(sent.message).toMatch(/exited with code 3/);
    expect(sent.message).toMatch(/boom: out of coffee/);
    expect(byId(r, "create-call.v1.0.ex01/schema")).toMatchObject({ status: "blocked", blockedBy: sent.id });
    // The sequence needs a call too: it is blocked by the same check, after a restart (not "not running").
    const end = byId(r, "sequence.outgoing-call-lifecycle/end");
    expect(end).toMatchObject({ status: "blocked", blockedBy: sent.id });
    expect(end.message).toMatch(/could not create the call.*exited with code 3/);
  });

  test("a hang: the step times out with the stderr tail, what follows is blocked by it, and the run goes on", async () => {
    // Short (the timeout is the subject), yet seconds for the steps that answer, cold first request included.
    const r = await run("hang", 5_000);
    const step = byId(r, "sequence.outgoing-call-lifecycle/step.establishing");
    expect([step.status, step.errorKind]).toEqual(["error", "timeout"]);
    expect(step.message).toMatch(/no answer to observe within 4500 ms.*thinking very hard/);
    expect(byId(r, "sequence.outgoing-call-lifecycle/end")).toMatchObject({ status: "blocked", blockedBy: step.id });
    // The request checks do not observe: they pass.
    expect(byId(r, "create-call.v1.0.ex01/schema").status).toBe("passed");
  });

  test("a start slower than a step (6.5 s, steps of 6 s) is given twice a step: the run is judged", async () => {
    // Start gets 11 s (twice the protocol's 5.5 s): 4.5 s for node's own boot on two busy cores (a start of
    // 3.5 s of 4 s failed there, twice).
    const r = await run("slow-start", 6_000, "6500");
    expect(byId(r, "create-call.v1.0.ex01/schema").status).toBe("passed");
    expect(byId(r, "sequence.outgoing-call-lifecycle/acks").status).toBe("passed");
  });

  test("a callback port nobody listens on: the acknowledgements error with connection refused, and the steps are blocked by them", async () => {
    const r = await run("no-listen");
    const acks = byId(r, "sequence.outgoing-call-lifecycle/acks");
    expect([acks.status, acks.errorKind]).toEqual(["error", "protocol"]);
    expect(JSON.stringify(acks.timeline)).toMatch(/connection refused/);
    expect(byId(r, "sequence.outgoing-call-lifecycle/step.establishing")).toMatchObject({ status: "blocked", blockedBy: acks.id });
  });

  test("no process of these runs is left", () => {
    expect(liveChildren()).toBe(0);
    expect(processesMatching(botFile)).toEqual([]);
  });
});

function processesMatching(text: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes(text) && !l.includes("ps -eo"));
}

describe("an interrupted run", () => {
  const cli = path.join(PROJECT_ROOT, "bin", "graph-calls-contract.js");
  beforeAll(() => {
    if (!fs.existsSync(path.join(PROJECT_ROOT, "dist", "src", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` before this suite (it runs the built CLI)");
  });

  test("SIGINT to the CLI kills the implementation and what it started in its group", async () => {
    const marker = `${300 + Math.floor(Math.random() * 600)}.5`;
    // The bot starts a long sleep in its own process group, then hangs on start.
    const hanging = path.join(tmp, "hang-on-start.sh");
    fs.writeFileSync(hanging, `#!/bin/sh\nsleep ${marker} &\nexec cat > /dev/null\n`, { mode: 0o755 });
    const child = spawn(process.execPath, [cli, "run", "--command", hanging, "--runs", "0", "--reports", path.join(tmp, "reports"), "--step-timeout", "20000"], { stdio: "ignore" });
    // Up to 30 s for the CLI's and the script's start: seconds beside other suites on two shared cores.
    for (let i = 0; i < 300 && processesMatching(`sleep ${marker}`).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesMatching(`sleep ${marker}`).length).toBe(1);
    child.kill("SIGINT");
    await new Promise((r) => child.once("exit", r));
    for (let i = 0; i < 100 && processesMatching(`sleep ${marker}`).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesMatching(`sleep ${marker}`)).toEqual([]);
  });
});
