/**
 * The Python bot (implementations/python/bot.py, standard library only, written from PROTOCOL.md
 * alone) passes every conformance check through the process protocol, and leaves no process
 * behind; its own unit tests (delta roster, transfer states) pass too. Runs the built CLI as a user
 * does, so it needs `npm run build` first; skipped where python3 is not on PATH.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRun, leftovers, ROOT, runCommand } from "./command-run.js";

const PYTHON = "python3";
const pythonAvailable = spawnSync(PYTHON, ["--version"], { stdio: "ignore" }).status === 0;
const SKIP_REASON = `${PYTHON} is not on PATH`;
/** No __pycache__ left in the checkout by the runs below. */
const PYTHON_ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };

/** `graph-calls-contract run --command <python bot>`, watching which python processes it starts. */
function runConformance(marker: string) {
  // -X takes any implementation-specific option and CPython ignores the ones it does not know:
  // a harmless way to tag this run's python processes so that orphans can be found afterwards.
  return runCommand({ command: `${PYTHON} -X conformance-run=${marker} implementations/python/bot.py`, marker, isBot: /python/, env: PYTHON_ENV });
}

describe.skipIf(!pythonAvailable)(`Python bot (implementations/python)${pythonAvailable ? "" : ` (skipped: ${SKIP_REASON})`}`, () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, "dist/src/cli/main.js"))) {
      throw new Error("dist/ has no CLI: run `npm run build` before this suite (it runs the built CLI)");
    }
  });

  it("passes every conformance check through the process protocol, and leaves no python process behind", async () => {
    const marker = randomUUID();
    const run = await runConformance(marker);
    const report = describeRun(run);

    expect(run.code, report).toBe(0);
    expect(run.stdout, report).not.toMatch(/^Root causes/m); // a failing run leads stdout with its root causes
    // "requests    220 passed     0 failed", one line per kind of check (sequences, deliveries...).
    const kinds = [...run.stdout.matchAll(/^(\w+)\s+(\d+) passed\s+(\d+) failed$/gm)].map((m) => ({ kind: m[1], passed: Number(m[2]), failed: Number(m[3]) }));
    // Property-based deliveries (--runs 5) are part of every run: their line must be there too.
    expect(kinds.map((k) => k.kind), report).toEqual(expect.arrayContaining(["requests", "sequences", "deliveries"]));
    for (const k of kinds) {
      expect(k.failed, `${k.kind}: ${report}`).toBe(0);
      expect(k.passed, `${k.kind}: ${report}`).toBeGreaterThan(0);
    }
    expect(run.stdout, report).toMatch(/^\d+ passed, 0 failed in .* \(seed 1\)$/m);
    // It speaks protocol version 1 (it answers start without a protocol) and is judged on version 1's meaning.
    expect(run.observationVersion, report).toBe(1);

    // The orphan check means something only if the bot's processes were seen at all.
    expect(run.seen.size, "no python process of the run was ever seen: the orphan check would prove nothing").toBeGreaterThan(0);
    const alive = await leftovers(marker, 3000);
    expect(alive, "processes of the run outlived it").toEqual([]);
  }, 120_000); // a hang bound: a whole run through python processes, beside other suites on two cores (30 s ran out under load)

  it("its unit tests (delta roster, transfer states) pass under python3 -m unittest", () => {
    const r = spawnSync(PYTHON, ["-m", "unittest", "implementations/python/test_bot.py"], {
      cwd: ROOT,
      env: PYTHON_ENV,
      encoding: "utf8",
      timeout: 60_000, // a hang bound: python's start and the tests take seconds on a loaded machine
    });
    if (r.error) throw r.error;
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    // unittest reports on stderr: "Ran 20 tests in 0.001s" then "OK".
    expect(output).toMatch(/^Ran [1-9]\d* tests? in /m);
    expect(output).toMatch(/^OK$/m);
  });
});
