/**
 * What `validate` reports, and its two renderings. The JSON form is a stable interface:
 *
 *   { "files": [ { "path": "req.json",
 *                  "schemas": [ { "schema": "create-call-request", "detected": true,
 *                                 "reason": "a call without the properties Graph sets",
 *                                 "valid": false,
 *                                 "errors": [ { "pointer": "/callbackURL", "rule": "additionalProperties",
 *                                               "message": "unknown property ..." } ],
 *                                 "omitted": { "count": 1234, "atLeast": false } } ],   (only when more than 100 errors)
 *                  "error": "only when the file could not be read, parsed or matched to a schema" } ],
 *     "summary": { "files": 1, "valid": 0, "invalid": 1 } }
 *
 * A file is valid when it has no error and every schema it was validated against accepts it.
 */
import type { ContractError } from "../contract/errors.js";
import { NAMED_BY_OPTION, type SchemaChoice } from "./schema-choice.js";
import { formatContractError, formatOmitted } from "../contract/errors.js";

export interface SchemaOutcome extends SchemaChoice {
  valid: boolean;
  /** At most 100 (the library's DEFAULT_MAX_ERRORS); `omitted` counts the others. */
  errors: ContractError[];
  omitted?: { count: number; atLeast: boolean };
}

export interface FileOutcome {
  path: string;
  schemas: SchemaOutcome[];
  error?: string;
  /** Text output only: why there was nothing to validate (a fixture without a body, a manifest). */
  note?: string;
}

export interface Summary {
  files: number;
  valid: number;
  invalid: number;
}

export interface Report {
  files: FileOutcome[];
  summary: Summary;
}

export function isValidFile(file: FileOutcome): boolean {
  return file.error === undefined && file.schemas.every((s) => s.valid);
}

export function summarize(files: FileOutcome[]): Summary {
  const valid = files.filter(isValidFile).length;
  return { files: files.length, valid, invalid: files.length - valid };
}

/**
 * Text lines for one file:
 *   path: valid (schema[, why])        or, when a file has no payload:   path: valid (nothing to validate: why)
 *   path: invalid (schema[, why])      then one line per error:   path: /pointer: message (rule)
 *   path: error: what went wrong
 */
export function fileLines(file: FileOutcome): string[] {
  if (file.error !== undefined) return [`${file.path}: error: ${file.error}`];
  if (file.schemas.length === 0) return [`${file.path}: valid (nothing to validate: ${file.note ?? "no schema applies"})`];
  return file.schemas.flatMap((outcome) => [
    `${file.path}: ${outcome.valid ? "valid" : "invalid"} (${describeChoice(outcome)})`,
    ...outcome.errors.map((e) => `${file.path}: ${formatContractError(e)}`),
    ...(outcome.omitted ? [`${file.path}: ${formatOmitted(outcome.omitted)}`] : []),
  ]);
}

function describeChoice({ schema, detected, reason }: SchemaChoice): string {
  if (detected) return `${schema}, detected: ${reason}`;
  return reason === NAMED_BY_OPTION ? schema : `${schema}, ${reason}`;
}

/** "3 files: 2 valid, 1 invalid" */
export function summaryLine({ files, valid, invalid }: Summary): string {
  return `${files} ${files === 1 ? "file" : "files"}: ${valid} valid, ${invalid} invalid`;
}

/** The whole report as one JSON document, exactly the documented keys, in a fixed order. */
export function reportJson(files: FileOutcome[]): string {
  const documented = files.map(({ path, schemas, error }) => (error === undefined ? { path, schemas } : { path, schemas, error }));
  const report: Report = { files: documented, summary: summarize(files) };
  return JSON.stringify(report, null, 2);
}
