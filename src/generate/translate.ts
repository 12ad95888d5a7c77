/**
 * A published JSON Schema node -> the schema json-schema-to-typescript (json2ts) turns into the most
 * precise type TypeScript can hold:
 *  - every `$ref` becomes a `tsType` naming the referenced type: no ref-parser, no network, and no
 *    `Call1` re-declarations; `$ref` with sibling properties becomes `Refine<Base, Refinement>`
 *    (generated/refine.ts), and sibling `required` sets `Base & Required<Pick<Base, ...>>`;
 *  - `required` sets in anyOf/oneOf ("targets or meetingInfo") become unions of required properties;
 *  - a discriminated type becomes the union of its concrete types (json2ts ignores `discriminator`;
 *    each concrete type fixes @odata.type, so the union is a TypeScript discriminated union);
 *  - `if {type} then .. else ..` becomes a union; other conditionals and keywords TypeScript cannot
 *    express (pattern, format...) become notes that the generated JSDoc shows.
 */
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";
import { GenerateError } from "./modules.js";
import { isAnnotation, noteForConditional, noteForKeyword, takeUnshown, describeWithNotes, type LoosenessNote } from "./notes.js";

/**
 * "plain": a schema of its own, where additionalProperties means what it says. "refinement": keywords
 * beside a `$ref` (or below them), which TypeScript intersects with the base at the object level: they
 * never add an index signature, which would switch off the base's excess-property check.
 */
export type Mode = "plain" | "refinement";

export interface TranslationScope {
  /** Published path of the schema ("operations/create-call-request.json"), for refs and errors. */
  file: string;
  /** The TypeScript expression naming the type a `$ref` points to. */
  typeOfRef(ref: string): string;
  /** The type whose @odata.type is `tag`, when refinements may name their base by tag (see takeBase). */
  typeOfTag?(tag: string): string | undefined;
  /**
   * `Refine<base, Name>` (generated/refine.ts) for the properties a node adds to its base, declared as
   * their own type: a plain `Base & {...}` would intersect array types, which TypeScript checks one
   * at a time and which loses literal types against a tuple (minItems).
   */
  refine(base: string, refinement: JsonObject, at: string): string;
}

export interface Translation {
  schema: JsonObject;
  /** Every constraint below this node the type does not express. */
  notes: LoosenessNote[];
  /** Constrains nothing: the TypeScript type is `unknown`. */
  trivial: boolean;
}

export const GRAPH_TYPE_TAG = "@odata.type";
export const PROPERTY_NOTES_HEADING = "Not checked by the type (validate() checks it):";

const HANDLED = new Set([
  "$ref", "$defs", "type", "enum", "const", "properties", "required", "additionalProperties",
  "items", "minItems", "maxItems", "anyOf", "oneOf", "allOf", "if", "then", "else", "discriminator",
]);

export function translateSchema(node: JsonValue, scope: TranslationScope, mode: Mode = "plain", at = ""): Translation {
  if (node === true || (isObject(node) && Object.keys(node).length === 0)) return unknownType();
  if (node === false) return { schema: { tsType: "never" }, notes: [], trivial: false };
  if (!isObject(node)) throw new GenerateError(scope.file, at, `a schema must be an object or a boolean (got ${JSON.stringify(node)})`);

  const own: JsonObject = { ...node };
  const notes: LoosenessNote[] = [];
  const base = takeBase(own, scope, mode);
  const ownMode: Mode = base === undefined ? mode : "refinement";
  const parts: JsonObject[] = [];
  const out: JsonObject = {};

  if (isObject(own.discriminator) && Array.isArray(own.oneOf)) {
    // The concrete types in oneOf carry (and require) the tag themselves.
    delete own.properties;
    delete own.required;
    delete own.type;
  }
  if (base !== undefined && own.type === "object") delete own.type;
  const openEnum = own["x-extensible-enum"];
  if (Array.isArray(openEnum) && own.type === "string") {
    // Any string is valid; listing the known members keeps them discoverable in editors.
    parts.push({ tsType: [...openEnum.map((v) => JSON.stringify(v)), "(string & {})"].join(" | ") });
    delete own.type;
  }
  if (own.type !== undefined) out.type = own.type;
  if (own.enum !== undefined) out.enum = own.enum;
  if (own.const !== undefined) out.const = own.const;

  const properties = translateProperties(own, scope, ownMode, at, base, notes);
  if (Object.keys(properties).length > 0) {
    out.properties = properties;
    out.required = strings(own.required).filter((n) => n in properties);
  }
  const undeclared = strings(own.required).filter((n) => !(n in properties));
  if (undeclared.length > 0) parts.push({ tsType: requiredOf(base, undeclared) });
  translateAdditionalProperties(own, out, scope, ownMode, at, notes);
  translateItems(own, out, scope, ownMode, at, notes);
  translateUnions(own, out, properties, scope, ownMode, at, base, notes);
  parts.push(...translateAllOf(own, scope, ownMode, at, notes));
  parts.push(...translateConditional(own, scope, ownMode, at, notes));
  if (base !== undefined) parts.unshift({ tsType: refinedBase(base, out, scope, at) });

  for (const key of Object.keys(own)) {
    if (!HANDLED.has(key) && !isAnnotation(key)) notes.push({ at, what: noteForKeyword(key, own[key]!) });
  }

  const all = Object.keys(out).length > 0 ? [...parts, out] : parts;
  const description = joinText(node.description, Array.isArray(openEnum) ? "Extensible enum: Graph may add members, so any string is accepted." : undefined);
  if (all.length === 0) return { ...unknownType(description), notes };
  const schema: JsonObject = all.length === 1 ? { ...all[0]! } : { allOf: all };
  if (description !== undefined) schema.description = description;
  return { schema, notes, trivial: false };
}

