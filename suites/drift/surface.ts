/**
 * The calling surface of Microsoft's type packages, and how it compares with our schema sources.
 *
 * Walk: from the roots of schemas/source/graph-types-decisions.json (and every subtype of the
 * abstract ones), each property of each type; a property our schema declares is followed into its
 * Graph type (interfaces are walked, unions are enums whose members are checked), a property we do
 * not declare must be decided, and is not followed. The result is a list of facts ("Call.state",
 * "CallState.ringing", "type MeetingCapability"), each either in our schemas or decided.
 */
import fs from "node:fs";
import path from "node:path";
import { allProperties, subtypesOf, type GraphTypes } from "./graph-types.js";
import { isObject, type JsonObject } from "../../src/util/json.js";

export interface DriftDecisions {
  packages: Record<string, string>;
  /** Types the walk starts from. */
  roots: string[];
  /** Abstract roots whose every subtype is walked too (CommsOperation, MediaConfig...). */
  withSubtypes: string[];
  /** Graph types our schemas model under another name (every communications identity is our one identity). */
  schemaOf: Record<string, string>;
  /** "Type.property", "Enum.member" or "type Type" -> why the contract leaves it out. */
  decisions: Record<string, string>;
}

export interface Fact {
  /** "Call.state", "CallState.ringing", "type MeetingCapability". */
  key: string;
  /** Where the walk met it, for messages: "Call.mediaState". */
  via: string;
  declared: boolean;
}

export class SchemaSources {
  private readonly types = new Map<string, JsonObject>();

  constructor(typesDir: string) {
    for (const file of fs.readdirSync(typesDir).filter((f) => f.endsWith(".json"))) {
      this.types.set(file.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(typesDir, file), "utf8")) as JsonObject);
    }
  }

  has(name: string): boolean {
    return this.types.has(name);
  }

  /** Properties declared by the source and the bases it extends. */
  properties(name: string): Set<string> {
    const out = new Set<string>();
    for (let current = this.types.get(name), guard = 0; current && guard < 16; guard++) {
      if (isObject(current.properties)) for (const p of Object.keys(current.properties)) out.add(p);
      const base = current["x-extends"];
      current = typeof base === "string" ? this.types.get(base.replace(/\.json$/, "")) : undefined;
    }
    return out;
  }

  /** Enum members, in either profile (x-send may narrow them). */
  members(name: string): Set<string> {
    const source = this.types.get(name);
    return new Set(Array.isArray(source?.enum) ? (source.enum as string[]) : []);
  }
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export function walkSurface(graph: GraphTypes, decisions: DriftDecisions, ours: SchemaSources): Fact[] {
  const facts = new Map<string, Fact>();
  const add = (key: string, via: string, declared: boolean) => {
    if (!facts.has(key)) facts.set(key, { key, via, declared });
  };
  const schemaFor = (graphType: string) => decisions.schemaOf[graphType] ?? lowerFirst(graphType);
  const queue: Array<{ type: string; via: string }> = [];
  for (const root of decisions.roots) queue.push({ type: root, via: "root" });
  for (const abstract of decisions.withSubtypes) for (const sub of subtypesOf(graph, abstract)) queue.push({ type: sub, via: `subtype of ${abstract}` });
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { type, via } = queue.shift()!;
    if (seen.has(type)) continue;
    seen.add(type);
    if (graph.enums.has(type)) {
      const members = ours.members(schemaFor(type));
      for (const m of graph.enums.get(type)!) add(`${type}.${m}`, via, members.has(m));
      continue;
    }
    if (!graph.interfaces.has(type)) continue;
    const schema = schemaFor(type);
    if (!ours.has(schema)) {
      add(`type ${type}`, via, false);
      continue;
    }
    const declared = ours.properties(schema);
    for (const [property, refs] of allProperties(graph, type)) {
      const key = `${type}.${property}`;
      const has = declared.has(property);
      add(key, via, has);
      if (has) for (const ref of refs) queue.push({ type: ref, via: key });
    }
  }
  return [...facts.values()].sort((a, b) => a.key.localeCompare(b.key));
}
