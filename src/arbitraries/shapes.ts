/**
 * Schemas -> shapes. A shape is one flat way to satisfy the schemas that apply at a location: the
 * conjunction of their keywords for exactly one kind of value, with the combinators (`$ref`,
 * `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`) already chosen. Subschemas of properties and items
 * stay unexpanded (contributions) until a generator descends into them, so only reachable
 * branches are ever expanded.
 *
 * Every contribution remembers how it was reached (its condition), which tells mutation helpers
 * whether a constraint still holds after a mutation: constraints reached through an `anyOf` branch
 * that other branches could replace are unstable; those reached through a branch selected by a
 * property's value (a discriminated `oneOf`, or an `if` on that property) hold as long as that
 * property is untouched.
 */
import { deepEqual, isObject, type JsonObject, type JsonValue } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";
import { assertSupportedKeywords, isAnnotation } from "./keywords.js";
import { ALL_KINDS, kindOf, kindsOfTypeName, type ValueKind } from "./kinds.js";
import { isSynthetic, isValueKindList, negationOf, SYNTHETIC_KINDS } from "./negate.js";
import type { SchemaRef, SchemaStore } from "./schema-store.js";
import { stringSatisfiesSimpleConstraints } from "./strings.js";

export interface Condition {
  /** Reached through a branch that another branch could stand in for. */
  unstable: boolean;
  /** Sibling properties whose values selected the branch this was reached through. */
  tags: readonly string[];
}

export const ALWAYS: Condition = { unstable: false, tags: [] };
const UNSTABLE: Condition = { unstable: true, tags: [] };

export interface Contribution {
  ref: SchemaRef;
  condition: Condition;
}

export interface Shape {
  kinds: ReadonlySet<ValueKind>;
  /** Allowed values (const/enum, intersected); undefined when any value of the kind may do. */
  values?: readonly JsonValue[];
  excluded: readonly JsonValue[];
  /** Known members of an evolvable enum: a hint, since any string is valid. */
  extensible?: readonly string[];
  patterns: readonly string[];
  formats: readonly string[];
  minLength: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items: readonly Contribution[];
  minItems: number;
  maxItems?: number;
  uniqueItems: boolean;
  properties: ReadonlyMap<string, readonly Contribution[]>;
  required: ReadonlyMap<string, readonly Condition[]>;
  /** Each `additionalProperties: false` with the property names its schema declares. */
  closed: ReadonlyArray<{ names: ReadonlySet<string>; condition: Condition }>;
  /** Properties that select a `oneOf` branch through `discriminator`. */
  discriminators: ReadonlySet<string>;
  /** Properties tested by an `if` that has an `else` (changing them switches branches both ways). */
  switchTags: ReadonlySet<string>;
}

const EMPTY: Shape = {
  kinds: new Set(ALL_KINDS),
  excluded: [],
  patterns: [],
  formats: [],
  minLength: 0,
  items: [],
  minItems: 0,
  uniqueItems: false,
  properties: new Map(),
  required: new Map(),
  closed: [],
  discriminators: new Set(),
  switchTags: new Set(),
};

export class ShapeResolver {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly expanded = new Map<string, Shape[]>();
  private readonly resolved = new Map<string, Shape[]>();

  constructor(readonly store: SchemaStore) {}

  /**
   * Every satisfiable shape, one kind each, for the conjunction of `contributions` at a location.
   * Tags name properties of the enclosing object, so they do not carry into the location's own
   * branches; instability does (a branch that may be swapped takes its subschemas with it).
   */
  alternatives(contributions: readonly Contribution[]): Shape[] {
    const key = this.keyOf(contributions);
    let result = this.resolved.get(key);
    if (!result) {
      const here = contributions.map((c) => ({ ref: c.ref, condition: c.condition.unstable ? UNSTABLE : ALWAYS }));
      result = this.conjunction(here).flatMap((shape) => this.finalize(shape));
      this.resolved.set(key, result);
    }
    return result;
  }

  /** A stable identity for the conjunction at a location, used for memoisation and to detect recursion. */
  keyOf(contributions: readonly Contribution[]): string {
    return contributions.map((c) => `${this.idOf(c.ref.node)}${c.condition.unstable ? "?" : ""}`).join("&");
  }