/**
 * The type this node refines: its `$ref`, or, in the refinements of operation and notification
 * schemas, the Graph type its fixed @odata.type names. The notification schemas refine
 * commsNotification, whose resources apply the type of their @odata.type through if/then, which
 * json2ts ignores; naming that type here restores the precision.
 */
function takeBase(own: JsonObject, scope: TranslationScope, mode: Mode): string | undefined {
  if (typeof own.$ref === "string") {
    const type = scope.typeOfRef(own.$ref);
    delete own.$ref;
    return type;
  }
  if (mode === "plain" || !scope.typeOfTag || !isObject(own.properties)) return undefined;
  const tagSchema = own.properties[GRAPH_TYPE_TAG];
  if (!isObject(tagSchema) || typeof tagSchema.const !== "string") return undefined;
  const type = scope.typeOfTag(tagSchema.const);
  if (type !== undefined && Object.keys(tagSchema).every((k) => k === "const" || isAnnotation(k))) {
    // The base type fixes the tag already.
    const { [GRAPH_TYPE_TAG]: _tag, ...rest } = own.properties;
    own.properties = rest;
  }
  return type;
}

/** The base, refined by the properties the node adds to it (moved out of `out` into their own type). */
function refinedBase(base: string, out: JsonObject, scope: TranslationScope, at: string): string {
  if (out.properties === undefined) return base;
  const refinement: JsonObject = { type: "object", properties: out.properties, required: out.required ?? [], additionalProperties: false };
  delete out.properties;
  delete out.required;
  delete out.additionalProperties;
  if (out.type === "object") delete out.type;
  return scope.refine(base, refinement, at);
}

function translateProperties(own: JsonObject, scope: TranslationScope, mode: Mode, at: string, base: string | undefined, notes: LoosenessNote[]): JsonObject {
  const declared = isObject(own.properties) ? own.properties : {};
  const required = strings(own.required);
  const properties: JsonObject = {};
  for (const [name, sub] of Object.entries(declared)) {
    const propertyAt = joinPath(at, name);
    const t = translateSchema(sub, scope, mode, propertyAt);
    notes.push(...t.notes);
    // An optional refinement that constrains nothing TypeScript can hold adds nothing to its base.
    if (t.trivial && mode !== "plain" && !required.includes(name)) continue;
    const description = describeWithNotes(t.schema.description as string | undefined, takeUnshown(t.notes), propertyAt, PROPERTY_NOTES_HEADING);
    properties[name] = description === undefined ? t.schema : { ...t.schema, description };
  }
  if (base === undefined && own.additionalProperties === false) {
    // Required but not allowed: the profile compiler removed a read-only property and kept it in `required`.
    for (const name of required.filter((n) => !(n in declared))) {
      const what = "required, yet not an allowed property (additionalProperties: false): no value satisfies the schema";
      notes.push({ at: joinPath(at, name), what, shown: true });
      properties[name] = { tsType: "never", description: `The schema lists it as ${what}.` };
    }
  }
  return properties;
}

/** `Required<Pick<Base, "a" | "b">>` for required properties the node does not declare itself. */
function requiredOf(base: string | undefined, names: string[]): string {
  if (base !== undefined) return `Required<Pick<${base}, ${names.map((n) => JSON.stringify(n)).join(" | ")}>>`;
  // Without a base such properties may hold anything, but must be present.
  return `{ ${names.map((n) => `${JSON.stringify(n)}: unknown`).join("; ")} }`;
}

function translateAdditionalProperties(own: JsonObject, out: JsonObject, scope: TranslationScope, mode: Mode, at: string, notes: LoosenessNote[]): void {
  const value = own.additionalProperties;
  if (isObject(value)) {
    const t = translateSchema(value, scope, mode, joinPath(at, "*"));
    notes.push(...t.notes);
    out.additionalProperties = t.schema;
  } else if (mode === "plain") {
    if (typeof value === "boolean") out.additionalProperties = value;
  } else if (out.properties !== undefined || typeIncludes(out.type, "object")) {
    if (value === false) notes.push({ at, what: "additionalProperties: false (a refinement cannot close the type it refines)" });
    out.additionalProperties = false;
  }
}

