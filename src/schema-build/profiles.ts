/**
 * The profile compiler: turns the authored schema sources (schemas/source/) into the published
 * JSON Schemas, one strict `send` and one tolerant `receive` schema per Graph type, plus the
 * operation and notification schemas that point into the right profile.
 *
 * Source keywords (documented in schemas/README.md):
 *  - `readOnly: true` on a property: Graph sets it. send: removed (so sending it is an error); receive: kept.
 *  - `x-send`: keywords merged in at that place in the send profile only; `x-send: false` on a
 *    property removes it from the send profile (with `x-forbidden-reason` saying why).
 *  - `x-extends: "base.json"`: inherit the base type's properties (flattened, so objects can be closed).
 *  - enums containing "unknownFutureValue" evolve: receive accepts any string; send drops the sentinel.
 *  - `discriminator`: an abstract type; only its tag is kept next to the `oneOf` of concrete types.
 *  - `x-profile` on operations and notifications chooses the profile their `../types/` refs resolve to.
 */
import fs from "node:fs";
import path from "node:path";
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";

export type Profile = "send" | "receive";
export const PROFILES: readonly Profile[] = ["send", "receive"];
export const SCHEMA_ID_BASE = "https://graph-calls-contract.dev/schemas/";
export const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** The groups of authored sources and the folder each is published to. */
export const SOURCE_GROUPS = ["types", "operations", "notifications"] as const;
export type SourceGroup = (typeof SOURCE_GROUPS)[number];

export interface SchemaSources {
  /** group -> file name -> authored schema */
  groups: Record<SourceGroup, Map<string, JsonObject>>;
}

export class SchemaSourceError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

export function readSchemaSources(sourceDir: string): SchemaSources {
  const groups = {} as SchemaSources["groups"];
  for (const group of SOURCE_GROUPS) {
    const dir = path.join(sourceDir, group);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
    groups[group] = new Map();
    for (const file of files) {
      const full = path.join(dir, file);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(full, "utf8"));
      } catch (e) {
        throw new SchemaSourceError(full, `not valid JSON: ${(e as Error).message}`);
      }
      if (!isObject(parsed)) throw new SchemaSourceError(full, "a schema source must be a JSON object");
      groups[group].set(file, parsed);
    }
  }
  return { groups };
}

/** Published relative path (e.g. "send/call.json") -> schema. Deterministic order. */
export function compileProfiles(sources: SchemaSources): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const types = sources.groups.types;
  for (const profile of PROFILES) {
    for (const [file, source] of types) {
      const flattened = inheritBase(file, source, types);
      const body = transform(flattened, { profile, inTypes: true, file: `types/${file}` }) as JsonObject;
      out.set(`${profile}/${file}`, publish(`${profile}/${file}`, body, profile));
    }
  }
  for (const group of ["operations", "notifications"] as const) {
    for (const [file, source] of sources.groups[group]) {
      const profile = source["x-profile"];
      if (profile !== "send" && profile !== "receive") {
        throw new SchemaSourceError(`${group}/${file}`, `"x-profile" must be "send" or "receive"`);
      }
      const body = transform(source, { profile, inTypes: false, file: `${group}/${file}` }) as JsonObject;
      out.set(`${group}/${file}`, publish(`${group}/${file}`, body, profile));
    }
  }
  return out;
}

interface Context {
  profile: Profile;
  /** Type sources get Graph's null-for-unset rule in the receive profile; refinements do not. */
  inTypes: boolean;
  file: string;
}

function publish(relPath: string, body: JsonObject, profile: Profile): JsonObject {
  const { title, description, ...rest } = body;
  const head: JsonObject = { $schema: SCHEMA_DIALECT, $id: SCHEMA_ID_BASE + relPath };
  if (title !== undefined) head.title = title;
  if (description !== undefined) head.description = description;
  head["x-profile"] = profile;
  delete rest["x-profile"];
  return { ...head, ...rest };
}

function inheritBase(file: string, source: JsonObject, types: Map<string, JsonObject>): JsonObject {
  const baseFile = source["x-extends"];
  if (baseFile === undefined) return source;
  if (typeof baseFile !== "string" || !types.has(baseFile)) {
    throw new SchemaSourceError(`types/${file}`, `"x-extends" names an unknown type source ${JSON.stringify(baseFile)}`);
  }
  const base = inheritBase(baseFile, types.get(baseFile)!, types);
  const { "@odata.type": _tag, ...baseProps } = (base.properties as JsonObject | undefined) ?? {};
  const { "@odata.type": ownTag, ...ownProps } = (source.properties as JsonObject | undefined) ?? {};
  const properties: JsonObject = {};
  if (ownTag !== undefined) properties["@odata.type"] = ownTag;
  Object.assign(properties, baseProps, ownProps);
  const result: JsonObject = { ...source, properties };
  delete result["x-extends"];
  return result;
}

