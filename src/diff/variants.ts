/** A payload and the variants a change's probes make of it, at every place the change applies. */
import { edit } from "../arbitraries/mutations.js";
import { ATOMS } from "../arbitraries/kinds.js";
import { deepEqual, getAtPointer, isObject, joinPointer, type JsonValue } from "../util/json.js";
import { instancesOf } from "./locations.js";
import type { ChangeProbes } from "./model.js";

export interface Candidate {
  payload: JsonValue;
  /** How it differs from the payload it was made from ("with /targets/0/hidden set to 7"); undefined for the payload itself. */
  note?: string;
}

/** Enough variants to try every probe at a few places; more would only slow the search. */
const MAX_VARIANTS = 64;

/** The payload itself first, then its variants at each location matching one of `patterns`. */
export function candidatesOf(payload: JsonValue, probes: ChangeProbes, patterns: readonly string[][]): Candidate[] {
  const out: Candidate[] = [{ payload }];
  const push = (pointer: string, value: JsonValue | undefined, what: string) => {
    if (out.length < MAX_VARIANTS) out.push({ payload: edit(payload, pointer, value), note: `with ${pointer || "(the payload)"} ${what}` });
  };
  for (const at of new Set(patterns.flatMap((pattern) => instancesOf(payload, pattern)))) {
    const current = getAtPointer(payload, at) as JsonValue | undefined;
    for (const probe of probes.values) {
      const value = probe(current);
      if (value !== undefined && !deepEqual(value, current)) push(at, value, `set to ${short(value)}`);
    }
    if (!isObject(current)) continue;
    for (const name of probes.inject) for (const atom of Object.values(ATOMS)) push(joinPointer(at, name), atom, `set to ${short(atom)}`);
    for (const name of probes.remove) if (Object.hasOwn(current, name)) push(joinPointer(at, name), undefined, "removed");
  }
  return out;
}

function short(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? text.slice(0, 37) + "..." : text;
}