function translateItems(own: JsonObject, out: JsonObject, scope: TranslationScope, mode: Mode, at: string, notes: LoosenessNote[]): void {
  if (own.items !== undefined) {
    const t = translateSchema(own.items, scope, mode, `${at}[]`);
    notes.push(...t.notes);
    if (!t.trivial || mode === "plain") out.items = t.schema;
  }
  if (own.minItems !== undefined) out.minItems = own.minItems;
  if (own.maxItems !== undefined) out.maxItems = own.maxItems;
}

function translateUnions(own: JsonObject, out: JsonObject, properties: JsonObject, scope: TranslationScope, mode: Mode, at: string, base: string | undefined, notes: LoosenessNote[]): void {
  for (const key of ["anyOf", "oneOf"] as const) {
    const members = own[key];
    if (!Array.isArray(members)) continue;
    if (members.length > 0 && members.every(isRequiredOnly)) {
      out[key] = members.map((m) => requiredBranch(strings((m as JsonObject).required), properties, base));
      if (key === "oneOf") notes.push({ at, what: "oneOf: exactly one of the required sets (the type accepts several)" });
      continue;
    }
    const translated = members.map((m) => translateSchema(m, scope, mode, at));
    for (const t of translated) notes.push(...t.notes);
    out[key] = flattenUnion(translated.map((t) => t.schema));
  }
}

/** One "required: [...]" branch: the named properties made required, typed as declared here or by the base. */
function requiredBranch(names: string[], properties: JsonObject, base: string | undefined): JsonObject {
  const local = names.filter((n) => n in properties);
  const inherited = names.filter((n) => !(n in properties));
  const pieces: JsonObject[] = [];
  if (local.length > 0) {
    const typed = Object.fromEntries(local.map((n) => [n, withoutDescription(properties[n] as JsonObject)]));
    pieces.push({ type: "object", properties: typed, required: local, additionalProperties: false });
  }
  if (inherited.length > 0) pieces.push({ tsType: requiredOf(base, inherited) });
  return pieces.length === 1 ? pieces[0]! : { allOf: pieces };
}

function translateAllOf(own: JsonObject, scope: TranslationScope, mode: Mode, at: string, notes: LoosenessNote[]): JsonObject[] {
  if (!Array.isArray(own.allOf)) return [];
  const parts: JsonObject[] = [];
  for (const member of own.allOf) {
    if (isObject(member) && member.if !== undefined && Object.keys(member).every((k) => ["if", "then", "else"].includes(k) || isAnnotation(k))) {
      notes.push({ at, what: noteForConditional(member) });
      continue;
    }
    const t = translateSchema(member, scope, mode, at);
    notes.push(...t.notes);
    if (!t.trivial) parts.push(t.schema);
  }
  return parts;
}

/** `if: {type: T}, then: A, else: B` is "a T matching A, or B": a union. Other conditionals become notes. */
function translateConditional(own: JsonObject, scope: TranslationScope, mode: Mode, at: string, notes: LoosenessNote[]): JsonObject[] {
  if (own.if === undefined) return [];
  const condition = own.if;
  const testsTypeOnly = isObject(condition) && Object.keys(condition).length === 1 && typeof condition.type === "string";
  if (!testsTypeOnly || !isObject(own.then) || own.else === undefined) {
    notes.push({ at, what: noteForConditional(own) });
    return [];
  }
  const then = translateSchema({ ...own.then, type: condition.type! }, scope, mode, at);
  const otherwise = translateSchema(own.else, scope, mode, at);
  notes.push(...then.notes, ...otherwise.notes);
  return [{ anyOf: flattenUnion([then.schema, otherwise.schema]) }];
}

/** Nested unions (the receive profile wraps nullable refs twice) read better flat and deduplicated. */
function flattenUnion(members: JsonObject[]): JsonObject[] {
  const flat = members.flatMap((m) => (Array.isArray(m.anyOf) && Object.keys(m).length === 1 ? (m.anyOf as JsonObject[]) : [m]));
  const seen = new Set<string>();
  return flat.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isRequiredOnly(member: JsonValue): boolean {
  return isObject(member) && Array.isArray(member.required) && Object.keys(member).every((k) => k === "required" || isAnnotation(k));
}

function unknownType(description?: string): Translation {
  const schema: JsonObject = { tsType: "unknown" };
  if (description !== undefined) schema.description = description;
  return { schema, notes: [], trivial: true };
}

function withoutDescription(schema: JsonObject): JsonObject {
  const { description: _description, ...rest } = schema;
  return rest;
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function typeIncludes(type: JsonValue | undefined, name: string): boolean {
  return type === name || (Array.isArray(type) && type.includes(name));
}

function joinText(...parts: Array<JsonValue | undefined>): string | undefined {
  const text = parts.filter((p): p is string => typeof p === "string" && p !== "").join("\n\n");
  return text === "" ? undefined : text;
}

export function joinPath(at: string, name: string): string {
  return at === "" ? name : `${at}.${name}`;
}
