/**
 * Writes the precompiled validators (standalone.cjs, standalone-first.cjs, and the modules of each
 * group of schemas they load on first use: standalone/, standalone-first/) into dist/src/validators/,
 * next to the compiled entry: `npm run build` runs this module after tsc, and `generate` calls it
 * after writing new schemas.
 *
 * A build output, not committed: it is a function of the committed schemas (which generate --check
 * guards) and of the installed ajv, so building it every time means the package can never ship a
 * stale one, and git gets no 500 kB diff per schema edit. Compiling every schema twice costs a few
 * seconds, so a digest of those inputs (dist/.standalone-digest) lets a build skip it when they are
 * unchanged.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSchemaEntries, type SchemaEntry } from "../contract/registry.js";
import { PROJECT_ROOT } from "../util/paths.js";
import { standaloneModuleFiles } from "./standalone-code.js";
import { STANDALONE_MODULES, type ErrorMode } from "./standalone-module.js";

export const STANDALONE_BUILD_DIR = path.join(PROJECT_ROOT, "dist", "src", "validators");
const DIGEST_FILE = path.join(PROJECT_ROOT, "dist", ".standalone-digest");

export function writeStandaloneModule(): void {
  const entries = readSchemaEntries();
  const digest = inputsDigest(entries);
  const indexes = Object.values(STANDALONE_MODULES).map((name) => path.join(STANDALONE_BUILD_DIR, name));
  if (indexes.every((file) => fs.existsSync(file)) && readOrEmpty(DIGEST_FILE) === digest) return;
  for (const mode of Object.keys(STANDALONE_MODULES) as ErrorMode[]) {
    const modules = standaloneModuleFiles(entries, STANDALONE_BUILD_DIR, mode);
    for (const { file, code } of modules) writeIfChanged(path.join(STANDALONE_BUILD_DIR, file), code);
    // A group that no longer exists must not ship.
    const partsDir = path.join(STANDALONE_BUILD_DIR, STANDALONE_MODULES[mode].replace(/\.cjs$/, ""));
    const current = new Set(modules.map(({ file }) => path.join(STANDALONE_BUILD_DIR, file)));
    for (const name of fs.readdirSync(partsDir)) if (!current.has(path.join(partsDir, name))) fs.rmSync(path.join(partsDir, name), { force: true });
  }
  fs.writeFileSync(DIGEST_FILE, digest);
}

function writeIfChanged(file: string, code: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === code) return;
  // Replaced atomically: suites may be reading it.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(temporary, code);
  fs.renameSync(temporary, file);
}

/** What the modules are a function of: the schemas, the code generator (this folder and the contract's) and the installed ajv. */
function inputsDigest(entries: SchemaEntry[]): string {
  const hash = createHash("sha256");
  for (const entry of entries) hash.update(`${entry.name}\0${entry.id}\0${path.relative(PROJECT_ROOT, entry.file)}\0${JSON.stringify(entry.schema)}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.join(here, "..", "contract")]) {
    for (const name of fs.readdirSync(dir).filter((f) => /\.[jt]s$/.test(f) && !f.endsWith(".d.ts")).sort()) hash.update(`${name}\0${fs.readFileSync(path.join(dir, name), "utf8")}\0`);
  }
  const require = createRequire(import.meta.url);
  for (const pkg of ["ajv/package.json", "ajv-formats/package.json"]) hash.update(`${pkg}\0${(require(pkg) as { version: string }).version}\0`);
  return hash.digest("hex");
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) writeStandaloneModule();
