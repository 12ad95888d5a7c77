/**
 * Hostile implementations (issue 13, "a harness nothing can break"): each is driven by the built CLI,
 * as a bot team runs it, and each run must finish within its deadline, write its reports (marked
 * partial where it was cut short), leave no process behind and exit with the documented code
 * (`run --help`, PROTOCOL.md "Lifecycle, timeouts and failures"). The bots are suites/hostile/bot.cjs
 * (one mode each) and suites/hostile/crashing-adapter.mjs. Their figures before and after the
 * fixes (time, peak memory) are in the note; here only what must hold, with short timeouts so
 * that the suite costs a few seconds of CPU.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { leftovers, processesWith, ROOT } from "../implementations/command-run.js";
import { REPORT_FILES } from "../../src/reports/index.js";

const BIN = path.join(ROOT, "bin/graph-calls-contract.js");
const BOT = path.join(ROOT, "suites/hostile/bot.cjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Results {
  partial: boolean;
  stopped?: { kind: string; reason: string; subjectsNotRun: number };
  checks: Array<{ id: string; status: string; errorKind?: string; message?: string }>;
}

interface Outcome {
  code: number | null;
  /** The CLI had to be killed: it did not finish within its deadline. */
  killed: boolean;
  stdout: string;
  stderr: string;
  results?: Results;
  /** Every report file of reports/latest. */
  files: string[];
  /** Processes of the run (carrying its marker) still alive 3 s after it ended (killed then). */
  left: Array<{ pid: number; args: string }>;
  /** The command lines of the run's processes seen while it went on. */
  seen: Set<string>;
  /** reports/latest/summary.md. */
  summary: string;
}

/**
 * `graph-calls-contract run` on a hostile bot, killed (and failed) if it is not done within `withinMs`;
 * `signalAfterMs` sends a signal that long after the run printed its first line.
 */
