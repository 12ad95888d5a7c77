#!/usr/bin/env node
/**
 * npm run conformance: build what changed (scripts/build.js), then `graph-calls-contract run --prove` in this same
 * process, so that the run's summary line times the whole command, the build included. Arguments after `--` go to run.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { upToDate } from "./build-stamp.js";

const started = performance.now();
// Asked here first: an unchanged tree (the common case) then costs a walk of file times, not a second node process.
if (!upToDate()) {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL("./build.js", import.meta.url))], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.stderr.write(`build: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
process.argv.splice(2, 0, "run", "--prove");
await import("../bin/graph-calls-contract.js");
