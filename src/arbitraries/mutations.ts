/**
 * Single mutations of a generated (valid) payload, each with exactly what the contract must answer.
 * Reusable by any harness: property suites pick one mutation per run; a conformance harness can
 * replay them all against a server.
 *
 *   drop-required           remove a required property      -> `required` at that property
 *   break-type              replace a value by another kind -> the errors its schemas give (type/const/enum/discriminator...)
 *   inject-unknown-property add a property nobody declares  -> `additionalProperties` there if the object is closed, else valid
 *   never-seen-enum-value   a new member of an evolvable enum -> valid
 */
import fc from "fast-check";
import { getAtPointer, isObject, joinPointer, splitPointer, type JsonValue } from "../util/json.js";
import type { GeneratedValue, LocationFacts } from "./generate.js";
import { ALL_KINDS, ATOMS, type ValueKind } from "./kinds.js";
import { errorsForAtom, type ExpectedError } from "./predict.js";
import type { SchemaStore } from "./schema-store.js";
import { neverSeenMember } from "./strings.js";

export type MutationKind = "drop-required" | "break-type" | "inject-unknown-property" | "never-seen-enum-value";

export type Expectation = { valid: true } | { valid: false; errors: ExpectedError[] };

export interface Mutation {
  kind: MutationKind;
  /** The location changed: the dropped, replaced or injected property (or item) itself. */
  pointer: string;
  /** The new value there; undefined removes it. */
  value: JsonValue | undefined;
  description: string;
  expect: Expectation;
}

/** The mutated payload (a copy: `payload` is left as it was). */
export function applyMutation(payload: JsonValue, mutation: Mutation): JsonValue {
  return edit(payload, mutation.pointer, mutation.value);
}

export interface Location {
  pointer: string;
  generated: GeneratedValue;
}

/** Every location of a generated payload, parents before children. */
export function locationsOf(root: GeneratedValue, pointer = ""): Location[] {
  return [{ pointer, generated: root }, ...root.children.flatMap(([token, child]) => locationsOf(child, joinPointer(pointer, token)))];
}

export function dropRequiredMutations(root: GeneratedValue): Mutation[] {
  return locationsOf(root).flatMap(({ pointer, generated }) => generated.facts.droppable.map((name) => {
    const at = joinPointer(pointer, name);
    const tag = generated.children.find(([token]) => token === name)?.[1].facts.discriminatorTag ?? false;
    const errors = [{ pointer: at, rule: "required" }, ...(tag ? [{ pointer: at, rule: "discriminator" }] : [])];
    return { kind: "drop-required" as const, pointer: at, value: undefined, description: `remove required ${at}`, expect: { valid: false as const, errors } };
  }));
}

export function breakTypeMutations(root: GeneratedValue, store: SchemaStore): Mutation[] {
  return locationsOf(root).filter(({ generated }) => generated.facts.predictable).flatMap(({ pointer, generated }) => {
    const { facts } = generated;
    return ALL_KINDS.filter((kind) => !facts.accepted.has(kind)).flatMap((kind): Mutation[] => {
      const predicted = predictedErrors(facts, kind, store);
      if (predicted === undefined) return [];
      const errors = predicted.map((e) => ({ pointer: pointer + e.pointer, rule: e.rule }));
      const atom = ATOMS[kind];
      return [{ kind: "break-type", pointer, value: atom, description: `replace ${pointer || "(root)"} by ${JSON.stringify(atom)}`, expect: { valid: false, errors } }];
    });
  });
}

const predictions = new WeakMap<LocationFacts, Map<ValueKind, ExpectedError[] | undefined>>();

/** Errors (relative to the location) for an atom of `kind` there; the same for every value sharing these facts. */
function predictedErrors(facts: LocationFacts, kind: ValueKind, store: SchemaStore): ExpectedError[] | undefined {
  let byKind = predictions.get(facts);
  if (!byKind) predictions.set(facts, byKind = new Map());
  if (!byKind.has(kind)) {
    const atom = ATOMS[kind];
    const errors = errorsForAtom(facts.entries, atom, store);
    if (errors && facts.discriminatorTag) errors.push({ pointer: "", rule: "discriminator" });
    if (errors?.length === 0) throw new Error(`schemas at ${facts.entries[0]?.at ?? "?"} accept ${JSON.stringify(atom)} although no branch admits ${kind}`);
    byKind.set(kind, errors);
  }
  return byKind.get(kind);
}

export function injectUnknownPropertyMutations(root: GeneratedValue, name: string, value: JsonValue = "injected"): Mutation[] {
  return locationsOf(root).flatMap(({ pointer, generated }) => {
    const { closed } = generated.facts;
    if (!isObject(generated.value) || closed === undefined || name in generated.value) return [];
    const at = joinPointer(pointer, name);
    const expect: Expectation = closed ? { valid: false, errors: [{ pointer: at, rule: "additionalProperties" }] } : { valid: true };
    return [{ kind: "inject-unknown-property" as const, pointer: at, value, description: `add unknown ${at}`, expect }];
  });
}

export function neverSeenEnumValueMutations(root: GeneratedValue, value: string): Mutation[] {
  return locationsOf(root).flatMap(({ pointer, generated }) => {
    const known = generated.facts.extensibleEnum;
    if (known === undefined || known.includes(value)) return [];
    return [{ kind: "never-seen-enum-value" as const, pointer, value, description: `set evolvable enum ${pointer} to ${JSON.stringify(value)}`, expect: { valid: true as const } }];
  });
}

/** Property names no published schema declares (so injecting one is "unknown" everywhere). */
export function unknownPropertyName(store: SchemaStore): fc.Arbitrary<string> {
  const declared = store.declaredPropertyNames();
  return fc.stringMatching(/^[a-z][a-zA-Z0-9]{2,12}$/).filter((name) => !declared.has(name));
}

/** A value no evolvable enum of the schemas lists (camelCase, like Graph's members). */
export function neverSeenEnumValue(store: SchemaStore): fc.Arbitrary<string> {
  return neverSeenMember([...store.extensibleEnumMembers()]);
}

/** A copy of `root` with the value at `pointer` replaced (undefined: removed). */
export function edit(root: JsonValue, pointer: string, value: JsonValue | undefined): JsonValue {
  const tokens = splitPointer(pointer);
  if (tokens.length === 0) {
    if (value === undefined) throw new Error("cannot remove the root");
    return structuredClone(value);
  }
  const copy = structuredClone(root);
  const parent = getAtPointer(copy, joinPointer("", ...tokens.slice(0, -1)));
  const last = tokens.at(-1)!;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(Number(last), 1);
    else parent[Number(last)] = structuredClone(value);
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[last];
    else parent[last] = structuredClone(value);
  } else {
    throw new Error(`no container at ${pointer}`);
  }
  return copy;
}
