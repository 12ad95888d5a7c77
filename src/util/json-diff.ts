/** Leaf-level differences between two JSON values, as pointers: the one comparison every errata detector needs. */
import { isObject, joinPointer } from "./json.js";

export type JsonDifference =
  | { kind: "only-left"; pointer: string; left: unknown }
  | { kind: "only-right"; pointer: string; right: unknown }
  | { kind: "changed"; pointer: string; left: unknown; right: unknown };

export function diffJson(left: unknown, right: unknown, pointer = ""): JsonDifference[] {
  if (isObject(left) && isObject(right)) {
    const out: JsonDifference[] = [];
    for (const key of Object.keys(left)) {
      const p = joinPointer(pointer, key);
      if (!Object.prototype.hasOwnProperty.call(right, key)) out.push({ kind: "only-left", pointer: p, left: left[key] });
      else out.push(...diffJson(left[key], right[key], p));
    }
    for (const key of Object.keys(right)) {
      if (!Object.prototype.hasOwnProperty.call(left, key)) out.push({ kind: "only-right", pointer: joinPointer(pointer, key), right: right[key] });
    }
    return out;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    const out: JsonDifference[] = [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const p = joinPointer(pointer, i);
      if (i >= right.length) out.push({ kind: "only-left", pointer: p, left: left[i] });
      else if (i >= left.length) out.push({ kind: "only-right", pointer: p, right: right[i] });
      else out.push(...diffJson(left[i], right[i], p));
    }
    return out;
  }
  return Object.is(left, right) ? [] : [{ kind: "changed", pointer, left, right }];
}

/** "a, b and 3 more": keeps errata descriptions short when a diff is long. */
export function summarize(items: readonly string[], max = 4): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}
