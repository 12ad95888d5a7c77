/**
 * Where a schema node applies in payloads: the schemas of a root are walked along properties, items
 * and `$ref`s (across documents), and every node is recorded with the payload locations that reach
 * it, as JSON pointer patterns where "*" stands for any property name or array index. A change in
 * `send/identitySet` thus applies at /source/identity of a create-call request, and at each target's identity.
 */
import { isObject, joinPointer, splitPointer, type JsonValue } from "../util/json.js";
import { COMBINATORS, SAME_LOCATION_SUBSCHEMAS } from "./keywords.js";
import type { NodeAddress, SchemaSet } from "./schema-set.js";

export const ANY = "*";

/** Deeper payload locations are not followed: recursive schemas would otherwise never end. */
const MAX_DEPTH = 24;
/** Visits per root, a bound on pathological schemas. */
const MAX_VISITS = 200_000;

export class LocationIndex {
  private readonly byRoot = new Map<string, Map<string, string[][]>>();

  constructor(private readonly set: SchemaSet) {}

  /** The payload locations of `root` at which `node` applies (token lists, "*" for any). */
  patterns(root: string, node: NodeAddress): string[][] {
    return this.walked(root).get(keyOf(node)) ?? [];
  }

  private walked(root: string): Map<string, string[][]> {
    let found = this.byRoot.get(root);
    if (!found) {
      found = this.walk(root);
      this.byRoot.set(root, found);
    }
    return found;
  }

  private walk(root: string): Map<string, string[][]> {
    const found = new Map<string, string[][]>();
    const seen = new Set<string>();
    const queue: Array<{ node: NodeAddress; at: string[] }> = [{ node: { schema: root, pointer: "" }, at: [] }];
    for (let visits = 0; queue.length > 0 && visits < MAX_VISITS; visits++) {
      const { node, at } = queue.pop()!;
      const key = keyOf(node);
      const visit = `${key} ${joinPointer("", ...at)}`;
      if (seen.has(visit) || at.length > MAX_DEPTH) continue;
      seen.add(visit);
      found.set(key, [...(found.get(key) ?? []), at]);
      const schema = this.set.node(node);
      if (!isObject(schema)) continue;
      const child = (tokens: Array<string | number>, step: string[] = []) => queue.push({ node: { schema: node.schema, pointer: joinPointer(node.pointer, ...tokens) }, at: [...at, ...step] });
      if (isObject(schema.properties)) for (const name of Object.keys(schema.properties)) child(["properties", name], [name]);
      if (isObject(schema.patternProperties)) for (const name of Object.keys(schema.patternProperties)) child(["patternProperties", name], [ANY]);
      for (const keyword of ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains"]) {
        if (isObject(schema[keyword])) child([keyword], [ANY]);
      }
      if (Array.isArray(schema.prefixItems)) schema.prefixItems.forEach((_, i) => child(["prefixItems", i], [String(i)]));
      for (const keyword of COMBINATORS) if (Array.isArray(schema[keyword])) (schema[keyword] as JsonValue[]).forEach((_, i) => child([keyword, i]));
      for (const keyword of SAME_LOCATION_SUBSCHEMAS) if (isObject(schema[keyword])) child([keyword]);
      if (typeof schema.$ref === "string") {
        const target = this.set.resolve(schema.$ref, node.schema);
        if (target) queue.push({ node: target, at });
      }
    }
    return found;
  }
}

function keyOf(node: NodeAddress): string {
  return `${node.schema}#${node.pointer}`;
}

/** Whether `pointer` is at or below a location matching `pattern`. */
export function isAtOrBelow(pointer: string, pattern: readonly string[]): boolean {
  const tokens = splitPointer(pointer);
  return pattern.length <= tokens.length && pattern.every((p, i) => p === ANY || p === tokens[i]);
}

/** The concrete locations of `payload` matching `pattern`. */
export function instancesOf(payload: JsonValue, pattern: readonly string[], at = ""): string[] {
  if (pattern.length === 0) return [at];
  const [head, ...rest] = pattern;
  const children: Array<[string, JsonValue]> = Array.isArray(payload)
    ? payload.map((v, i) => [String(i), v])
    : isObject(payload) ? Object.entries(payload) : [];
  return children
    .filter(([token]) => head === ANY || head === token)
    .flatMap(([token, value]) => instancesOf(value, rest, joinPointer(at, token)));
}

export function patternText(pattern: readonly string[]): string {
  return pattern.length === 0 ? "(the payload itself)" : joinPointer("", ...pattern);
}