  private conjunction(contributions: readonly Contribution[]): Shape[] {
    let partial: Shape[] = [EMPTY];
    for (const c of contributions) partial = product(partial, this.expand(c.ref, c.condition));
    return partial;
  }

  /** The partial shapes (kinds not yet split) one subschema allows. */
  private expand(ref: SchemaRef, condition: Condition): Shape[] {
    const key = `${this.idOf(ref.node)}|${condition.unstable ? "?" : ""}|${condition.tags.join("#")}`;
    let result = this.expanded.get(key);
    if (!result) {
      result = this.expandUncached(ref, condition);
      this.expanded.set(key, result);
    }
    return result;
  }

  private expandUncached(ref: SchemaRef, condition: Condition): Shape[] {
    const { node } = ref;
    if (node === true) return [EMPTY];
    if (node === false) return [];
    if (!isObject(node)) throw new UnsupportedSchemaError("(schema)", ref.at, "a subschema must be an object or a boolean");
    assertSupportedKeywords(ref, isSynthetic(node) ? [SYNTHETIC_KINDS] : []);
    let shapes: Shape[] = [ownKeywords(this.store, ref, node, condition)];
    if (typeof node.$ref === "string") shapes = product(shapes, this.expand(this.store.resolve(node.$ref, ref), condition));
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((_, i) => { shapes = product(shapes, this.expand(this.store.child(ref, "allOf", i), condition)); });
    }
    if (Array.isArray(node.anyOf)) shapes = product(shapes, this.branches(ref, "anyOf", condition));
    if (Array.isArray(node.oneOf)) shapes = product(shapes, this.oneOf(ref, node, condition));
    if (node.if !== undefined) shapes = product(shapes, this.conditional(ref, node, condition));
    return shapes;
  }

  /** anyOf (and undiscriminated oneOf): a branch is stable when no other branch accepts the same kinds. */
  private branches(ref: SchemaRef, keyword: "anyOf" | "oneOf", condition: Condition): Shape[] {
    const refs = (ref.node as JsonObject)[keyword] as JsonValue[];
    const branchRefs = refs.map((_, i) => this.store.child(ref, keyword, i));
    const kinds = branchRefs.map((b) => kindsOfShapes(this.expand(b, condition)));
    return branchRefs.flatMap((b, i) => {
      const overlaps = kinds.some((other, j) => j !== i && [...kinds[i]!].some((k) => other.has(k)));
      return this.expand(b, overlaps ? { ...condition, unstable: true } : condition);
    });
  }

  private oneOf(ref: SchemaRef, node: JsonObject, condition: Condition): Shape[] {
    const branchRefs = (node.oneOf as JsonValue[]).map((_, i) => this.store.child(ref, "oneOf", i));
    this.assertExclusive(ref, branchRefs, condition);
    if (!isObject(node.discriminator)) return this.branches(ref, "oneOf", condition);
    const tag = String(node.discriminator.propertyName);
    const selected: Condition = { ...condition, tags: [...condition.tags, tag] };
    return branchRefs.flatMap((b) => this.expand(b, selected)).map((shape) =>
      condition.unstable ? shape : { ...shape, discriminators: new Set([...shape.discriminators, tag]) });
  }

  /** Generating from one oneOf branch is only correct if no value can satisfy two of them. */
  private assertExclusive(ref: SchemaRef, branchRefs: SchemaRef[], condition: Condition): void {
    for (let i = 0; i < branchRefs.length; i++) {
      for (let j = i + 1; j < branchRefs.length; j++) {
        const both = product(this.expand(branchRefs[i]!, condition), this.expand(branchRefs[j]!, condition));
        if (both.some((shape) => this.finalize(shape).length > 0)) {
          throw new UnsupportedSchemaError("oneOf", ref.at, `branches ${i} and ${j} can match the same value; only mutually exclusive branches (e.g. distinct @odata.type consts) are supported`);
        }
      }
    }
  }

  /** if/then/else as two alternatives: values passing `if` (and `then`), values failing it (and `else`). */
  private conditional(ref: SchemaRef, node: JsonObject, condition: Condition): Shape[] {
    const ifRef = this.store.child(ref, "if");
    const tested = testedProperty(ifRef.node);
    const branch: Condition = tested === undefined
      ? (testsOnlyType(ifRef.node) ? condition : { ...condition, unstable: true })
      : { ...condition, tags: [...condition.tags, tested] };
    const then = node.then === undefined ? [EMPTY] : this.expand(this.store.child(ref, "then"), branch);
    const otherwise = node.else === undefined ? [EMPTY] : this.expand(this.store.child(ref, "else"), branch);
    const passing = product(this.expand(ifRef, branch), then);
    const failing = product(negationOf(ifRef, this.store).flatMap((n) => this.expand(n, branch)), otherwise);
    const shapes = [...passing, ...failing];
    return tested !== undefined && node.else !== undefined
      ? shapes.map((s) => ({ ...s, switchTags: new Set([...s.switchTags, tested]) }))
      : shapes;
  }

  /** Split a partial shape into one shape per kind, keeping only satisfiable ones. */
  private finalize(shape: Shape): Shape[] {
    const out: Shape[] = [];
    for (const kind of shape.kinds) {
      const single = { ...shape, kinds: new Set([kind]) };
      const checked = this.satisfiable(single, kind);
      if (checked) out.push(checked);
    }
    return out;
  }

  private satisfiable(shape: Shape, kind: ValueKind): Shape | undefined {
    const values = shape.values?.filter((v) => kindOf(v) === kind && valueMeetsShape(v, shape));
    if (values !== undefined && values.length === 0) return undefined;
    const narrowed = values === undefined ? shape : { ...shape, values };
    switch (kind) {
      case "string":
        return shape.maxLength !== undefined && shape.minLength > shape.maxLength ? undefined : narrowed;
      case "integer":
      case "fraction":
        return numericBounds(shape, kind) ? narrowed : undefined;
      case "array":
        return this.arraySatisfiable(narrowed) ? narrowed : undefined;
      case "object":
        return this.objectSatisfiable(narrowed) ? narrowed : undefined;
      default:
        return narrowed;
    }
  }

  private arraySatisfiable(shape: Shape): boolean {
    if (shape.maxItems !== undefined && shape.minItems > shape.maxItems) return false;
    if (shape.minItems === 0) return true;
    const items = this.alternatives(shape.items);
    if (items.length === 0) return false;
    const domain = finiteDomainSize(items);
    return !shape.uniqueItems || domain === undefined || domain >= shape.minItems;
  }

  private objectSatisfiable(shape: Shape): boolean {
    for (const name of shape.required.keys()) {
      if (!isAllowedProperty(shape, name)) return false;
      if (this.alternatives(shape.properties.get(name) ?? []).length === 0) return false;
    }
    return true;
  }

  private idOf(node: JsonValue): string {
    if (!isObject(node) && !Array.isArray(node)) return JSON.stringify(node);
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(node, id);
    }
    return `n${id}`;
  }
}

