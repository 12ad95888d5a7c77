/** Where the project's data lives, resolved from this module so it works from src/ (vitest) and dist/ (CLI). */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

/**
 * The package root: the nearest folder above this module with our package.json (src/ and dist/src/
 * sit at different depths); the validators-only package (packages/validators) has the same layout.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && /"name":\s*"graph-calls-contract(?:-validators)?"/.test(fs.readFileSync(pkg, "utf8"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`graph-calls-contract: no package.json of graph-calls-contract above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const SCHEMAS_DIR = path.join(PROJECT_ROOT, "schemas");
export const SCHEMA_SOURCES_DIR = path.join(SCHEMAS_DIR, "source");
export const FIXTURES_DIR = path.join(PROJECT_ROOT, "fixtures");
export const GENERATED_DIR = path.join(PROJECT_ROOT, "generated");
/** The seed documents: $GRAPH_CALLS_CONTRACT_SEEDS, else ../shared/seeds next to the package. */
export const SEEDS_ENV = "GRAPH_CALLS_CONTRACT_SEEDS";
export const SEEDS_DIR = process.env[SEEDS_ENV] ? path.resolve(process.env[SEEDS_ENV]) : path.resolve(PROJECT_ROOT, "../shared/seeds");
