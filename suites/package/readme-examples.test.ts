/**
 * Every command README.md shows is run by a test. This file runs the `npx graph-calls-contract` examples as
 * written (from a directory holding the files they name; a `run` limited to one scenario, which is all its
 * options change), checks the output README quotes for `validate req.json` and the counts of its conformance
 * output, and names for every other command (installs, npm scripts) the test or CI step that runs it. A command
 * README gains without a runner here fails, so README cannot show an example that nobody runs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, test } from "vitest";
import { FAULTY_VARIANTS } from "../../implementations/faulty/index.js";
import { REFERENCE_ADAPTER } from "../../src/cli/commands/run.js";
import { UNHURRIED } from "../hang-detectors.js";
import { runConformance } from "../../src/harness/run.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { countChecks, countsByGroup, GROUPS, rootCount } from "../../src/reports/model.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { run } from "../cli/helpers.js";

const README = fs.readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");

/** The command lines of README's sh blocks, comments dropped. */
const COMMANDS = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split("\n"))
  .map((line) => line.replace(/(^|\s+)#.*$/, "").trim()).filter(Boolean);

/** Commands another test or CI runs: where. */
const RUN_ELSEWHERE: Record<string, string> = {
  "npm ci && npm run conformance": "suites/cli/run-progress.test.ts", // scripts/conformance.js; npm ci: .ci/run
  "npm test": ".ci/run",
  "npm ci && npm pack": "suites/package/helpers.ts", // packedTarball()
  "npm i -D ./vendor/graph-calls-contract-0.1.0.tgz": "suites/package/npx.test.ts",
  // Sharding (a soak of 5000 runs is not repeated here): run --shard in refusals.test.ts, shards merged in merge-equals-unsharded.
  'npx graph-calls-contract run --command "python3 bot.py" --runs 5000 --seed 4242 --shard 2/3 --reports reports-2': "suites/shards/refusals.test.ts",
  "npx graph-calls-contract merge-reports reports-1 reports-2 reports-3 --out reports": "suites/shards/merge-equals-unsharded.test.ts",
  // Run from the repository root there, and its quoted output compared.
  'npx graph-calls-contract check-adapter --command "python3 implementations/python/bot.py"': "suites/protocol-check/check-adapter.test.ts",
};

const PYTHON = "python3";
const pythonAvailable = spawnSync(PYTHON, ["--version"], { stdio: "ignore" }).status === 0;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-examples-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const documented = (rel: string) => (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "fixtures", "documented", rel), "utf8")) as { payload: Record<string, unknown> }).payload;
const body = documented("create-call.fr.v1.0/ex09.request.json");
fs.writeFileSync(path.join(dir, "body.json"), JSON.stringify(body, null, 2));
fs.writeFileSync(path.join(dir, "t.json"), JSON.stringify(documented("call-transfer.en.v1.0/ex01.request.json")));
fs.mkdirSync(path.join(dir, "payloads"));
fs.copyFileSync(path.join(dir, "body.json"), path.join(dir, "payloads", "call.json"));
fs.copyFileSync(path.join(dir, "t.json"), path.join(dir, "payloads", "transfer.json"));
// README's req.json: the callback misspelled, and a tenant id that is not a GUID.
const { callbackUri, ...rest } = body;
fs.writeFileSync(path.join(dir, "req.json"), JSON.stringify({ callbackURL: callbackUri, ...rest, tenantId: "86dc81db-c112-4228-9222-63f3esaa1edb" }, null, 2));
for (const name of ["bot.py", "my_bot.py"]) fs.copyFileSync(path.join(PROJECT_ROOT, "implementations", "python", "bot.py"), path.join(dir, name));
fs.writeFileSync(path.join(dir, "my-adapter.js"), `export { createBot } from ${JSON.stringify(REFERENCE_ADAPTER)};\n`);

/** Words of a command line, double quotes honoured (all README uses). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const CLI_EXAMPLES = COMMANDS.filter((c) => /(^|\| )npx graph-calls-contract /.test(c) && !(c in RUN_ELSEWHERE));

test("README's commands are each run here or by the test named for them", () => {
  expect(CLI_EXAMPLES.length).toBeGreaterThanOrEqual(8);
  expect(COMMANDS.filter((c) => !CLI_EXAMPLES.includes(c) && !(c in RUN_ELSEWHERE))).toEqual([]);
  for (const [command, where] of Object.entries(RUN_ELSEWHERE)) {
    expect(COMMANDS, `${command} is no longer in README: drop it here`).toContain(command);
    expect(fs.existsSync(path.join(PROJECT_ROOT, where)), where).toBe(true);
  }
});

describe("README's npx graph-calls-contract examples, as written", () => {
  for (const example of CLI_EXAMPLES) {
    const [input, command] = example.includes(" | ") ? example.split(" | ") as [string, string] : [undefined, example];
    const args = words(command).slice(2);
    const isRun = args[0] === "run";
    const needsPython = args.some((a) => a.startsWith(`${PYTHON} `));
    it.skipIf(needsPython && !pythonAvailable)(`${example}${needsPython && !pythonAvailable ? ` (skipped: ${PYTHON} is not on PATH)` : ""}`, async () => {
      const stdin = input ? fs.readFileSync(path.join(dir, words(input)[1]!)) : undefined;
      const extra = isRun ? ["--only", "create-call.v1.0.ex01", "--runs", "0", "--seed", "1", "--reports", path.join(dir, "reports")] : [];
      const r = await run([...args, ...extra], { cwd: dir, ...(stdin ? { stdin } : {}) });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      if (isRun) expect(r.stdout).toMatch(/^[1-9]\d* passed, 0 failed in .* \(seed 1\)$/m);
      else if (args.includes("--format")) expect((JSON.parse(r.stdout) as { files: unknown[] }).files).toHaveLength(1);
      else expect(r.stdout).toMatch(/^\d+ files?: [1-9]\d* valid, 0 invalid$/m);
    }, 120_000);
  }

  it("validate req.json prints what README quotes, and exits 1", async () => {
    const quoted = README.match(/```\n\$ npx graph-calls-contract validate req\.json\n([\s\S]*?)```/)![1]!;
    const r = await run(["validate", "req.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(quoted);
  });
});

describe("README's output of npm run conformance", () => {
  const block = README.slice(README.indexOf("stdout ends with:")).match(/```\n([\s\S]*?)```/)![1]!;

  it("has the reference run's counts per group and in total, the catalog's size, and the summary line's form", async () => {
    const result = await runConformance({ adapter: { createBot: () => new ReferenceBot() }, adapterName: "reference", seed: 1, runs: 1, ...UNHURRIED });
    const byGroup = countsByGroup(result);
    for (const group of GROUPS) {
      const c = byGroup[group];
      if (group === "run" || c.checks === 0) continue;
      expect(block).toContain(`${group.padEnd(10)} ${String(c.passed).padStart(4)} passed  ${String(rootCount(c)).padStart(4)} failed`);
    }
    expect(block).toMatch(new RegExp(`^${countChecks(result.checks).passed} passed, 0 failed in \\d+\\.\\d s: checks \\d+\\.\\d s, proof \\d+\\.\\d s \\(seed \\d+\\)$`, "m"));
    expect(block).toContain(`proof: ${FAULTY_VARIANTS.length} faulty implementations; every check fails for at least one of them`);
  }, 300_000);
});
