/**
 * ajv errors -> contract errors: `{ pointer, rule, message }`, where the pointer names the
 * offending location itself (the missing or unknown property, not its parent) and the message
 * says what was expected and what was found.
 */
import type { ErrorObject } from "ajv";
import { escapePointerToken, getAtPointer, isObject, splitPointer, type JsonObject } from "../util/json.js";

export interface ContractError {
  /** RFC 6901 pointer into the payload. */
  pointer: string;
  /** The JSON Schema keyword that failed (required, additionalProperties, type, enum, format...). */
  rule: string;
  message: string;
}

/** One error as one line, as the CLI prints it: "/pointer: message (rule)", the payload itself as "(root)". */
export function formatContractError(error: ContractError): string {
  return `${error.pointer === "" ? "(root)" : error.pointer}: ${error.message} (${error.rule})`;
}

/** The line that ends a capped list (ValidationResult.omitted), for every renderer. */
export function formatOmitted(omitted: { count: number; atLeast: boolean }): string {
  const errors = (n: number) => `${n.toLocaleString("en-US")} more error${n === 1 ? "" : "s"}`;
  if (!omitted.atLeast) return `and ${errors(omitted.count)}`;
  const why = "collection stops early in an array or object with that many errors";
  return omitted.count === 0 ? `and possibly more errors (${why})` : `and at least ${errors(omitted.count)} (${why})`;
}

export interface ErrorContext {
  payload: unknown;
  /**
   * The published schema whose `$id` is `id` (messages look up the branches of a discriminated
   * schema). A lookup in the published JSON, so that no Ajv instance is needed to explain errors.
   */
  schemaById(id: string): JsonObject | undefined;
}