/** Whether a property may appear at all: every closed schema declares it. */
export function isAllowedProperty(shape: Shape, name: string): boolean {
  return shape.closed.every((c) => c.names.has(name));
}

/** How many distinct values the shapes allow, when all of them are enumerable. */
export function finiteDomainSize(shapes: readonly Shape[]): number | undefined {
  const distinct = new Set<string>();
  for (const s of shapes) {
    const [kind] = s.kinds;
    const values = s.values ?? (kind === "null" ? [null] : kind === "boolean" ? [true, false] : undefined);
    if (values === undefined) return undefined;
    for (const v of values) distinct.add(JSON.stringify(v));
  }
  return distinct.size;
}

/** Inclusive integer bounds of a numeric shape (fractions are generated as n + 0.5 between them). */
export function numericBounds(shape: Shape, kind: "integer" | "fraction"): { min: number; max: number } | undefined {
  const lowFromExclusive = shape.exclusiveMinimum === undefined ? undefined : Math.floor(shape.exclusiveMinimum) + (kind === "integer" ? 1 : 0);
  const highFromExclusive = shape.exclusiveMaximum === undefined ? undefined
    : (kind === "integer" ? Math.ceil(shape.exclusiveMaximum) : Math.floor(shape.exclusiveMaximum)) - 1;
  const lows = [shape.minimum === undefined ? undefined : Math.ceil(shape.minimum), lowFromExclusive].filter((n): n is number => n !== undefined);
  const highs = [shape.maximum === undefined ? undefined : Math.floor(shape.maximum) - (kind === "fraction" ? 1 : 0), highFromExclusive].filter((n): n is number => n !== undefined);
  const min = lows.length > 0 ? Math.max(...lows) : highs.length > 0 ? Math.min(...highs) - 1000 : -1000;
  const max = highs.length > 0 ? Math.min(...highs) : min + 2000;
  return min <= max ? { min, max } : undefined;
}

