#!/usr/bin/env node
/**
 * npm run build: compile the TypeScript projects (tsc -b tsconfig.build.json) and write the
 * precompiled validators (dist/src/validators/standalone.cjs).
 *
 * Engineers and every npm script run this many times a day, mostly with nothing changed, so an
 * unchanged tree costs a walk of file times and nothing else: dist/.build-stamp carries the time the
 * last successful build started, and the build runs again as soon as any input (a file or a folder,
 * so added and deleted files count) is newer. tsc -b then decides per project what is out of date
 * (its own check reads the build info and hashes changed files; loading the compiler alone costs
 * about as much as `npm run`). A failed build leaves no stamp, so it fails again until fixed.
 *
 *   node scripts/build.js           build what changed
 *   node scripts/build.js --force   ignore the stamp (tsc -b still skips up-to-date projects)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stamp = path.join(root, "dist", ".build-stamp");

/** Everything the build reads: sources, schemas (for standalone.cjs), configs, the installed packages. */
const INPUTS = [
  "src", "implementations", "bench", "generated", "mutation",
  "schemas/operations", "schemas/notifications", "schemas/send", "schemas/receive",
  "tsconfig.json", "tsconfig.build.json", "tsconfig.core.json", "tsconfig.clients.json",
  "package.json", "package-lock.json", "node_modules/.package-lock.json", "scripts/build.js",
];

/** Whether anything under `target` changed after `since` (ms); a missing input counts as unchanged. */
function changedSince(target, since) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return false;
  }
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  for (const name of fs.readdirSync(target)) {
    if (name === "__pycache__") continue;
    if (changedSince(path.join(target, name), since)) return true;
  }
  return false;
}

function upToDate() {
  if (process.argv.includes("--force")) return false;
  let since;
  try {
    since = fs.statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  return !INPUTS.some((input) => changedSince(path.join(root, input), since));
}

if (upToDate()) process.exit(0);

// Stamped with the start time: a file saved while tsc runs is newer than the stamp, so it is built next time.
const started = new Date();
const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-b", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (tsc.status !== 0) {
  fs.rmSync(stamp, { force: true });
  process.exit(tsc.status ?? 1);
}
const { writeStandaloneModule } = await import(new URL("../dist/src/validators/write-standalone.js", import.meta.url).href);
writeStandaloneModule();
fs.writeFileSync(stamp, `npm run build: inputs unchanged since this file's modification time\n`);
fs.utimesSync(stamp, started, started);
