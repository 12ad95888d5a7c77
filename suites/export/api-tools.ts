/**
 * The third-party tools the exports and schemas are checked with (Prism, Spectral, ajv-cli), as
 * scripts/setup-toolchains.sh installs them from scripts/api-tools/package-lock.json into
 * .toolchains/api-tools. Absent (a fresh clone that has not run it), their suites skip with this note.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/util/paths.js";

export const API_TOOLS_DIR = path.join(PROJECT_ROOT, ".toolchains", "api-tools");

export type ApiTool = "prism" | "spectral" | "ajv";

/** The tool's executable (node_modules/.bin), or undefined when it is not installed. */
export function apiTool(tool: ApiTool): string | undefined {
  const bin = path.join(API_TOOLS_DIR, "node_modules", ".bin", tool);
  return fs.existsSync(bin) ? bin : undefined;
}

/** The describe title, with the skip note when the tool is missing. */
export function toolTitle(title: string, tool: ApiTool): string {
  return apiTool(tool) ? title : `${title} (skipped: ${tool} is not installed; run bash scripts/setup-toolchains.sh api-tools)`;
}
