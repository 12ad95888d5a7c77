/**
 * The published schemas as a graph of subschemas that generators can walk: every node travels with
 * the base URI its relative `$ref`s resolve against and a readable location for error messages.
 *
 * Refs are resolved here rather than with json-schema-ref-parser: resolution stays synchronous (so
 * `arbitraryFor` needs no await), never reaches for the network, and keeps each node's location,
 * which a dereferenced copy would lose.
 */
import { readSchemaEntries, type SchemaEntry } from "../contract/registry.js";
import { SCHEMA_ID_BASE } from "../schema-build/profiles.js";
import { getAtPointer, isObject, joinPointer, type JsonObject, type JsonValue } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";

/** A subschema (object or boolean) with the context needed to interpret it. */
export interface SchemaRef {
  node: JsonValue;
  /** Absolute URI of the document (or nearest `$id`) that relative refs resolve against. */
  base: string;
  /** Where the node is, for messages: "send/call.json#/properties/targets". */
  at: string;
}

export class SchemaStore {
  private readonly documents = new Map<string, JsonObject>();
  private readonly byName = new Map<string, SchemaEntry>();

  private constructor(readonly entries: SchemaEntry[]) {
    for (const entry of entries) {
      this.documents.set(withoutFragment(entry.id), entry.schema);
      this.byName.set(entry.name, entry);
    }
  }

  static load(schemasDir?: string): SchemaStore {
    return new SchemaStore(readSchemaEntries(schemasDir));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  entry(name: string): SchemaEntry {
    const entry = this.byName.get(name);
    if (!entry) throw new Error(`unknown schema "${name}"; known: ${this.names().join(", ")}`);
    return entry;
  }

  root(name: string): SchemaRef {
    const entry = this.entry(name);
    return { node: entry.schema, base: withoutFragment(entry.id), at: `${relativeToBase(entry.id)}#` };
  }

  /** The subschema under `tokens` (e.g. "properties", "callbackUri"), honouring a nested `$id`. */
  child(parent: SchemaRef, ...tokens: Array<string | number>): SchemaRef {
    const node = getAtPointer(parent.node, joinPointer("", ...tokens)) as JsonValue | undefined;
    if (node === undefined) throw new Error(`no subschema ${tokens.join("/")} at ${parent.at}`);
    return this.rebase({ node, base: parent.base, at: joinPointer(parent.at, ...tokens) });
  }

  /** The target of `$ref` from `from`. */
  resolve(ref: string, from: SchemaRef): SchemaRef {
    const url = new URL(ref, from.base);
    const docUri = withoutFragment(url.href);
    const document = this.documents.get(docUri);
    if (!document) throw new UnsupportedSchemaError("$ref", from.at, `${JSON.stringify(ref)} points outside the published schemas (${docUri})`);
    const pointer = decodeURIComponent(url.hash.replace(/^#/, ""));
    const node = getAtPointer(document, pointer) as JsonValue | undefined;
    if (node === undefined) throw new UnsupportedSchemaError("$ref", from.at, `${JSON.stringify(ref)} names nothing in ${docUri}`);
    return this.rebase({ node, base: docUri, at: `${relativeToBase(docUri)}#${pointer}` });
  }

  /** Every property name a published schema declares. */
  declaredPropertyNames(): Set<string> {
    return this.collect((node) => (isObject(node.properties) ? Object.keys(node.properties) : []));
  }

  /** Every member of every evolvable enum (`x-extensible-enum`). */
  extensibleEnumMembers(): Set<string> {
    return this.collect((node) => (Array.isArray(node["x-extensible-enum"]) ? node["x-extensible-enum"].map(String) : []));
  }

  private collect(pick: (node: JsonObject) => string[]): Set<string> {
    const found = new Set<string>();
    const visit = (node: JsonValue): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (isObject(node)) {
        pick(node).forEach((name) => found.add(name));
        Object.values(node).forEach(visit);
      }
    };
    this.entries.forEach((e) => visit(e.schema));
    return found;
  }

  private rebase(ref: SchemaRef): SchemaRef {
    return isObject(ref.node) && typeof ref.node.$id === "string" ? { ...ref, base: withoutFragment(new URL(ref.node.$id, ref.base).href) } : ref;
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash === -1 ? uri : uri.slice(0, hash);
}

function relativeToBase(uri: string): string {
  return uri.startsWith(SCHEMA_ID_BASE) ? withoutFragment(uri.slice(SCHEMA_ID_BASE.length)) : withoutFragment(uri);
}
