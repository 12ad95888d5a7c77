/**
 * A bot team's path, from an empty directory and the packed tarball (README, "Use it from your
 * bot's repository"): `npm init -y`, `npm i -D <tarball>`, then the CLI through npx as README shows
 * it: `run --command "python3 bot.py"` (the standard-library Python bot, copied in as the team's
 * own), `validate` on a documented body and on a broken one, and `--help` listing only what works
 * from an installed package. The install is offline-first: npm's cache has the pinned versions
 * after the repository's own `npm ci`.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatInstallSize, installSize, packedTarball, requireBuild, ROOT, withoutVitest } from "./helpers.js";
import { MAX_LATENCY_MS, STEP_TIMEOUT_MS } from "../hang-detectors.js";

const PYTHON = "python3";
const pythonAvailable = spawnSync(PYTHON, ["--version"], { stdio: "ignore" }).status === 0;
const INSTALL_MS = 300_000;
const RUN_MS = 180_000;

let dir: string;

function sh(command: string, args: string[], timeout: number): SpawnSyncReturns<string> {
  // PYTHONDONTWRITEBYTECODE: no __pycache__ next to the copied bot; the env is the user's, minus vitest's.
  return spawnSync(command, args, { cwd: dir, encoding: "utf8", timeout, env: { ...withoutVitest(process.env), PYTHONDONTWRITEBYTECODE: "1" } });
}

function output(run: SpawnSyncReturns<string>): string {
  return `exit ${run.status}${run.error ? ` (${run.error.message})` : ""}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

beforeAll(() => {
  requireBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-npx-"));
  expect(fs.readdirSync(dir)).toEqual([]);
  const init = sh("npm", ["init", "-y", "--loglevel=error"], 60_000);
  expect(init.status, output(init)).toBe(0);
  const install = sh("npm", ["install", "--save-dev", packedTarball(), "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], INSTALL_MS);
  expect(install.status, output(install)).toBe(0);
  // The figure README quotes beside the validators-only install (suites/package/validators-only.test.ts).
  const size = installSize(dir);
  console.log(`full install (graph-calls-contract, with its peer fast-check): ${formatInstallSize(size)}`);
  expect(size.packages).toEqual(expect.arrayContaining(["graph-calls-contract", "msw", "ajv", "fast-check"]));
}, INSTALL_MS + 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000); // removing an installed node_modules took over vitest's 10 s under a loaded machine

test("the tarball lands in devDependencies and puts the CLI on npx's path", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { devDependencies?: Record<string, string> };
  expect(pkg.devDependencies?.["graph-calls-contract"]).toMatch(/^file:.*\.tgz$/);
  const help = sh("npx", ["graph-calls-contract", "--help"], 60_000);
  expect(help.status, output(help)).toBe(0);
  for (const command of ["run", "validate"]) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  // Maintainer commands need the repository: an installed CLI does not offer them.
  for (const command of ["generate", "extract", "compat"]) expect(help.stdout).not.toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
});

describe.skipIf(!pythonAvailable)(`npx graph-calls-contract run --command "python3 bot.py"${pythonAvailable ? "" : ` (skipped: ${PYTHON} is not on PATH; install Python 3)`}`, () => {
  test("runs every check against the team's bot and writes the reports in its repository", () => {
    fs.copyFileSync(path.join(ROOT, "implementations", "python", "bot.py"), path.join(dir, "bot.py"));
    // --runs 2: property-based deliveries are part of the path; their count only changes the time. The bot must
    // pass: its step and POSTs are not timed (a Python process's first steps take seconds on a loaded machine).
    const run = sh("npx", ["graph-calls-contract", "run", "--command", `${PYTHON} bot.py`, "--seed", "1", "--runs", "2", "--step-timeout", String(STEP_TIMEOUT_MS), "--max-latency", String(MAX_LATENCY_MS)], RUN_MS);
    expect(run.status, output(run)).toBe(0);
    expect(run.stdout, output(run)).toMatch(/^[1-9]\d* passed, 0 failed in .* \(seed 1\)$/m);
    // Reports go to ./reports of the team's repository, not into node_modules.
    expect(fs.existsSync(path.join(dir, "reports", "latest", "summary.md")), output(run)).toBe(true);
    expect(fs.existsSync(path.join(dir, "node_modules", "graph-calls-contract", "reports"))).toBe(false);
  }, RUN_MS + 10_000);
});

test("npx graph-calls-contract validate accepts a documented request and names the pointer and rule of a broken one", () => {
  const documented = JSON.parse(fs.readFileSync(path.join(ROOT, "fixtures", "documented", "create-call.fr.v1.0", "ex01.request.json"), "utf8")) as { payload: Record<string, unknown> };
  fs.writeFileSync(path.join(dir, "body.json"), JSON.stringify(documented.payload));
  const { callbackUri, ...withoutCallback } = documented.payload;
  expect(callbackUri).toBeTypeOf("string");
  fs.writeFileSync(path.join(dir, "broken.json"), JSON.stringify(withoutCallback));

  const valid = sh("npx", ["graph-calls-contract", "validate", "--as", "create-call-request", "body.json"], 60_000);
  expect(valid.status, output(valid)).toBe(0);
  expect(valid.stdout).toMatch(/^1 file: 1 valid, 0 invalid$/m);

  const invalid = sh("npx", ["graph-calls-contract", "validate", "--as", "create-call-request", "broken.json"], 60_000);
  expect(invalid.status, output(invalid)).toBe(1);
  expect(invalid.stdout).toMatch(/^broken\.json: \/callbackUri: missing required property "callbackUri" \(required\)$/m);
}, 130_000);
