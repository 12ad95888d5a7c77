/**
 * What `run` says while it works and when it ends: each phase (build, checks, proof) by name with the
 * time since the command started, and a summary line that times the whole command, phase by phase.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { phaseProgress } from "../../src/cli/progress.js";
import { runProcess } from "../../src/snippets-run/process.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { run } from "./helpers.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

function capture(isTTY: boolean) {
  let text = "";
  const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  Object.assign(stream, { isTTY });
  return { stream, text: () => text };
}

describe("phaseProgress", () => {
  it("names the phase once with its size, then each item with its count and the elapsed time (one line each in a CI log)", () => {
    const err = capture(false);
    let now = 12_340;
    const progress = phaseProgress(err.stream, "proof", (total) => `proving the checks with ${total} faulty implementations`, () => now);
    progress(1, 12, "no-authorization");
    now = 75_010;
    progress(12, 12, "claims-v2-answers-v1");
    expect(err.text()).toBe([
      "proof: proving the checks with 12 faulty implementations (at 12.3 s)",
      "proof [ 1/12]  12.3 s no-authorization",
      "proof [12/12]  75.0 s claims-v2-answers-v1",
      "",
    ].join("\n"));
  });

  it("redraws the item line in place on a terminal and ends it at the last item", () => {
    const err = capture(true);
    const progress = phaseProgress(err.stream, "checks", (total) => `${total} to run (scenarios and sequences)`, () => 500);
    progress(1, 2, "a");
    progress(2, 2, "b");
    expect(err.text()).toBe("\r\x1b[2Kchecks: 2 to run (scenarios and sequences) (at 0.5 s)\n\r\x1b[2Kchecks [1/2]   0.5 s a\r\x1b[2Kchecks [2/2]   0.5 s b\n");
  });
});

describe("graph-calls-contract run", () => {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "run-progress-"));
  afterAll(() => fs.rmSync(reports, { recursive: true, force: true }));

  it("names the checks phase on stderr, and its summary line times the command with the phase inside it", async () => {
    // It must pass (exit 0): a step that only detects hangs, so that none times out on a loaded machine.
    const r = await run(["run", "--only", "create-call.v1.0.ex01", "--runs", "0", "--seed", "1", "--step-timeout", String(STEP_TIMEOUT_MS), "--reports", reports]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^checks: 1 to run \(scenarios and sequences\) \(at \d+\.\d s\)$/m);
    expect(r.stderr).toMatch(/^checks \[1\/1\] +\d+\.\d s create-call\.v1\.0\.ex01$/m);
    const summary = r.lines.find((l) => l.includes(" passed, "))!;
    const m = summary.match(/^(\d+) passed, 0 failed in ([\d.]+) (ms|s): checks ([\d.]+) (ms|s) \(seed 1\)$/);
    expect(m, summary).not.toBeNull();
    const ms = (n: string, unit: string) => Number(n) * (unit === "s" ? 1000 : 1);
    // The command includes the checks phase (start-up and the reports' writing on top).
    expect(ms(m![2]!, m![3]!)).toBeGreaterThanOrEqual(ms(m![4]!, m![5]!) - 50);
    const results = JSON.parse(fs.readFileSync(path.join(reports, "latest", "results.json"), "utf8")) as { durationMs: number };
    expect(Math.abs(ms(m![4]!, m![5]!) - results.durationMs)).toBeLessThanOrEqual(50);
  });
});

describe("graph-calls-contract run --prove", () => {
  it("an --only that selects nothing is a usage error that ends the command: the proof it started beside the run stops with it", async () => {
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), "run-progress-prove-"));
    // Its own process: the command ends when nothing it started is left running.
    const r = await runProcess(process.execPath, [path.join(PROJECT_ROOT, "bin", "graph-calls-contract.js"), "run", "--prove", "--only", "no-such-check", "--seed", "1", "--reports", reports], { cwd: PROJECT_ROOT, timeoutMs: 300_000 }).finally(() => fs.rmSync(reports, { recursive: true, force: true }));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/"no-such-check" selects no check/);
    // The catalog's 83 runs take seconds: a proof left running would have reported them before the command ended.
    expect(r.stderr).not.toMatch(/^proof \[/m);
  }, 310_000);
});

describe("npm run conformance (scripts/conformance.js)", () => {
  it("builds, says so with its time, then runs `run --prove` with the arguments after --, in the same process", async () => {
    const r = await runProcess(process.execPath, [path.join(PROJECT_ROOT, "scripts", "conformance.js"), "--help"], { cwd: PROJECT_ROOT, timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^build: \d+\.\d s$/m);
    expect(r.stdout).toContain("graph-calls-contract run");
    expect(r.stdout).toContain("--prove");
  }, 310_000);
});
