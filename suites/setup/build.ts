/** vitest's global setup: bring dist/ up to date before any suite runs (npm run build; a no-op when nothing changed). */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/util/paths.js";

export default function setup(): void {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build.js")], { cwd: PROJECT_ROOT, stdio: "inherit" });
}
