/** The contract exported for other tools: exports/openapi.json and exports/asyncapi.json (`npm run generate`, part of). */
import path from "node:path";
import { formatJson } from "../util/json.js";
import { PROJECT_ROOT } from "../util/paths.js";
import type { GeneratedTree } from "../util/generated-files.js";
import { asyncApiDocument } from "./asyncapi.js";
import type { ExportInputs } from "./inputs.js";
import { openApiDocument } from "./openapi.js";

export const EXPORTS_DIR = path.join(PROJECT_ROOT, "exports");

/** Each exported document: its format name (the CLI's --format), its file under exports/, and how it is built. */
export const EXPORTED_DOCUMENTS = {
  openapi: { file: "openapi.json", build: openApiDocument },
  asyncapi: { file: "asyncapi.json", build: asyncApiDocument },
} as const;

export type ExportFormat = keyof typeof EXPORTED_DOCUMENTS;

/** The document's exact file content. */
export function exportedDocument(format: ExportFormat, inputs: ExportInputs): string {
  return formatJson(EXPORTED_DOCUMENTS[format].build(inputs));
}

export function exportTree(inputs: ExportInputs, outDir = EXPORTS_DIR): GeneratedTree {
  const formats = Object.keys(EXPORTED_DOCUMENTS) as ExportFormat[];
  const files = new Map(formats.map((format) => [EXPORTED_DOCUMENTS[format].file, exportedDocument(format, inputs)] as const));
  return { root: outDir, owned: ["."], files };
}

export { readExportInputs, type ExportInputs } from "./inputs.js";
export { openApiDocument } from "./openapi.js";
export { asyncApiDocument } from "./asyncapi.js";
