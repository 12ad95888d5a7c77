/**
 * JSON value kinds: the JSON Schema types with "number" split into integer and fraction, so that
 * sets of kinds intersect exactly ("integer" ∩ "number" = integer).
 */
import { isObject, type JsonValue } from "../util/json.js";

export type ValueKind = "null" | "boolean" | "object" | "array" | "string" | "integer" | "fraction";

export const ALL_KINDS: readonly ValueKind[] = ["null", "boolean", "object", "array", "string", "integer", "fraction"];

/** Kinds that need no subschemas: what an unconstrained location is generated as, to keep payloads small. */
export const SCALAR_KINDS: readonly ValueKind[] = ["null", "boolean", "string", "integer"];

/** The kinds a JSON Schema `type` name admits, or undefined for an unknown name. */
export function kindsOfTypeName(name: string): ValueKind[] | undefined {
  if (name === "number") return ["integer", "fraction"];
  return (ALL_KINDS as readonly string[]).includes(name) && name !== "fraction" ? [name as ValueKind] : undefined;
}

export function kindOf(value: unknown): ValueKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isObject(value)) return "object";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "fraction";
  if (typeof value === "boolean") return "boolean";
  return "string";
}

/** The smallest value of each kind: what a type-breaking mutation puts in place of a value. */
export const ATOMS: Readonly<Record<ValueKind, JsonValue>> = {
  null: null,
  boolean: true,
  object: {},
  array: [],
  string: "x",
  integer: 7,
  fraction: 1.5,
};
