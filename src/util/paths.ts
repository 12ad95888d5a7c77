/** Where the project's data lives, resolved from this module so it works from src/ (vitest) and dist/ (CLI). */
import { fileURLToPath } from "node:url";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMAS_DIR = path.join(PROJECT_ROOT, "schemas");
export const SCHEMA_SOURCES_DIR = path.join(SCHEMAS_DIR, "source");
export const FIXTURES_DIR = path.join(PROJECT_ROOT, "fixtures");
export const GENERATED_DIR = path.join(PROJECT_ROOT, "generated");
/** The seed documents: $GRAPH_CALLS_CONTRACT_SEEDS, else ../shared/seeds next to the package. */
export const SEEDS_ENV = "GRAPH_CALLS_CONTRACT_SEEDS";
export const SEEDS_DIR = process.env[SEEDS_ENV] ? path.resolve(process.env[SEEDS_ENV]) : path.resolve(PROJECT_ROOT, "../shared/seeds");
