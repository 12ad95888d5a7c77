/**
 * Which Graph type owns a location in a payload: walk the (receive-profile) schemas along a JSON
 * pointer, following $refs, nullable wrappers, discriminators and the notification dispatch.
 * The extractor uses it to name errata ("invitationParticipantInfo.endpointType").
 */
import { getAtPointer, isObject, joinPointer, splitPointer, type JsonObject } from "../util/json.js";
import type { SchemaEntry } from "./registry.js";

export class SchemaIndex {
  private readonly byId = new Map<string, JsonObject>();

  constructor(private readonly entries: readonly SchemaEntry[]) {
    for (const e of entries) this.byId.set(e.id, e.schema);
  }

  /** The title of the schema that declares the property at `pointer` (its parent object's type). */
  ownerOf(schemaName: string, payload: unknown, pointer: string): string | undefined {
    const tokens = splitPointer(pointer);
    if (tokens.length === 0) return undefined;
    const parent = this.typeAt(schemaName, payload, joinPointer("", ...tokens.slice(0, -1)));
    return parent?.title;
  }

  /** The named (titled) schema describing the value at `pointer`, if the walk can tell. */
  typeAt(schemaName: string, payload: unknown, pointer: string): { title: string; schema: JsonObject } | undefined {
    const entry = this.entries.find((e) => e.name === schemaName);
    if (!entry) return undefined;
    let current: Located | undefined = this.resolve({ schema: entry.schema, base: entry.id }, getAtPointer(payload, ""));
    let at = "";
    for (const token of splitPointer(pointer)) {
      if (!current) return undefined;
      const next = this.step(current, token);
      at = joinPointer(at, token);
      current = next ? this.resolve(next, getAtPointer(payload, at)) : undefined;
    }
    if (!current) return undefined;
    return { title: String(current.titled.schema.title ?? entry.name), schema: current.titled.schema };
  }

  private step(from: Located, token: string): { schema: JsonObject; base: string; titled: Located["titled"] } | undefined {
    for (const view of from.views) {
      const props = view.schema.properties;
      if (isObject(props) && isObject(props[token])) return { schema: props[token] as JsonObject, base: view.base, titled: from.titled };
      if (/^\d+$/.test(token) && isObject(view.schema.items)) return { schema: view.schema.items as JsonObject, base: view.base, titled: from.titled };
    }
    return undefined;
  }

  /**
   * Everything that describes one value: follow $ref, the non-null branch of nullable wrappers,
   * the discriminated branch matching the value's @odata.type, and if/then branches that apply.
   */
  private resolve(start: { schema: JsonObject; base: string; titled?: Located["titled"] }, value: unknown): Located {
    const views: Array<{ schema: JsonObject; base: string }> = [];
    let titled = start.titled ?? { schema: start.schema, base: start.base };
    const queue = [{ schema: start.schema, base: start.base }];
    for (let guard = 0; queue.length > 0 && guard < 64; guard++) {
      const { schema, base } = queue.shift()!;
      const ownBase = typeof schema.$id === "string" ? schema.$id : base;
      views.push({ schema, base: ownBase });
      if (typeof schema.title === "string") titled = { schema, base: ownBase };
      if (typeof schema.$ref === "string") {
        const target = this.deref(schema.$ref, ownBase);
        if (target) queue.push(target);
      }
      for (const branch of [...asArray(schema.anyOf), ...asArray(schema.oneOf), ...asArray(schema.allOf)]) {
        if (isObject(branch) && this.branchApplies(branch, ownBase, value)) queue.push({ schema: branch, base: ownBase });
      }
      if (isObject(schema.if) && isObject(schema.then) && this.branchApplies(schema.if, ownBase, value)) queue.push({ schema: schema.then, base: ownBase });
      if (isObject(schema.if) && isObject(schema.else) && !this.branchApplies(schema.if, ownBase, value)) queue.push({ schema: schema.else, base: ownBase });
    }
    return { views, titled };
  }

  /** A structural guess good enough for naming: null branches, tag constants and array/object type. */
  private branchApplies(branch: JsonObject, base: string, value: unknown): boolean {
    if (branch.type === "null") return value === null;
    if (branch.type === "array") return Array.isArray(value);
    const target = typeof branch.$ref === "string" ? this.deref(branch.$ref, base)?.schema : branch;
    const tag = isObject(target?.properties) ? (target!.properties as JsonObject)["@odata.type"] : undefined;
    if (isObject(tag) && typeof tag.const === "string") return isObject(value) && value["@odata.type"] === tag.const;
    return true;
  }

  private deref(ref: string, base: string): { schema: JsonObject; base: string } | undefined {
    const url = new URL(ref, base);
    const fragment = decodeURIComponent(url.hash.replace(/^#/, ""));
    url.hash = "";
    const doc = this.byId.get(url.href);
    if (!doc) return undefined;
    const schema = fragment ? getAtPointer(doc, fragment) : doc;
    return isObject(schema) ? { schema, base: url.href } : undefined;
  }
}

interface Located {
  views: Array<{ schema: JsonObject; base: string }>;
  titled: { schema: JsonObject; base: string };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