function valueMeetsShape(value: JsonValue, shape: Shape): boolean {
  if (shape.excluded.some((x) => deepEqual(x, value))) return false;
  if (typeof value === "string") return stringSatisfiesSimpleConstraints(value, shape);
  if (typeof value === "number") {
    return (shape.minimum === undefined || value >= shape.minimum) && (shape.maximum === undefined || value <= shape.maximum)
      && (shape.exclusiveMinimum === undefined || value > shape.exclusiveMinimum) && (shape.exclusiveMaximum === undefined || value < shape.exclusiveMaximum);
  }
  // Enumerated arrays/objects would need the structural keywords checked too.
  if (Array.isArray(value) || isObject(value)) {
    const structural = shape.items.length > 0 || shape.properties.size > 0 || shape.required.size > 0 || shape.closed.length > 0;
    if (structural) throw new UnsupportedSchemaError("enum", "(shape)", "enumerated objects or arrays combined with structural keywords");
  }
  return true;
}

function kindsOfShapes(shapes: readonly Shape[]): Set<ValueKind> {
  return new Set(shapes.flatMap((s) => [...s.kinds]));
}

/** The single property an `if` dispatches on: `{properties: {t: ...}, required: [t]}`. */
function testedProperty(node: JsonValue): string | undefined {
  if (!isObject(node) || !isObject(node.properties)) return undefined;
  const names = Object.keys(node.properties);
  const others = Object.keys(node).filter((k) => !isAnnotation(k) && k !== "properties" && k !== "required");
  const required = Array.isArray(node.required) ? node.required : [];
  return names.length === 1 && others.length === 0 && required.every((r) => r === names[0]) ? names[0] : undefined;
}

function testsOnlyType(node: JsonValue): boolean {
  return isObject(node) && Object.keys(node).every((k) => k === "type" || isAnnotation(k));
}

function ownKeywords(store: SchemaStore, ref: SchemaRef, node: JsonObject, condition: Condition): Shape {
  const kinds = kindsOfNode(ref, node);
  const shape: { -readonly [K in keyof Shape]: Shape[K] } = { ...EMPTY, kinds };
  if (node.const !== undefined) shape.values = [node.const];
  if (Array.isArray(node.enum)) shape.values = shape.values ? shape.values.filter((v) => (node.enum as JsonValue[]).some((e) => deepEqual(e, v))) : node.enum;
  if (Array.isArray(node["x-extensible-enum"])) shape.extensible = node["x-extensible-enum"].filter((v): v is string => typeof v === "string");
  if (node.not !== undefined) shape.excluded = excludedBy(ref, node.not);
  if (typeof node.format === "string") shape.formats = [node.format];
  if (typeof node.pattern === "string") shape.patterns = [node.pattern];
  if (typeof node.minLength === "number") shape.minLength = node.minLength;
  if (typeof node.maxLength === "number") shape.maxLength = node.maxLength;
  for (const bound of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    if (typeof node[bound] === "number") shape[bound] = node[bound] as number;
  }
  if (node.items !== undefined) {
    if (Array.isArray(node.items)) throw new UnsupportedSchemaError("items", ref.at, "items as an array (use prefixItems in 2020-12)");
    shape.items = [{ ref: store.child(ref, "items"), condition }];
  }
  if (typeof node.minItems === "number") shape.minItems = node.minItems;
  if (typeof node.maxItems === "number") shape.maxItems = node.maxItems;
  if (node.uniqueItems === true) shape.uniqueItems = true;
  const declared = isObject(node.properties) ? Object.keys(node.properties) : [];
  shape.properties = new Map(declared.map((name) => [name, [{ ref: store.child(ref, "properties", name), condition }]]));
  shape.required = new Map((Array.isArray(node.required) ? node.required.map(String) : []).map((name) => [name, [condition]]));
  if (node.additionalProperties === false) shape.closed = [{ names: new Set(declared), condition }];
  else if (node.additionalProperties !== undefined && node.additionalProperties !== true) {
    throw new UnsupportedSchemaError("additionalProperties", ref.at, "only true or false is supported");
  }
  return shape;
}