async function hostileRun(target: { mode: string } | { adapter: string }, args: string[], withinMs: number, signalAfterMs?: [NodeJS.Signals | "close-output", number], env?: NodeJS.ProcessEnv): Promise<Outcome> {
  const marker = `hostile-${randomUUID()}`;
  const reports = path.join(tmp, marker);
  const targetArgs = "mode" in target ? ["--command", `node ${BOT} ${target.mode} ${marker}`] : ["--adapter", target.adapter];
  const child = spawn(process.execPath, [BIN, "run", ...targetArgs, "--seed", "1", "--runs", "0", "--reports", reports, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let stdout = "";
  let stderr = "";
  let killed = false;
  const timer = setTimeout(() => { killed = true; child.kill("SIGKILL"); }, withinMs);
  let signalTimer: NodeJS.Timeout | undefined;
  const seen = new Set<string>();
  const watch = setInterval(() => { for (const p of processesWith(marker, child.pid)) seen.add(p.args); }, 100);
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (stderr === "" && signalAfterMs) {
      const [what, ms] = signalAfterMs;
      // "close-output": the reader goes away (both pipes closed), as when the parent dies.
      signalTimer = setTimeout(() => (what === "close-output" ? (child.stdout.destroy(), child.stderr.destroy()) : child.kill(what)), ms);
    }
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  clearTimeout(timer);
  clearTimeout(signalTimer);
  clearInterval(watch);
  const latest = path.join(reports, "latest");
  const files = fs.existsSync(latest) ? fs.readdirSync(latest).sort() : [];
  const results = files.includes("results.json") ? (JSON.parse(fs.readFileSync(path.join(latest, "results.json"), "utf8")) as Results) : undefined;
  const summary = files.includes("summary.md") ? fs.readFileSync(path.join(latest, "summary.md"), "utf8") : "";
  const left = await leftovers(marker, 3_000);
  return { code, killed, stdout, stderr, files, left, seen, summary, ...(results ? { results } : {}) };
}

const REPORTS = [...REPORT_FILES].sort();
// Runs in which the bot does real work: the step is a hang detector (the bot's hostility, not its
// speed on a loaded machine, must decide what these runs show).
const ONE_SCENARIO = ["--only", "create-call.v1.0.ex01,sequence.outgoing-call-lifecycle", "--step-timeout", "20000"];
// Runs of the bot that hangs after start: the step is their subject, short so that it trips soon,
// yet start (two steps) must take in node's boot of the bot, which a loaded machine stretches to seconds.
const HANG_STEP = ["--step-timeout", "3000"];
const check = (o: Outcome, id: string) => o.results?.checks.find((c) => c.id === id);

/** What every hostile run must do, whatever the bot did. */
function expectContained(o: Outcome, code: number): void {
  const why = `${o.stdout}\n${o.stderr.slice(-2_000)}`;
  expect(o.killed, `did not finish within its deadline: ${why}`).toBe(false);
  expect(o.code, why).toBe(code);
  expect(o.files, why).toEqual(REPORTS);
  expect(o.left, "processes of the run outlived it").toEqual([]);
}

// Each run is given up to 60 s (the machines running CI are shared); each takes a few seconds.
describe("hostile implementations: each run finishes, writes its reports, leaves nothing, exits as documented", { timeout: 90_000 }, () => {
  test("huge bodies to the mock Graph (1,000,000 levels deep, 100,000 targets, 10 MB): answered 400, 400 and 413 without stalling the harness", async () => {
    const o = await hostileRun({ mode: "huge-body" }, ONE_SCENARIO, 60_000);
    expectContained(o, 1);
    expect(check(o, "create-call.v1.0.ex01/http.sent")?.message).toMatch(/the bot sent 3 requests: POST \/communications\/calls -> 400, POST \/communications\/calls -> 400, POST \/communications\/calls -> 413/);
    expect(o.results?.partial).toBe(false);
  });

  test("an endless line on stdout: a protocol violation at 1 MiB, the implementation could not start (exit 3)", async () => {
    const o = await hostileRun({ mode: "stdout-flood" }, ONE_SCENARIO, 60_000);
    expectContained(o, 3);
    expect(check(o, "implementation/start")).toMatchObject({ status: "error", errorKind: "start" });
    expect(check(o, "implementation/start")?.message).toMatch(/^start\(\) failed: a line on stdout longer than 1048576 bytes/);
  });

  test("an endless line on stderr: the run goes on to its end; the line is cut to 4 KiB in what the reports show", async () => {
    const o = await hostileRun({ mode: "stderr-flood" }, ONE_SCENARIO, 60_000);
    expectContained(o, 1);
    expect(check(o, "implementation/start")?.status).toBe("passed");
    expect(check(o, "create-call.v1.0.ex01/schema")?.status).toBe("passed");
    expect(o.results?.partial).toBe(false);
  });

  test("a grandchild in its own session and group, listening on 127.0.0.1 and ignoring SIGTERM: gone when the run is", async () => {
    const o = await hostileRun({ mode: "grandchild" }, ONE_SCENARIO, 60_000);
    expectContained(o, 1);
    // That none is left means something only if the grandchild was there.
    expect([...o.seen].some((args) => args.includes("hostile-grandchild"))).toBe(true);
  });

  test("a bot that hangs everywhere, over the whole catalog: the circuit breaker ends it after 3 timeouts, every other check an error (timeout)", async () => {
    const o = await hostileRun({ mode: "hang" }, [...HANG_STEP, "--max-consecutive-timeouts", "3"], 60_000);
    expectContained(o, 1);
    expect(o.results?.partial).toBe(true);
    expect(o.results?.stopped?.kind).toBe("circuit-breaker");
    expect(o.results!.checks.filter((c) => c.message?.startsWith("not run: ")).length).toBeGreaterThan(200);
    expect(o.stdout).toMatch(/^PARTIAL: partial run \(circuit-breaker\)/m);
  });

  test("a bot that hangs, with the breaker off: the run's deadline ends it (--deadline 3), stop included (it waited a 60 s step)", async () => {
    const o = await hostileRun({ mode: "hang" }, ["--step-timeout", "60000", "--max-consecutive-timeouts", "0", "--deadline", "3"], 60_000);
    expectContained(o, 1);
    expect(o.results?.stopped?.kind).toBe("deadline");
    expect(o.results!.checks.filter((c) => c.status === "error" && c.errorKind === "timeout").length).toBeGreaterThan(200);
  });

  test("a start slower than a step (1.2 steps): start gets two, and the run is judged", async () => {
    // The 4 s left of start's two steps are for node's boot of the bot, seconds on a loaded machine.
    const o = await hostileRun({ mode: "slow-start" }, [...ONE_SCENARIO.slice(0, 2), "--step-timeout", "5000"], 60_000, undefined, { SLOW_START_MS: "6000" });
    expectContained(o, 1);
    expect(check(o, "implementation/start")?.status).toBe("passed");
    expect(check(o, "create-call.v1.0.ex01/schema")?.status).toBe("passed");
  });

  test("SIGINT in the middle of a run: the implementation is stopped, the reports are written, marked partial, exit 130", async () => {
    const o = await hostileRun({ mode: "hang" }, ["--step-timeout", "20000"], 60_000, ["SIGINT", 2_000]);
    expectContained(o, 130);
    expect(o.results?.partial).toBe(true);
    expect(o.results?.stopped).toMatchObject({ kind: "interrupted", reason: "interrupted by SIGINT" });
    expect(o.summary).toContain("partial run (interrupted): interrupted by SIGINT");
  });

  test("SIGTERM: the same, exit 143; a --prove asked for is not run after it (minutes of proof after an interrupt)", async () => {
    const o = await hostileRun({ mode: "hang" }, ["--step-timeout", "20000", "--prove"], 60_000, ["SIGTERM", 2_000]);
    expectContained(o, 143);
    expect(o.results?.stopped?.kind).toBe("interrupted");
    expect(o.stdout).toMatch(/^proof: not run: the run is partial \(interrupted\)$/m);
  });

  test("its output closed in the middle of a run (the reader gone): stopped at its next line, the reports written, marked partial, exit 141", async () => {
    // The bot hangs and the breaker is off: only the closed output can end this run before its 120 s deadline.
    const o = await hostileRun({ mode: "hang" }, [...HANG_STEP, "--max-consecutive-timeouts", "0", "--deadline", "120"], 60_000, ["close-output", 1_500]);
    expectContained(o, 141);
    expect(o.results?.stopped).toMatchObject({ kind: "interrupted", reason: "its output was closed (EPIPE): nobody reads the run any more" });
    expect(o.summary).toContain("partial run (interrupted): its output was closed (EPIPE)");
  });

  test("its parent SIGKILLed (a test worker that died): the orphaned harness stops within seconds, not at its deadline, and leaves no process", async () => {
    const marker = `hostile-${randomUUID()}`;
    const reports = path.join(tmp, marker);
    const parent = spawn(process.execPath, [path.join(ROOT, "suites/hostile/parent.cjs"), BIN, "run", "--command", `node ${BOT} hang ${marker}`, "--seed", "1", "--runs", "0", "--reports", reports, ...HANG_STEP, "--max-consecutive-timeouts", "0", "--deadline", "120"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
    const harness = await new Promise<number>((resolve, reject) => {
      parent.stdout.setEncoding("utf8").on("data", (text: string) => { const pid = /child (\d+)/.exec(text); if (pid) resolve(Number(pid[1])); });
      parent.on("close", () => reject(new Error("the parent ended before its child wrote a line")));
    });
    parent.kill("SIGKILL");
    const killedAt = Date.now();
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    // Its next line (within a step) meets the closed pipe; 40 s leaves a loaded machine room, and is a third of its deadline.
    while (alive(harness) && Date.now() - killedAt < 40_000) await new Promise((r) => setTimeout(r, 100));
    const stillAlive = alive(harness);
    if (stillAlive) process.kill(harness, "SIGKILL");
    const left = await leftovers(marker, 3_000); // before any assertion: no suite inherits them
    expect(stillAlive, "the harness outlived its parent by 40 s").toBe(false);
    expect(left, "processes of the run outlived it").toEqual([]);
    const results = JSON.parse(fs.readFileSync(path.join(reports, "latest", "results.json"), "utf8")) as Results;
    expect(results.stopped).toMatchObject({ kind: "interrupted", reason: "its output was closed (EPIPE): nobody reads the run any more" });
  });

  test("a crash of the harness (an in-process adapter throws from a timer): the reports are written, marked partial, exit 3", async () => {
    const o = await hostileRun({ adapter: path.join(ROOT, "suites/hostile/crashing-adapter.mjs") }, ["--step-timeout", "5000"], 60_000);
    expectContained(o, 3);
    expect(o.results?.stopped).toMatchObject({ kind: "crash", reason: "the harness crashed: thrown from a timer, out of any call" });
    expect(o.stderr).toContain("internal error: thrown from a timer, out of any call");
  });
});
