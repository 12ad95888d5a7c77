/**
 * ajv errors -> contract errors: `{ pointer, rule, message }`, where the pointer names the
 * offending location itself (the missing or unknown property, not its parent) and the message
 * says what was expected and what was found.
 */
import { escapePointerToken, getAtPointer, isObject, unescapePointerToken, type JsonObject } from "../util/json.js";

/**
 * An ajv error as this module reads it (ajv's ErrorObject fits it). Declared here rather than
 * imported, so that the published types of the validators entry need no ajv installed.
 */
export interface ErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, any>; // as ajv types them
  propertyName?: string;
  message?: string;
  schema?: unknown;
  parentSchema?: { [keyword: string]: any }; // ajv's SchemaObject
  data?: unknown;
}

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
  const sorted = errors.filter((e) => !noise(e)).map((e) => toContractError(e, ctx))
    .sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.rule.localeCompare(b.rule)));
  // Drop repeats (the same error reached through two schemas): after the sort they sit in the same (pointer, rule) run.
  const out: ContractError[] = [];
  let run = 0;
  for (const e of sorted) {
    const previous = out[out.length - 1];
    if (!previous || previous.pointer !== e.pointer || previous.rule !== e.rule) run = out.length;
    let repeat = false;
    for (let i = run; i < out.length && !repeat; i++) repeat = out[i]!.message === e.message;
    if (!repeat) out.push(e);
  }
  return out;
}

const isNullTypeError = (e: ErrorObject) => e.keyword === "type" && (e.params as { type?: unknown }).type === "null";

/**
 * Errors that only restate another one: "if" wrappers, the branches of an anyOf that has its own
 * message, and the null branch of nullable properties. Built once per validation, linear in the
 * number of errors (a payload with 100 000 unknown properties must not take minutes).
 */
function noiseFilter(all: ErrorObject[], payload: unknown): (error: ErrorObject) => boolean {
  // Nothing to filter but "if" wrappers unless there is an anyOf error: the common case costs nothing.
  if (!all.some((e) => e.keyword === "anyOf")) return (error) => error.keyword === "if";
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
    if (valueOf(error, payload) === null) return false;
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

/** The value an error is about: ajv's verbose errors carry it; others are looked up by pointer. */
function valueOf(e: ErrorObject, payload: unknown): unknown {
  return "data" in e ? e.data : getAtPointer(payload, e.instancePath);
}

function toContractError(e: ErrorObject, ctx: ErrorContext): ContractError {
  const params = e.params as Record<string, unknown>;
  const parent = isObject(e.parentSchema) ? (e.parentSchema as JsonObject) : {};
  const custom = isObject(parent["x-message"]) ? (parent["x-message"] as JsonObject)[e.keyword] : undefined;
  const value = valueOf(e, ctx.payload);
  switch (e.keyword) {
    case "required": {
      const prop = String(params.missingProperty);
      return { pointer: child(e.instancePath, prop), rule: "required", message: `missing required property "${prop}"` };
    }
    case "additionalProperties": {
      const prop = String(params.additionalProperty);
      const forbidden = isObject(parent["x-forbidden"]) ? (parent["x-forbidden"] as JsonObject)[prop] : undefined;
      const hint = typeof forbidden === "string" ? ` ${forbidden}` : isObject(parent.properties) ? suggestion(prop, knownNames(parent.properties as JsonObject)) : "";
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
      return { pointer: e.instancePath, rule: "enum", message: `${subject(e.instancePath)} must be one of ${allowedList(params.allowedValues as unknown[])} (got ${show(value)})` };
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

/** An enum's values as a message lists them, once per schema (the array is the schema's own). */
const allowedLists = new WeakMap<unknown[], string>();
function allowedList(values: unknown[]): string {
  let list = allowedLists.get(values);
  if (list === undefined) {
    list = values.filter((v) => v !== null).map(show).join(", ");
    allowedLists.set(values, list);
  }
  return list;
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
  if (pointer === "") return "the payload";
  // From the end: the last token, and for an array item the nearest name above it.
  let end = pointer.length;
  let last: string | undefined;
  while (end > 0) {
    const start = pointer.lastIndexOf("/", end - 1);
    const token = unescapePointerToken(pointer.slice(start + 1, end));
    if (last === undefined) {
      last = token;
      if (!/^\d+$/.test(last)) return `"${last}"`;
    } else if (!/^\d+$/.test(token)) {
      return `item ${last} of "${token}"`;
    }
    end = start;
  }
  return `item ${last}`;
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
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify would print as null.
  if (typeof value === "number" && !Number.isFinite(value)) return `${value}, out of the range of a double`;
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

/** A schema's property names, lower-cased, each with its bit masks for the edit distance: once per schema (the same schemas explain every payload). */
interface KnownNames {
  names: string[];
  lower: string[];
  masks: Array<Map<number, number> | undefined>;
}
const namesCache = new WeakMap<JsonObject, KnownNames>();
function knownNames(properties: JsonObject): KnownNames {
  let known = namesCache.get(properties);
  if (!known) {
    known = prepareNames(Object.keys(properties));
    namesCache.set(properties, known);
  }
  return known;
}

function prepareNames(names: string[]): KnownNames {
  const lower = names.map((n) => n.toLowerCase());
  return { names, lower, masks: lower.map((l) => (l.length > 0 && l.length <= 31 ? charMasks(l) : undefined)) };
}

/** "did you mean" for misspelled properties: case-insensitive match, or small edit distance (at most a quarter of the name, at least 1). */
export function suggestion(prop: string, known: string[] | KnownNames): string {
  const { names, lower, masks } = Array.isArray(known) ? prepareNames(known) : known;
  const wanted = prop.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < names.length; i++) {
    if (lower[i] === wanted) return ` (did you mean "${names[i]}"?)`;
    const limit = Math.min(Math.max(1, Math.floor(names[i]!.length / 4)), bestDistance - 1);
    if (Math.abs(wanted.length - lower[i]!.length) > limit) continue;
    const mask = masks[i];
    const d = mask ? bitParallelDistance(wanted, mask, lower[i]!.length) : editDistance(wanted, lower[i]!);
    if (d <= limit) {
      best = names[i];
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : "";
}

/** For each character of a pattern (at most 31 long), the bit mask of the positions it occupies. */
function charMasks(pattern: string): Map<number, number> {
  const masks = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) masks.set(pattern.charCodeAt(i), (masks.get(pattern.charCodeAt(i)) ?? 0) | (1 << i));
  return masks;
}

/** Levenshtein distance of `text` to a pattern of length m <= 31 given by its masks: Myers' bit-parallel algorithm (Hyyrö's form), one step per character. */
function bitParallelDistance(text: string, masks: Map<number, number>, m: number): number {
  const high = 1 << (m - 1);
  let positive = (1 << m) - 1; // vertical +1 deltas: column 0 is 0, 1, ..., m
  let negative = 0;
  let score = m;
  for (let i = 0; i < text.length; i++) {
    const eq = masks.get(text.charCodeAt(i)) ?? 0;
    const xv = eq | negative;
    const xh = ((((eq & positive) + positive) | 0) ^ positive) | eq;
    let ph = negative | ~(xh | positive);
    let mh = positive & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    positive = mh | ~(xv | ph);
    negative = ph & xv;
  }
  return score;
}

/** Plain Levenshtein distance, for names too long for the bit-parallel one (and for check ids: run --only). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      previous = above;
    }
  }
  return row[b.length]!;
}
