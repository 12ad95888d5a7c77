/**
 * Anything a bot answered, as a JSON value. Observations come straight from the implementation under
 * test, which may answer BigInts, cycles or getters that throw; a report must still be written.
 */
import type { JsonValue } from "../util/json.js";

const MAX_DEPTH = 32;

export function toJsonValue(value: unknown): JsonValue {
  return convert(value, new WeakSet<object>(), 0);
}

function convert(value: unknown, ancestors: WeakSet<object>, depth: number): JsonValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no NaN or Infinity; the text keeps the evidence that the bot answered one.
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return null;
    case "function":
    case "symbol":
      return `[${typeof value}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  ancestors.add(object);
  try {
    const withToJson = object as { toJSON?: unknown };
    if (typeof withToJson.toJSON === "function") return convert((withToJson.toJSON as () => unknown).call(object), ancestors, depth + 1);
    if (Array.isArray(object)) return object.map((item) => convert(item, ancestors, depth + 1));
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[key];
      // Defined, not assigned: `out["__proto__"] = x` would set the prototype and lose the key.
      if (item !== undefined) Object.defineProperty(out, key, { value: convert(item, ancestors, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  } catch (error) {
    return `[unreadable: ${error instanceof Error ? error.message : String(error)}]`;
  } finally {
    ancestors.delete(object);
  }
}
