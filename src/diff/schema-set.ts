/** One version of the published schemas, addressed by name, with `$ref` resolution between its documents. */
import { readSchemaEntries, type SchemaEntry } from "../contract/registry.js";
import { getAtPointer, type JsonValue } from "../util/json.js";

/** A node of a schema document: the document's name and a JSON pointer into it. */
export interface NodeAddress {
  schema: string;
  pointer: string;
}

export class SchemaSet {
  private readonly byName = new Map<string, SchemaEntry>();
  private readonly nameById = new Map<string, string>();

  private constructor(readonly dir: string, readonly entries: SchemaEntry[]) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.nameById.set(withoutFragment(entry.id), entry.name);
    }
  }

  static load(dir: string): SchemaSet {
    return new SchemaSet(dir, readSchemaEntries(dir));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): SchemaEntry | undefined {
    return this.byName.get(name);
  }

  /** Operation and notification schemas: what travels on the wire, and what fixtures are written for. */
  messageNames(): string[] {
    return this.entries.filter((e) => e.kind !== "type").map((e) => e.name);
  }

  node(address: NodeAddress): JsonValue | undefined {
    const entry = this.byName.get(address.schema);
    return entry ? (getAtPointer(entry.schema, address.pointer) as JsonValue | undefined) : undefined;
  }

  /** Where `ref`, written in `from`'s document, points; undefined outside this set. */
  resolve(ref: string, from: string): NodeAddress | undefined {
    const entry = this.byName.get(from);
    if (!entry || !URL.canParse(ref, entry.id)) return undefined;
    const url = new URL(ref, entry.id);
    const schema = this.nameById.get(withoutFragment(url.href));
    if (schema === undefined) return undefined;
    return { schema, pointer: decodeURIComponent(url.hash.replace(/^#/, "")) };
  }

  /** `ref` as an absolute URI, so refs written differently but meaning the same compare equal. */
  absolute(ref: string, from: string): string {
    const entry = this.byName.get(from);
    return entry && URL.canParse(ref, entry.id) ? new URL(ref, entry.id).href : ref;
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf("#");
  return hash === -1 ? uri : uri.slice(0, hash);
}