const SUBSCHEMA_MAPS = ["$defs", "patternProperties", "dependentSchemas"] as const;
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
const SUBSCHEMA_SINGLE = ["items", "contains", "not", "if", "then", "else", "additionalProperties", "propertyNames"] as const;
/** Keywords that only exist in sources and never reach a published schema. */
const SOURCE_ONLY = ["x-send", "x-extends", "x-forbidden-reason"] as const;

function transform(input: JsonValue, ctx: Context): JsonValue {
  if (!isObject(input)) return input;
  let node: JsonObject = { ...input };
  const sendOnly = node["x-send"];
  if (ctx.profile === "send" && isObject(sendOnly)) node = mergeKeywords(node, sendOnly);
  for (const k of SOURCE_ONLY) delete node[k];

  if (typeof node.$ref === "string" && !ctx.inTypes && node.$ref.startsWith("../types/")) {
    node.$ref = `../${ctx.profile}/` + node.$ref.slice("../types/".length);
  }

  if (isObject(node.discriminator)) {
    // Abstract type: concrete types (oneOf) own the shared properties through x-extends.
    const tag = String(node.discriminator.propertyName);
    const props = (node.properties as JsonObject | undefined) ?? {};
    node.properties = { [tag]: props[tag] ?? { type: "string" } };
  }

  if (Array.isArray(node.enum) && node.enum.includes("unknownFutureValue")) {
    if (ctx.profile === "send") {
      node.enum = node.enum.filter((v) => v !== "unknownFutureValue");
    } else {
      node["x-extensible-enum"] = node.enum;
      delete node.enum;
      node.type ??= "string";
    }
  }

  for (const key of SUBSCHEMA_SINGLE) if (node[key] !== undefined) node[key] = transform(node[key]!, ctx);
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(node[key])) node[key] = (node[key] as JsonValue[]).map((s) => transform(s, ctx));
  }
  for (const key of SUBSCHEMA_MAPS) {
    if (isObject(node[key])) node[key] = mapValues(node[key] as JsonObject, (s) => transform(s, ctx));
  }
  if (isObject(node.properties)) transformProperties(node, ctx);
  return node;
}

function transformProperties(node: JsonObject, ctx: Context): void {
  const required = new Set((node.required as string[] | undefined) ?? []);
  const forbidden: JsonObject = {};
  const properties: JsonObject = {};
  for (const [name, raw] of Object.entries(node.properties as JsonObject)) {
    if (ctx.profile === "send" && isObject(raw) && (raw.readOnly === true || raw["x-send"] === false)) {
      forbidden[name] =
        typeof raw["x-forbidden-reason"] === "string"
          ? raw["x-forbidden-reason"]
          : "is set by Graph (read-only): a bot must not send it";
      continue;
    }
    let schema = transform(raw, ctx);
    if (ctx.profile === "receive" && ctx.inTypes && !required.has(name) && name !== "@odata.type") {
      schema = acceptNull(schema);
    }
    properties[name] = schema;
  }
  node.properties = properties;
  if (Array.isArray(node.required) && Object.keys(forbidden).length > 0) {
    // A property a bot must not send cannot be required of it either.
    node.required = (node.required as string[]).filter((name) => !(name in forbidden));
  }
  const isObjectType = node.type === "object" || (Array.isArray(node.type) && node.type.includes("object"));
  if (isObjectType && !isObject(node.discriminator) && node.additionalProperties === undefined) {
    node.additionalProperties = ctx.profile === "receive";
  }
  if (Object.keys(forbidden).length > 0) node["x-forbidden"] = forbidden;
}

/** Graph serialises unset properties as null; a tolerant reader must accept that everywhere. */
function acceptNull(schema: JsonValue): JsonValue {
  if (!isObject(schema)) return schema;
  const type = schema.type;
  const simple = schema.$ref === undefined && schema.if === undefined && schema.anyOf === undefined && schema.oneOf === undefined;
  if (simple && (typeof type === "string" || Array.isArray(type))) {
    const types = Array.isArray(type) ? [...type] : [type];
    if (types.includes("null")) return schema;
    const result: JsonObject = { ...schema, type: [...types, "null"] };
    if (Array.isArray(schema.enum)) result.enum = [...schema.enum, null];
    return result;
  }
  return { anyOf: [schema, { type: "null" }] };
}

/** Merge send-only keywords: nested `properties` merge per property, `required` unions, objects merge. */
function mergeKeywords(target: JsonObject, extra: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    if (key === "required" && Array.isArray(current) && Array.isArray(value)) {
      result[key] = [...new Set([...(current as string[]), ...(value as string[])])];
    } else if ((key === "properties" || key === "x-message") && isObject(current) && isObject(value)) {
      const merged: JsonObject = { ...current };
      for (const [k, v] of Object.entries(value)) {
        merged[k] = isObject(merged[k]) && isObject(v) ? mergeKeywords(merged[k] as JsonObject, v) : v;
      }
      result[key] = merged;
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mapValues(obj: JsonObject, fn: (v: JsonValue) => JsonValue): JsonObject {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}
