/** Build the published schemas from their sources: `npm run generate` (part of) and its `--check`. */
import { SCHEMAS_DIR, SCHEMA_SOURCES_DIR } from "../util/paths.js";
import { formatJson } from "../util/json.js";
import { diffGeneratedTree, writeGeneratedTree, type GeneratedTree, type SyncResult } from "../util/generated-files.js";
import { compileProfiles, readSchemaSources, PROFILES } from "./profiles.js";

export function schemaTree(sourceDir = SCHEMA_SOURCES_DIR, outDir = SCHEMAS_DIR): GeneratedTree {
  const compiled = compileProfiles(readSchemaSources(sourceDir));
  const files = new Map<string, string>();
  for (const [rel, schema] of compiled) files.set(rel, formatJson(schema));
  return { root: outDir, owned: [...PROFILES, "operations", "notifications"], files };
}

export function buildSchemas(options: { check: boolean }): SyncResult {
  const tree = schemaTree();
  return options.check ? diffGeneratedTree(tree) : writeGeneratedTree(tree);
}

export { compileProfiles, readSchemaSources } from "./profiles.js";
