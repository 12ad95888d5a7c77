/**
 * Which schemas a parsed document is validated against, and why: the schema named by --as, the
 * one(s) a file of the fixture model names for its payload (src/fixtures/model.ts), or the one
 * detected from the payload itself.
 */
import { detectSchema } from "../contract/detect.js";
import { isObject, type JsonObject } from "../util/json.js";
import { InputError } from "./input.js";

export interface SchemaChoice {
  schema: string;
  /** True when the schema was detected from the payload rather than named (by --as or the file). */
  detected: boolean;
  reason: string;
}

export interface ValidationPlan {
  /** What is validated: the document itself, or the payload a fixture-model file wraps. */
  payload: unknown;
  choices: SchemaChoice[];
  /** When there are no choices: why there is nothing to validate. */
  nothingBecause?: string;
}

export const NAMED_BY_OPTION = "named by --as";
export const CLAIMED_BY_FIXTURE = "claimed by the fixture";
export const NAMED_BY_INVALID_CASE = "named by the invalid case";

export function planValidation(document: unknown, asSchema: string | undefined, knownSchemas: readonly string[]): ValidationPlan {
  const named = (schema: string, reason: string): SchemaChoice => ({ schema, detected: false, reason });
  // Own properties only: keys under a "__proto__" key must not make a file look like a fixture.
  const has = (...keys: string[]) => isObject(document) && keys.every((key) => Object.hasOwn(document, key));
  const wrapped = document as JsonObject;

  if (has("document", "counts", "examples") && !has("payload")) {
    return { payload: undefined, choices: [], nothingBecause: "a document manifest, it lists fixtures and has no payload" };
  }
  const isDocumentedFixture = has("provenance", "schemas", "payload");
  const isInvalidCase = !isDocumentedFixture && has("schema", "payload", "expect") && typeof wrapped.schema === "string";
  const payload = isDocumentedFixture || isInvalidCase ? wrapped.payload : document;

  if (asSchema !== undefined) return { payload, choices: [named(asSchema, NAMED_BY_OPTION)] };
  if (isInvalidCase) return { payload, choices: [named(known([wrapped.schema as string], knownSchemas, "invalid case")[0]!, NAMED_BY_INVALID_CASE)] };
  if (isDocumentedFixture) {
    const claimed = known(schemaNames(wrapped.schemas), knownSchemas, "fixture");
    if (claimed.length === 0) return { payload, choices: [], nothingBecause: "the fixture claims no schema" };
    return { payload, choices: claimed.map((schema) => named(schema, CLAIMED_BY_FIXTURE)) };
  }
  const detection = detectSchema(document);
  if (detection.schema === undefined) throw new InputError(`no schema detected: ${detection.reason}; name one with --as <schema>`);
  return { payload, choices: [{ schema: detection.schema, detected: true, reason: detection.reason }] };
}

function schemaNames(claimed: unknown): string[] {
  if (Array.isArray(claimed) && claimed.every((name) => typeof name === "string")) return claimed;
  throw new InputError(`fixture: "schemas" must be an array of schema names (got ${JSON.stringify(claimed)?.slice(0, 60)})`);
}

/** A file naming a schema the contract does not have is that file's error, not a usage error. */
function known(names: string[], knownSchemas: readonly string[], what: string): string[] {
  const unknown = names.filter((name) => !knownSchemas.includes(name));
  if (unknown.length > 0) throw new InputError(`${what}: names unknown schema ${unknown.map((n) => JSON.stringify(n)).join(", ")} (see graph-calls-contract schemas --all)`);
  return names;
}
