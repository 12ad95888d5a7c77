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
 * A commsNotifications body validated as a notification schema also lists its items, each with its
 * own verdict: "items": [ { "pointer": "/value/0", "kind": "notification-operation", "reason": "...",
 * "schema": "notification-operation", "valid": true, "errors": [] } ] (error pointers are into the
 * whole body). "note" says what detection tolerated (an @odata.type without its "#").
 *
 * A file is valid when it has no error, every schema it was validated against accepts it, and every item does.
 */
import type { ContractError } from "../contract/errors.js";
import type { Contract } from "../contract/validator.js";
import type { ItemKind } from "../contract/notification-kind.js";
import { isObject } from "../util/json.js";
import { NAMED_BY_OPTION, type SchemaChoice } from "./schema-choice.js";
import { formatContractError, formatOmitted } from "../contract/errors.js";

export interface SchemaOutcome extends SchemaChoice {
  valid: boolean;
  /** At most 100 (the library's DEFAULT_MAX_ERRORS); `omitted` counts the others. */
  errors: ContractError[];
  omitted?: { count: number; atLeast: boolean };
  /** A notifications body: each value[] item's own verdict (the first MAX_ITEM_VERDICTS). */
  items?: ItemOutcome[];
  /** Items beyond MAX_ITEM_VERDICTS, validated only as part of the body. */
  itemsNotChecked?: number;
}

export interface ItemOutcome {
  /** "/value/3" */
  pointer: string;
  /** The item's detected notification kind (undefined: none fits, the generic notification applies). */
  kind: string | undefined;
  reason: string;
  /** The schema the item was validated as. */
  schema: string;
  valid: boolean;
  /** Pointers into the whole body. */
  errors: ContractError[];
}

/** Validate each item on its own: a body holding just that item, its error pointers moved back to /value/<i>. */
export function validateItems(contract: Contract, body: unknown, items: ReadonlyArray<{ pointer: string; schema: string; kind: ItemKind }>): ItemOutcome[] {
  const envelope = isObject(body) ? body : {};
  const value = Array.isArray(envelope.value) ? envelope.value : [];
  return items.map(({ pointer, schema, kind }, i) => {
    const { valid, errors } = contract.validate(schema, { ...envelope, value: [value[i]] });
    const moved = errors.map((e) => ({ ...e, pointer: e.pointer.startsWith("/value/0") ? pointer + e.pointer.slice("/value/0".length) : e.pointer }));
    return { pointer, kind: kind.kind, reason: kind.reason, schema, valid, errors: moved };
  });
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
  return file.error === undefined && file.schemas.every((s) => s.valid && (s.items ?? []).every((i) => i.valid));
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
 * and for a notifications body of several items (or an invalid one), one line per item, then that item's errors (each error once):
 *   path /value/1: invalid (notification-operation: playPromptOperation at /communications/calls/.../operations/...)
 */
export function fileLines(file: FileOutcome): string[] {
  if (file.error !== undefined) return [`${file.path}: error: ${file.error}`];
  if (file.schemas.length === 0) return [`${file.path}: valid (nothing to validate: ${file.note ?? "no schema applies"})`];
  return file.schemas.flatMap((outcome) => {
    const items = outcome.items ?? [];
    const shownByItem = new Set(items.flatMap((i) => i.errors.map(errorKey)));
    const verdict = outcome.valid && items.every((i) => i.valid) ? "valid" : "invalid";
    return [
      `${file.path}: ${verdict} (${describeChoice(outcome)})`,
      // A batch of one says its kind on the body's line already; an invalid item is always shown.
      ...items.filter((item) => items.length > 1 || !item.valid).flatMap((item) => [
        `${file.path} ${item.pointer}: ${item.valid ? "valid" : "invalid"} (${item.schema}: ${item.reason})`,
        ...item.errors.map((e) => `${file.path}: ${formatContractError(e)}`),
      ]),
      ...(outcome.itemsNotChecked ? [`${file.path}: and ${outcome.itemsNotChecked} more items, not given a verdict of their own (the body's errors cover them)`] : []),
      ...outcome.errors.filter((e) => !shownByItem.has(errorKey(e))).map((e) => `${file.path}: ${formatContractError(e)}`),
      ...(outcome.omitted ? [`${file.path}: ${formatOmitted(outcome.omitted)}`] : []),
    ];
  });
}

const errorKey = (e: ContractError) => `${e.pointer}\u0000${e.rule}`;

function describeChoice({ schema, detected, reason, note }: SchemaChoice): string {
  if (detected) return `${schema}, detected: ${reason}${note ? `; tolerated: ${note}` : ""}`;
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
