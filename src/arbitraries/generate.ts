/**
 * Shapes -> fast-check arbitraries of annotated payloads. Each generated value carries, for every
 * location, the facts mutation helpers need (what is required, closed, evolvable, which schemas
 * judge a replacement), so mutations never have to guess which branch produced a value.
 */
import fc from "fast-check";
import type { JsonValue } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";
import { SCALAR_KINDS, type ValueKind } from "./kinds.js";
import { isSynthetic } from "./negate.js";
import type { SchemaRef } from "./schema-store.js";
import { finiteDomainSize, isAllowedProperty, numericBounds, type Contribution, type Shape, type ShapeResolver } from "./shapes.js";
import { stringArbitrary } from "./strings.js";

export interface GenerationOptions {
  /** Array items generated beyond minItems (default 2). */
  maxExtraItems: number;
  /** Give evolvable enums (receive profile) a never-seen member now and then (default true). */
  freshEnumValues: boolean;
  /** Deepest nesting of generated values; deeper schemas are refused (default 24). */
  maxDepth: number;
}

export const DEFAULT_GENERATION_OPTIONS: GenerationOptions = { maxExtraItems: 2, freshEnumValues: true, maxDepth: 24 };

/** What is known about one location of a generated payload. */
export interface LocationFacts {
  kind: ValueKind;
  /** Every kind of value some branch of the schemas here accepts. */
  accepted: ReadonlySet<ValueKind>;
  /** Schemas that judge whatever value is put here (branch choices made by this very value excluded). */
  entries: readonly SchemaRef[];
  /** Whether the errors for a replaced value can be predicted from `entries`. */
  predictable: boolean;
  /** The parent selects a oneOf branch by this property (validators report `discriminator` here). */
  discriminatorTag: boolean;
  /** Objects: properties whose removal is reported as `required` at that property. */
  droppable: readonly string[];
  /** Objects: unknown properties rejected (true), accepted (false), or it depends on a branch (undefined). */
  closed: boolean | undefined;
  /** Strings from an evolvable enum with no other constraint: its known members. */
  extensibleEnum: readonly string[] | undefined;
}

export interface GeneratedValue {
  value: JsonValue;
  facts: LocationFacts;
  /** Generated children by pointer token (property name or array index). */
  children: ReadonlyArray<readonly [string, GeneratedValue]>;
}

interface LocationContext {
  entries: readonly SchemaRef[];
  predictable: boolean;
  discriminatorTag: boolean;
  /** Conjunction keys from the root to here, to refuse recursive schemas. */
  chain: readonly string[];
  at: string;
}

export class PayloadGenerator {
  constructor(private readonly shapes: ShapeResolver, private readonly options: GenerationOptions) {}

  forRoot(root: SchemaRef): fc.Arbitrary<GeneratedValue> {
    const conjunction = [{ ref: root, condition: { unstable: false, tags: [] } }];
    return this.forLocation(conjunction, { entries: [root], predictable: true, discriminatorTag: false, chain: [], at: root.at });
  }

  private forLocation(conjunction: readonly Contribution[], context: LocationContext): fc.Arbitrary<GeneratedValue> {
    const key = this.shapes.keyOf(conjunction);
    if (context.chain.includes(key)) throw new UnsupportedSchemaError("$ref", context.at, "recursive schemas are not supported");
    if (context.chain.length > this.options.maxDepth) throw new UnsupportedSchemaError("(depth)", context.at, `nesting deeper than ${this.options.maxDepth}`);
    const alternatives = this.shapes.alternatives(conjunction);
    if (alternatives.length === 0) throw new UnsupportedSchemaError("(schema)", context.at, "no value satisfies the schemas here");
    const accepted = new Set(alternatives.map(kindOfShape));
    // Unconstrained locations get scalars: any JSON is valid there, and small keeps runs fast.
    const generated = conjunction.length === 0 ? alternatives.filter((s) => SCALAR_KINDS.includes(kindOfShape(s))) : alternatives;
    const inner = { ...context, chain: [...context.chain, key] };
    const arbitraries = generated.map((shape) => this.forShape(shape, accepted, inner));
    return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
  }

  private forShape(shape: Shape, accepted: ReadonlySet<ValueKind>, context: LocationContext): fc.Arbitrary<GeneratedValue> {
    const kind = kindOfShape(shape);
    const facts: LocationFacts = {
      kind,
      accepted,
      entries: context.entries,
      predictable: context.predictable,
      discriminatorTag: context.discriminatorTag,
      droppable: kind === "object" ? droppableProperties(shape) : [],
      closed: kind === "object" ? closedness(shape) : false,
      extensibleEnum: kind === "string" ? plainExtensibleEnum(shape) : undefined,
    };
    if (kind === "object") return this.objectArbitrary(shape, facts, context);
    if (kind === "array") return this.arrayArbitrary(shape, facts, context);
    return scalarArbitrary(shape, kind, context.at, this.options).map((value) => generatedValue(value, facts, []));
  }

