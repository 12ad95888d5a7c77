/**
 * `--format json`: the report as one JSON object, format version 1 (documented in src/diff/README.md).
 * Optional fields are left out when they do not apply; keys never change meaning within a version.
 */
import type { DiffReport } from "./model.js";

export const JSON_FORMAT_VERSION = 1;

export function renderJson(report: DiffReport): string {
  return JSON.stringify({ formatVersion: JSON_FORMAT_VERSION, ...report }, null, 2);
}
