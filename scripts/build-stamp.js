/**
 * Whether the build is up to date (scripts/build.js): dist/.build-stamp carries the time the last
 * successful build started, and the build is out of date as soon as any input (a file or a folder,
 * so added and deleted files count) is newer. Its own module so that `npm run conformance` can ask in
 * its own process instead of starting another node only to learn that nothing changed.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const stamp = path.join(root, "dist", ".build-stamp");

/** Everything the build reads: sources, schemas (for standalone.cjs), configs, the installed packages. */
const INPUTS = [
  "src", "implementations", "bench", "generated", "mutation",
  "schemas/operations", "schemas/notifications", "schemas/send", "schemas/receive",
  "tsconfig.json", "tsconfig.build.json", "tsconfig.core.json", "tsconfig.clients.json",
  "package.json", "package-lock.json", "node_modules/.package-lock.json", "scripts/build.js", "scripts/build-stamp.js", "scripts/bundle-cli.js",
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

/** No input is newer than the last successful build's start. */
export function upToDate() {
  let since;
  try {
    since = fs.statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  return !INPUTS.some((input) => changedSince(path.join(root, input), since));
}