  private objectArbitrary(shape: Shape, facts: LocationFacts, context: LocationContext): fc.Arbitrary<GeneratedValue> {
    const required = [...shape.required.keys()];
    const declared = [...shape.properties.keys()].filter((name) => isAllowedProperty(shape, name) && !shape.required.has(name));
    const optional = declared.filter((name) => this.shapes.alternatives(shape.properties.get(name)!).length > 0);
    const model: Record<string, fc.Arbitrary<GeneratedValue>> = {};
    for (const name of orderLike([...shape.properties.keys()], [...required, ...optional])) {
      model[name] = this.forLocation(shape.properties.get(name) ?? [], propertyContext(shape, name, context));
    }
    // Optional properties present half of the time (fc.record keeps them 5 times in 6), and shrink to absent.
    const withOptional = Object.fromEntries(Object.entries(model).map(([name, arbitrary]) =>
      [name, required.includes(name) ? arbitrary : fc.option(arbitrary, { freq: 2, nil: undefined })]));
    return fc.record(withOptional).map((record) => {
      const children = Object.entries(record).filter((entry): entry is [string, GeneratedValue] => entry[1] !== undefined);
      return generatedValue(Object.fromEntries(children.map(([k, g]) => [k, g.value])), facts, children);
    });
  }

  private arrayArbitrary(shape: Shape, facts: LocationFacts, context: LocationContext): fc.Arbitrary<GeneratedValue> {
    const itemContext: LocationContext = {
      ...context,
      entries: judging(shape.items, () => false),
      predictable: !shape.items.some((c) => c.condition.unstable),
      discriminatorTag: false,
      at: `${context.at}/items`,
    };
    const item = this.forLocation(shape.items, itemContext);
    let maxLength = Math.min(shape.maxItems ?? Infinity, shape.minItems + this.options.maxExtraItems);
    const domain = shape.uniqueItems ? finiteDomainSize(this.shapes.alternatives(shape.items)) : undefined;
    if (domain !== undefined) maxLength = Math.min(maxLength, domain);
    const constraints = { minLength: shape.minItems, maxLength };
    const items = shape.uniqueItems
      ? fc.uniqueArray(item, { ...constraints, selector: (g: GeneratedValue) => canonicalJson(g.value) })
      : fc.array(item, constraints);
    return items.map((list) => generatedValue(list.map((g) => g.value), facts, list.map((g, i) => [String(i), g] as const)));
  }
}

/** A generated value; counterexamples print as the payload alone, not its (large) facts. */
function generatedValue(value: JsonValue, facts: LocationFacts, children: GeneratedValue["children"]): GeneratedValue {
  return { value, facts, children, [fc.toStringMethod]: () => JSON.stringify(value) } as GeneratedValue;
}

function kindOfShape(shape: Shape): ValueKind {
  return [...shape.kinds][0]!;
}

function scalarArbitrary(shape: Shape, kind: ValueKind, at: string, options: GenerationOptions): fc.Arbitrary<JsonValue> {
  if (kind === "string") return stringArbitrary(shape, at, options);
  if (shape.values) return fc.constantFrom(...shape.values);
  const notExcluded = (v: JsonValue) => !shape.excluded.some((x) => x === v);
  switch (kind) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean().filter(notExcluded);
    case "integer":
    case "fraction": {
      const bounds = numericBounds(shape, kind)!;
      const integers = fc.integer(bounds);
      return (kind === "integer" ? integers : integers.map((n) => n + 0.5)).filter(notExcluded);
    }
    default:
      throw new UnsupportedSchemaError("type", at, `no scalar generator for ${kind}`);
  }
}

/** The schemas whose verdict on a replaced value ajv reports: stable, real (not synthetic), not chosen by the value itself. */
function judging(contributions: readonly Contribution[], chosenBySelf: (c: Contribution) => boolean): SchemaRef[] {
  return contributions.filter((c) => !c.condition.unstable && !chosenBySelf(c) && !isSynthetic(c.ref.node)).map((c) => c.ref);
}

function propertyContext(shape: Shape, name: string, parent: LocationContext): LocationContext {
  const contributions = shape.properties.get(name) ?? [];
  return {
    chain: parent.chain,
    at: `${parent.at}/properties/${name}`,
    entries: judging(contributions, (c) => c.condition.tags.includes(name)),
    predictable: !contributions.some((c) => c.condition.unstable) && !shape.switchTags.has(name),
    discriminatorTag: shape.discriminators.has(name),
  };
}

/** Required in a way that removing the property is reported as exactly that. */
function droppableProperties(shape: Shape): string[] {
  return [...shape.required].filter(([name, conditions]) =>
    conditions.some((c) => !c.unstable && !c.tags.includes(name)) && !conditions.some((c) => c.unstable) && !shape.switchTags.has(name),
  ).map(([name]) => name);
}

function closedness(shape: Shape): boolean | undefined {
  if (shape.closed.some((c) => !c.condition.unstable)) return true;
  return shape.closed.length === 0 ? false : undefined;
}

function plainExtensibleEnum(shape: Shape): readonly string[] | undefined {
  const plain = !shape.values && shape.patterns.length === 0 && shape.formats.length === 0 && shape.minLength === 0 && shape.maxLength === undefined;
  return plain ? shape.extensible : undefined;
}

/** `names` in the order they are declared (schema order reads naturally), @odata.type first as Graph writes it. */
function orderLike(declared: string[], names: string[]): string[] {
  const wanted = new Set(names);
  const ordered = [...declared.filter((n) => wanted.has(n)), ...names.filter((n) => !declared.includes(n))];
  return [...ordered.filter((n) => n === "@odata.type"), ...ordered.filter((n) => n !== "@odata.type")];
}

/** JSON with sorted keys: equal values (as uniqueItems compares them) give equal strings. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
