/**
 * The example consumer (examples/consumer/) installs the packed tarball in a temporary folder,
 * typechecks with NodeNext and Bundler resolution, and passes its own vitest suite: what a bot
 * team vendoring the package would do (examples/run-consumer.sh, here with the run's one packed tarball).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { packedTarball, readPackageJson, requireBuild, ROOT, withoutVitest } from "./helpers.js";

/** A hang bound for npm install, two tsc runs and a vitest run: under load typecheck alone took 192 s beside the other suites. */
const BUDGET_MS = 480_000;

beforeAll(requireBuild);

test("the example consumer pins the repository's versions, so npm's cache has them when it installs offline", () => {
  const repository = readPackageJson().devDependencies;
  for (const [name, version] of Object.entries(readPackageJson(path.join(ROOT, "examples", "consumer")).devDependencies)) expect(version, name).toBe(repository[name]);
});

test("the example consumer installs the tarball, typechecks and passes its suite", () => {
  const run = spawnSync("bash", [path.join(ROOT, "examples", "run-consumer.sh"), "--tarball", packedTarball()], {
    cwd: ROOT,
    encoding: "utf8",
    env: withoutVitest(process.env),
    timeout: BUDGET_MS,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  expect(run.stdout).toMatch(/^consumer: every step passed in \d+ s$/m);
  for (const step of ["pack", "install", "typecheck", "test"]) expect(run.stdout).toMatch(new RegExp(`^== ${step}: ok`, "m"));
}, BUDGET_MS + 10_000);
