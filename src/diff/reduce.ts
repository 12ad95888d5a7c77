/**
 * Fixture witnesses are whole documented payloads: a roster notification is a screenful. This keeps
 * only what the witness needs, deleting one property or array item at a time (parents first, so
 * whole subtrees go at once) as long as the payload stays a witness.
 */
import { edit } from "../arbitraries/mutations.js";
import { walkJson, type JsonValue } from "../util/json.js";

/** Checks (two validations each) a reduction may spend: enough for the largest fixture, bounded for any. */
const MAX_CHECKS = 1000;

export function reduceWitness(payload: JsonValue, isWitness: (candidate: JsonValue) => boolean): { payload: JsonValue; removed: number } {
  let current = payload;
  let removed = 0;
  let pointers = locations(current);
  for (let i = 0, checks = 0; i < pointers.length && checks < MAX_CHECKS; checks++) {
    const candidate = edit(current, pointers[i]!, undefined);
    if (isWitness(candidate)) {
      current = candidate;
      removed++;
      // The node at i is gone with its subtree: what now stands at i is the next one to try.
      pointers = locations(current);
    } else {
      i++;
    }
  }
  return { payload: current, removed };
}

function locations(value: JsonValue): string[] {
  return [...walkJson(value)].map(([pointer]) => pointer).filter((p) => p !== "");
}
