/**
 * The package can be published as it is: a permissive licence in the tarball and in package.json,
 * where its source lives, not private, and `npm publish --dry-run` accepts it without correcting
 * anything in package.json (npm prints "auto-corrected" when it has to).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { packedTarball, readPackageJson, requireBuild, ROOT, withoutVitest } from "./helpers.js";

beforeAll(requireBuild);

test("package.json names the licence and the repository, and is not private", () => {
  const pkg = readPackageJson();
  expect(pkg.private).toBeUndefined();
  expect(pkg.license).toBe("MIT");
  expect(fs.readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  expect(pkg.repository).toEqual({ type: "git", url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
});

test("npm publish --dry-run accepts the package, with the LICENSE in it", () => {
  // The run's packed tarball: what would be published is exactly what the other package suites install.
  const run = spawnSync("npm", ["publish", packedTarball(), "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", env: withoutVitest(process.env), timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).not.toMatch(/auto-corrected|npm error/i);
  const published = (JSON.parse(run.stdout) as Record<string, { id: string; files: { path: string }[] }>)["graph-calls-contract"];
  expect(published?.id).toBe(`graph-calls-contract@${readPackageJson().version}`);
  expect(published?.files.map((f) => f.path)).toContain("LICENSE");
}, 370_000);
