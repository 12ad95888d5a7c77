/**
 * Probes: values a change suggests putting at the changed location, so that witnesses do not depend
 * on luck (a generator rarely writes a 101-character string, or the one enum member removed).
 * Every probe is only a candidate: the witness search keeps it only if one side accepts it.
 */
import { ATOMS, kindsOfTypeName, type ValueKind } from "../arbitraries/kinds.js";
import type { JsonValue } from "../util/json.js";
import type { ChangeProbes } from "./model.js";

type Probe = ChangeProbes["values"][number];

export const NO_PROBES: ChangeProbes = { values: [], inject: [], remove: [] };

/** A property name no schema declares: injected where a change opens or closes an object. */
export const UNKNOWN_PROPERTY = "undeclaredProperty";

export function probeValues(...values: JsonValue[]): ChangeProbes {
  return { ...NO_PROBES, values: values.map((v) => () => v) };
}

/** The smallest value of each JSON Schema type named (what a type change lets in or keeps out). */
export function probeTypes(typeNames: Iterable<string>): ChangeProbes {
  const kinds = new Set<ValueKind>([...typeNames].flatMap((name) => kindsOfTypeName(name) ?? []));
  return probeValues(...[...kinds].map((kind) => ATOMS[kind]));
}

export function probeProperty(name: string, how: "inject" | "remove"): ChangeProbes {
  return how === "inject" ? { ...NO_PROBES, inject: [name] } : { ...NO_PROBES, remove: [name] };
}

/** A value just past a limit: a string or array resized from the current value, or a number. */
export function probeLimit(keyword: string, target: number): ChangeProbes {
  const size = Math.max(0, Math.ceil(target));
  let probe: Probe;
  if (keyword === "minLength" || keyword === "maxLength") probe = (current) => resizeString(current, size);
  else if (keyword === "minItems" || keyword === "maxItems") probe = (current) => resizeArray(current, size);
  else if (/^(exclusiveM|m)(in|ax)imum$/.test(keyword)) probe = () => target;
  else return NO_PROBES;
  return { ...NO_PROBES, values: [probe] };
}

/** A copy of the current array with the first item repeated: what uniqueItems rejects. */
export function probeDuplicateItem(): ChangeProbes {
  return { ...NO_PROBES, values: [(current) => (Array.isArray(current) && current.length > 0 ? [...current, current[0]!] : undefined)] };
}

function resizeString(current: JsonValue | undefined, size: number): string {
  const base = typeof current === "string" ? current : "";
  return base.length >= size ? [...base].slice(0, size).join("") : base + "x".repeat(size - base.length);
}

function resizeArray(current: JsonValue | undefined, size: number): JsonValue[] | undefined {
  if (!Array.isArray(current) || (current.length === 0 && size > 0)) return undefined;
  return Array.from({ length: size }, (_, i) => current[i % current.length]!);
}
