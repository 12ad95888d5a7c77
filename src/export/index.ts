/** The contract exported for other tools: exports/openapi.json and exports/asyncapi.json (`npm run generate`, part of). */
import path from "node:path";
import { formatJson } from "../util/json.js";
import { PROJECT_ROOT } from "../util/paths.js";
import type { GeneratedTree } from "../util/generated-files.js";
import { asyncApiDocument } from "./asyncapi.js";
import type { ExportInputs } from "./inputs.js";
import { openApiDocument } from "./openapi.js";

export const EXPORTS_DIR = path.join(PROJECT_ROOT, "exports");

export function exportTree(inputs: ExportInputs, outDir = EXPORTS_DIR): GeneratedTree {
  const files = new Map<string, string>([
    ["openapi.json", formatJson(openApiDocument(inputs))],
    ["asyncapi.json", formatJson(asyncApiDocument(inputs))],
  ]);
  return { root: outDir, owned: ["."], files };
}

export { readExportInputs, type ExportInputs } from "./inputs.js";
export { openApiDocument } from "./openapi.js";
export { asyncApiDocument } from "./asyncapi.js";
