/**
 * Which schemas a parsed document is validated against, and why: the schema named by --as, the
 * one(s) a file of the fixture model names for its payload (src/fixtures/model.ts), or the one
 * detected from the payload itself.
 */
import { detectSchema } from "../contract/detect.js";
import type { ItemKind } from "../contract/notification-kind.js";
import type { SchemaEntry } from "../contract/registry.js";
import { isObject, type JsonObject } from "../util/json.js";
import { InputError } from "./input.js";

export interface SchemaChoice {
  schema: string;
  /** True when the schema was detected from the payload rather than named (by --as or the file). */
  detected: boolean;
  reason: string;
  /** What detection tolerated and reports (an @odata.type without its "#"). */
  note?: string;
}

export interface ValidationPlan {
  /** What is validated: the document itself, or the payload a fixture-model file wraps. */
  payload: unknown;
  choices: SchemaChoice[];
  /** When there are no choices: why there is nothing to validate. */
  nothingBecause?: string;
  /**
   * For a commsNotifications body: each value[] item with the schema it gets its own verdict from
   * (its detected kind, or the notification schema named for the body).
   */
  items?: Array<{ pointer: string; schema: string; kind: ItemKind }>;
}

export const NAMED_BY_OPTION = "named by --as";
export const CLAIMED_BY_FIXTURE = "claimed by the fixture";
export const NAMED_BY_INVALID_CASE = "named by the invalid case";

/**
 * The schemas to choose from (a Contract): their names, which cost nothing, and their metadata,
 * read from every schema file on first use, which only detection needs (a file naming its schema,
 * or --as, does not: validate of one fixture then reads no schema file).
 */
export interface SchemaCatalog {
  names(): string[];
  readonly entries: readonly SchemaEntry[];
}

export function planValidation(document: unknown, asSchema: string | undefined, catalog: SchemaCatalog): ValidationPlan {
  const plan = choose(document, asSchema, catalog);
  const items = itemsOf(plan, catalog);
  return items ? { ...plan, items } : plan;
}

function choose(document: unknown, asSchema: string | undefined, catalog: SchemaCatalog): ValidationPlan {
  const knownSchemas = catalog.names();
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
  const detection = detectSchema(document, catalog.entries);
  const note = detection.note ? `; tolerated: ${detection.note}` : "";
  if (detection.schema === undefined) throw new InputError(`no schema detected: ${detection.reason}${note}; name one with --as <schema>`);
  return { payload, choices: [{ schema: detection.schema, detected: true, reason: detection.reason, ...(detection.note ? { note: detection.note } : {}) }] };
}

/** Items given their own verdict, at most (as many as errors listed): the rest are counted, not validated one by one. */
export const MAX_ITEM_VERDICTS = 100;

/**
 * One bad notification must not condemn its batch silently: when validate detected a commsNotifications
 * body (no --as, no fixture claim), each value[] item is validated as its own kind as well. A schema
 * named for the body already reports errors item by item (/value/<i>/...), so it gets no item verdicts.
 */
function itemsOf(plan: ValidationPlan, catalog: SchemaCatalog): ValidationPlan["items"] {
  const body = plan.payload;
  const choice = plan.choices[0];
  if (!choice?.detected || plan.choices.length !== 1 || !isObject(body) || !Array.isArray(body.value)) return undefined;
  const entries = catalog.entries;
  if (entries.find((e) => e.name === choice.schema)?.kind !== "notification") return undefined;
  const kinds = detectSchema({ value: body.value.slice(0, MAX_ITEM_VERDICTS) }, entries).items ?? [];
  return kinds.map((kind, i) => ({ pointer: `/value/${i}`, schema: kind.kind ?? "notification", kind }));
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
