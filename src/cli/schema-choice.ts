/**
 * Which schemas a parsed document is validated against, and why: the schema named by --as, the
 * schemas a documented fixture claims for its payload, or the one detected from the payload.
 */
import { detectSchema } from "../contract/detect.js";
import { isObject } from "../util/json.js";
import { InputError } from "./input.js";

export interface SchemaChoice {
  schema: string;
  /** True when the schema was detected from the payload rather than named (by --as or a fixture). */
  detected: boolean;
  reason: string;
}

export interface ValidationPlan {
  /** What is validated: the document itself, or a fixture's payload. */
  payload: unknown;
  choices: SchemaChoice[];
}

export const NAMED_BY_OPTION = "named by --as";
export const CLAIMED_BY_FIXTURE = "claimed by the fixture";

export function planValidation(document: unknown, asSchema: string | undefined, knownSchemas: readonly string[]): ValidationPlan {
  if (isFixtureFile(document)) {
    if (asSchema !== undefined) return { payload: document.payload, choices: [{ schema: asSchema, detected: false, reason: NAMED_BY_OPTION }] };
    return { payload: document.payload, choices: claimedSchemas(document.schemas, knownSchemas).map((schema) => ({ schema, detected: false, reason: CLAIMED_BY_FIXTURE })) };
  }
  if (asSchema !== undefined) return { payload: document, choices: [{ schema: asSchema, detected: false, reason: NAMED_BY_OPTION }] };
  const detection = detectSchema(document);
  if (detection.schema === undefined) throw new InputError(`no schema detected: ${detection.reason}; name one with --as <schema>`);
  return { payload: document, choices: [{ schema: detection.schema, detected: true, reason: detection.reason }] };
}

/** A documented fixture (src/fixtures/model.ts): own `provenance`, `schemas` and `payload` properties. */
function isFixtureFile(document: unknown): document is { schemas: unknown; payload: unknown } {
  return isObject(document) && ["provenance", "schemas", "payload"].every((key) => Object.hasOwn(document, key));
}

function claimedSchemas(claimed: unknown, knownSchemas: readonly string[]): string[] {
  if (!Array.isArray(claimed) || !claimed.every((name) => typeof name === "string")) {
    throw new InputError(`fixture: "schemas" must be an array of schema names (got ${JSON.stringify(claimed)?.slice(0, 60)})`);
  }
  const unknown = claimed.filter((name) => !knownSchemas.includes(name));
  if (unknown.length > 0) throw new InputError(`fixture: claims unknown schema ${unknown.map((n) => JSON.stringify(n)).join(", ")} (see graph-calls-contract schemas --all)`);
  return claimed;
}
