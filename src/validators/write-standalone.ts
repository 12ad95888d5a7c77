/**
 * Writes standalone.cjs into dist/src/validators/, next to the compiled entry: `npm run build` runs
 * this module after tsc, and `generate` calls it after writing new schemas.
 *
 * A build output, not committed: it is a function of the committed schemas (which generate --check
 * guards) and of the installed ajv, so building it every time means the package can never ship a
 * stale one, and git gets no 500 kB diff per schema edit.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSchemaEntries } from "../contract/registry.js";
import { PROJECT_ROOT } from "../util/paths.js";
import { standaloneModuleCode } from "./standalone-code.js";
import { STANDALONE_MODULE } from "./standalone-module.js";

export const STANDALONE_BUILD_DIR = path.join(PROJECT_ROOT, "dist", "src", "validators");

export function writeStandaloneModule(): void {
  const file = path.join(STANDALONE_BUILD_DIR, STANDALONE_MODULE);
  const code = standaloneModuleCode(readSchemaEntries(), STANDALONE_BUILD_DIR);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === code) return;
  // Replaced atomically: suites may be reading it.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(STANDALONE_BUILD_DIR, { recursive: true });
  fs.writeFileSync(temporary, code);
  fs.renameSync(temporary, file);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) writeStandaloneModule();
