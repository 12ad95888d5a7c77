/** RFC 6902 add / remove / replace: enough to derive a sequence step from a documented notification. */
import { getAtPointer, isObject, splitPointer, joinPointer, type JsonValue } from "../util/json.js";
import type { PatchOperation } from "./model.js";

export function applyPatch(document: JsonValue, operations: readonly PatchOperation[]): JsonValue {
  const root = structuredClone(document);
  for (const op of operations) {
    const tokens = splitPointer(op.path);
    const last = tokens.pop();
    if (last === undefined) throw new Error(`patch ${op.op} ${op.path}: cannot patch the document root`);
    const parent = getAtPointer(root, joinPointer("", ...tokens));
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length || (op.op !== "add" && index >= parent.length)) {
        throw new Error(`patch ${op.op} ${op.path}: no such array index`);
      }
      if (op.op === "add") parent.splice(index, 0, structuredClone(op.value) as JsonValue);
      else if (op.op === "remove") parent.splice(index, 1);
      else parent[index] = structuredClone(op.value) as JsonValue;
    } else if (isObject(parent)) {
      if (op.op !== "add" && !Object.hasOwn(parent, last)) throw new Error(`patch ${op.op} ${op.path}: no such property`);
      if (op.op === "remove") delete parent[last];
      else Object.defineProperty(parent, last, { value: structuredClone(op.value) as JsonValue, enumerable: true, writable: true, configurable: true });
    } else {
      throw new Error(`patch ${op.op} ${op.path}: the parent is not an object or array`);
    }
  }
  return root;
}