function kindsOfNode(ref: SchemaRef, node: JsonObject): Set<ValueKind> {
  const synthetic = node[SYNTHETIC_KINDS];
  if (isSynthetic(node) && isValueKindList(synthetic)) return new Set(synthetic);
  if (node.type === undefined) return new Set(ALL_KINDS);
  const names = Array.isArray(node.type) ? node.type.map(String) : [String(node.type)];
  return new Set(names.flatMap((name) => {
    const kinds = kindsOfTypeName(name);
    if (!kinds) throw new UnsupportedSchemaError("type", ref.at, `unknown type ${JSON.stringify(name)}`);
    return kinds;
  }));
}

function excludedBy(ref: SchemaRef, not: JsonValue): JsonValue[] {
  if (isObject(not) && Object.keys(not).length === 1 && not.const !== undefined) return [not.const];
  if (isObject(not) && Object.keys(not).length === 1 && Array.isArray(not.enum)) return not.enum;
  throw new UnsupportedSchemaError("not", ref.at, "only `not` of a const or an enum is supported");
}

function product(left: readonly Shape[], right: readonly Shape[]): Shape[] {
  const out: Shape[] = [];
  for (const a of left) for (const b of right) {
    const merged = merge(a, b);
    if (merged) out.push(merged);
  }
  return out;
}

function merge(a: Shape, b: Shape): Shape | undefined {
  if (a === EMPTY) return b;
  if (b === EMPTY) return a;
  const kinds = new Set([...a.kinds].filter((k) => b.kinds.has(k)));
  if (kinds.size === 0) return undefined;
  let values = a.values ?? b.values;
  if (a.values && b.values) values = a.values.filter((v) => b.values!.some((w) => deepEqual(v, w)));
  if (values && values.length === 0) return undefined;
  return {
    kinds,
    ...(values ? { values } : {}),
    excluded: [...a.excluded, ...b.excluded],
    ...(a.extensible ?? b.extensible ? { extensible: a.extensible ?? b.extensible } : {}),
    patterns: union(a.patterns, b.patterns),
    formats: union(a.formats, b.formats),
    minLength: Math.max(a.minLength, b.minLength),
    ...optionalBound("maxLength", Math.min, a, b),
    ...optionalBound("minimum", Math.max, a, b),
    ...optionalBound("maximum", Math.min, a, b),
    ...optionalBound("exclusiveMinimum", Math.max, a, b),
    ...optionalBound("exclusiveMaximum", Math.min, a, b),
    items: [...a.items, ...b.items],
    minItems: Math.max(a.minItems, b.minItems),
    ...optionalBound("maxItems", Math.min, a, b),
    uniqueItems: a.uniqueItems || b.uniqueItems,
    properties: mergeMaps(a.properties, b.properties),
    required: mergeMaps(a.required, b.required),
    closed: [...a.closed, ...b.closed],
    discriminators: new Set([...a.discriminators, ...b.discriminators]),
    switchTags: new Set([...a.switchTags, ...b.switchTags]),
  };
}

type BoundKey = "maxLength" | "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "maxItems";

function optionalBound(key: BoundKey, pick: (x: number, y: number) => number, a: Shape, b: Shape): Partial<Shape> {
  const x = a[key];
  const y = b[key];
  if (x === undefined && y === undefined) return {};
  return { [key]: x === undefined ? y : y === undefined ? x : pick(x, y) };
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

function mergeMaps<T>(a: ReadonlyMap<string, readonly T[]>, b: ReadonlyMap<string, readonly T[]>): Map<string, T[]> {
  const out = new Map<string, T[]>([...a].map(([k, v]) => [k, [...v]]));
  for (const [k, v] of b) out.set(k, [...(out.get(k) ?? []), ...v]);
  return out;
}