export function toContractErrors(errors: ErrorObject[], ctx: ErrorContext): ContractError[] {
  const noise = noiseFilter(errors, ctx.payload);
  const out = errors.filter((e) => !noise(e)).map((e) => toContractError(e, ctx));
  const seen = new Set<string>();
  return out
    .filter((e) => {
      const key = `${e.pointer}\u0000${e.rule}\u0000${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.rule.localeCompare(b.rule)));
}

const isNullTypeError = (e: ErrorObject) => e.keyword === "type" && (e.params as { type?: unknown }).type === "null";

/**
 * Errors that only restate another one: "if" wrappers, the branches of an anyOf that has its own
 * message, and the null branch of nullable properties. Built once per validation, linear in the
 * number of errors (a payload with 100 000 unknown properties must not take minutes).
 */
function noiseFilter(all: ErrorObject[], payload: unknown): (error: ErrorObject) => boolean {
  const messagedAnyOf = new Map<string, string[]>();
  // How many explaining errors sit at or below each location (every ancestor of an error counts it).
  const explainedBelow = new Map<string, number>();
  for (const e of all) {
    if (e.keyword === "anyOf" && hasOwnMessage(e)) messagedAnyOf.set(e.instancePath, [...(messagedAnyOf.get(e.instancePath) ?? []), e.schemaPath + "/"]);
    if (e.keyword === "if" || isNullTypeError(e)) continue;
    let pointer = e.instancePath;
    for (;;) {
      explainedBelow.set(pointer, (explainedBelow.get(pointer) ?? 0) + 1);
      if (pointer === "") break;
      pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    }
  }
  return (error) => {
    if (error.keyword === "if") return true;
    // The anyOf's own message ("must have targets or meetingInfo") says it all; its branches' errors would only confuse.
    if (messagedAnyOf.get(error.instancePath)?.some((prefix) => error.schemaPath.startsWith(prefix))) return true;
    if (getAtPointer(payload, error.instancePath) === null) return false;
    // The {"type":"null"} branch of a nullable wrapper says nothing about a non-null value.
    if (isNullTypeError(error) && /\/anyOf\/\d+\/type$/.test(error.schemaPath)) return true;
    // The wrapper's own error is kept only when nothing at or below it explains the failure
    // (errors reached through a $ref carry the referenced schema's path, so compare locations).
    if (error.keyword === "anyOf" && isNullableWrapper(error.schema)) return (explainedBelow.get(error.instancePath) ?? 0) > 1;
    return false;
  };
}

function hasOwnMessage(error: ErrorObject): boolean {
  const parent = error.parentSchema as JsonObject | undefined;
  return isObject(parent) && isObject(parent["x-message"]) && typeof (parent["x-message"] as JsonObject)[error.keyword] === "string";
}

function isNullableWrapper(branches: unknown): boolean {
  return Array.isArray(branches) && branches.some((b) => isObject(b) && b.type === "null" && Object.keys(b).length === 1);
}

function toContractError(e: ErrorObject, ctx: ErrorContext): ContractError {
  const params = e.params as Record<string, unknown>;
  const parent = isObject(e.parentSchema) ? (e.parentSchema as JsonObject) : {};
  const custom = isObject(parent["x-message"]) ? (parent["x-message"] as JsonObject)[e.keyword] : undefined;
  const value = getAtPointer(ctx.payload, e.instancePath);
  switch (e.keyword) {
    case "required": {
      const prop = String(params.missingProperty);
      return { pointer: child(e.instancePath, prop), rule: "required", message: `missing required property "${prop}"` };
    }
    case "additionalProperties": {
      const prop = String(params.additionalProperty);
      const forbidden = isObject(parent["x-forbidden"]) ? (parent["x-forbidden"] as JsonObject)[prop] : undefined;
      const known = isObject(parent.properties) ? Object.keys(parent.properties as JsonObject) : [];
      const hint = typeof forbidden === "string" ? ` ${forbidden}` : suggestion(prop, known);
      return {
        pointer: child(e.instancePath, prop),
        rule: "additionalProperties",
        message: typeof forbidden === "string" ? `property "${prop}"${hint}` : `unknown property "${prop}"${hint}`,
      };
    }
    case "discriminator": {
      const tag = String(params.tag);
      const allowed = discriminatorValues(parent, ctx);
      const found = isObject(value) ? value[tag] : undefined;
      return {
        pointer: child(e.instancePath, tag),
        rule: "discriminator",
        message: found === undefined
          ? `missing "${tag}": it must say which kind this is (${allowed.join(", ")})`
          : `"${tag}" must be one of ${allowed.join(", ")} (got ${show(found)})`,
      };
    }
    case "type":
      return { pointer: e.instancePath, rule: "type", message: `${subject(e.instancePath)} must be ${String(params.type).split(",").map(withArticle).join(" or ")} (got ${typeName(value)}${isScalar(value) ? ` ${show(value)}` : ""})` };
    case "enum":
      return { pointer: e.instancePath, rule: "enum", message: `${subject(e.instancePath)} must be one of ${(params.allowedValues as unknown[]).filter((v) => v !== null).map(show).join(", ")} (got ${show(value)})` };
    case "const":
      return { pointer: e.instancePath, rule: "const", message: `${subject(e.instancePath)} must be ${show(params.allowedValue)} (got ${show(value)})` };
    case "format":
      return { pointer: e.instancePath, rule: "format", message: `${subject(e.instancePath)} must be a valid ${String(params.format)} (got ${show(value)})` };
    case "pattern":
      return { pointer: e.instancePath, rule: "pattern", message: `${subject(e.instancePath)} ${typeof custom === "string" ? custom : `must match ${String(params.pattern)}`} (got ${show(value)})` };
    case "minItems":
    case "maxItems":
      return { pointer: e.instancePath, rule: e.keyword, message: `${subject(e.instancePath)} must have ${e.keyword === "minItems" ? "at least" : "at most"} ${String(params.limit)} item${params.limit === 1 ? "" : "s"} (got ${Array.isArray(value) ? value.length : 0})` };
    case "minLength":
    case "maxLength":
      return { pointer: e.instancePath, rule: e.keyword, message: `${subject(e.instancePath)} must be ${e.keyword === "minLength" ? "at least" : "at most"} ${String(params.limit)} character${params.limit === 1 ? "" : "s"} long (got ${typeof value === "string" ? value.length : 0})` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { pointer: e.instancePath, rule: e.keyword, message: `${subject(e.instancePath)} must be ${String(params.comparison)} ${String(params.limit)} (got ${show(value)})` };
    case "uniqueItems":
      return { pointer: e.instancePath, rule: "uniqueItems", message: `${subject(e.instancePath)} must not repeat an item: items ${String(params.j)} and ${String(params.i)} are both ${show(Array.isArray(value) ? value[Number(params.i)] : undefined)}` };
    default:
      return { pointer: e.instancePath, rule: e.keyword, message: `${subject(e.instancePath)} ${typeof custom === "string" ? custom : (e.message ?? e.keyword)}` };
  }
}

/** The `const` of the tag in each oneOf branch of a discriminated schema. */
function discriminatorValues(parent: JsonObject, ctx: ErrorContext): string[] {
  const tag = isObject(parent.discriminator) ? String(parent.discriminator.propertyName) : "@odata.type";
  const base = typeof parent.$id === "string" ? parent.$id : "";
  const values: string[] = [];
  for (const branch of Array.isArray(parent.oneOf) ? parent.oneOf : []) {
    const schema = isObject(branch) && typeof branch.$ref === "string" ? resolveRef(branch.$ref, base, ctx) : branch;
    const tagSchema = isObject(schema) && isObject(schema.properties) ? (schema.properties as JsonObject)[tag] : undefined;
    if (isObject(tagSchema) && typeof tagSchema.const === "string") values.push(tagSchema.const);
  }
  return values;
}

/** The schema a `$ref` points to, or undefined: only for a message, so a ref we cannot resolve (no base to resolve it against) lists nothing rather than throwing. */
function resolveRef(ref: string, base: string, ctx: ErrorContext): unknown {
  if (!URL.canParse(ref, base || undefined)) return undefined;
  const url = new URL(ref, base || undefined);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = "";
  const document = ctx.schemaById(url.href);
  return fragment.startsWith("/") ? getAtPointer(document, fragment) : fragment === "" ? document : undefined;
}

/** How a message names what it is about: the property (or array item) at the pointer, or the payload itself. */
function subject(pointer: string): string {
  const tokens = splitPointer(pointer);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return "the payload";
  if (/^\d+$/.test(last)) {
    const owner = [...tokens].reverse().find((t) => !/^\d+$/.test(t));
    return owner ? `item ${last} of "${owner}"` : `item ${last}`;
  }
  return `"${last}"`;
}

function withArticle(type: string): string {
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function child(pointer: string, prop: string): string {
  return `${pointer}/${escapePointerToken(prop)}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? text.slice(0, 57) + "..." : text;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** "did you mean" for misspelled properties: case-insensitive match, or small edit distance. */
export function suggestion(prop: string, known: string[]): string {
  const lower = prop.toLowerCase();
  const byCase = known.find((k) => k.toLowerCase() === lower);
  const best = byCase ?? known
    .map((k) => ({ k, d: editDistance(lower, k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d)[0]?.k;
  return best ? ` (did you mean "${best}"?)` : "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
