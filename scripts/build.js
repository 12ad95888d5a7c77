#!/usr/bin/env node
/**
 * npm run build: compile the TypeScript projects (tsc -b tsconfig.build.json), write the
 * precompiled validators (dist/src/validators/standalone.cjs) and bundle the CLI's validate
 * (scripts/bundle-cli.js).
 *
 * Engineers and every npm script run this many times a day, mostly with nothing changed, so an
 * unchanged tree costs a walk of file times and nothing else (scripts/build-stamp.js): dist/.build-stamp
 * carries the time the last successful build started, and the build runs again as soon as any input (a
 * file or a folder, so added and deleted files count) is newer. tsc -b then decides per project what is out of date
 * (its own check reads the build info and hashes changed files; loading the compiler alone costs
 * about as much as `npm run`). A failed build leaves no stamp, so it fails again until fixed.
 *
 *   node scripts/build.js           build what changed
 *   node scripts/build.js --force   ignore the stamp (tsc -b still skips up-to-date projects)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root, stamp, upToDate } from "./build-stamp.js";

if (!process.argv.includes("--force") && upToDate()) process.exit(0);

// Stamped with the start time: a file saved while tsc runs is newer than the stamp, so it is built next time.
const started = new Date();
const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-b", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (tsc.status !== 0) {
  fs.rmSync(stamp, { force: true });
  process.exit(tsc.status ?? 1);
}
const { writeStandaloneModule } = await import(new URL("../dist/src/validators/write-standalone.js", import.meta.url).href);
writeStandaloneModule();
// The CLI's validate as one file (scripts/bundle-cli.js): its start is what users wait for.
const { bundleCli } = await import("./bundle-cli.js");
await bundleCli();
fs.writeFileSync(stamp, `npm run build: inputs unchanged since this file's modification time\n`);
fs.utimesSync(stamp, started, started);
