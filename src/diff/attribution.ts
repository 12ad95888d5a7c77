/**
 * Which of the rejecting side's errors a change can be blamed for. Being at the changed location is
 * not enough when two changes meet there: a property made required and no longer nullable both
 * report at /isMuted, and a witness of one must not be a payload that only shows the other (a
 * shrinker or the fixture reduction would otherwise drift from one to the other).
 */
import type { ContractError } from "../contract/errors.js";
import { isAtOrBelow } from "./locations.js";
import type { SchemaChange } from "./model.js";

/** Errors about a property's presence, reported at the property: they are the parent object's doing. */
const PRESENCE_RULES = new Set(["required", "additionalProperties"]);

/** The rules that can show a change; undefined: any rule about the value at the location. */
export function showingRules(change: Pick<SchemaChange, "kind" | "effect" | "pointer">): readonly string[] | undefined {
  switch (change.kind) {
    case "required-added": case "required-removed": return ["required"];
    case "additional-properties-closed": case "additional-properties-opened": return ["additionalProperties"];
    // Gone from a closed object, the name is unknown; gone from an open one, its value is no longer checked.
    case "property-removed": case "property-renamed": return change.effect === "narrowing" ? ["additionalProperties"] : undefined;
    case "enum-value-added": case "enum-value-removed": case "enum-added": case "enum-removed": return ["enum"];
    case "const-added": case "const-removed": case "const-changed": return ["const"];
    case "format-added": case "format-removed": case "format-changed": return ["format"];
    case "pattern-added": case "pattern-removed": case "pattern-changed": return ["pattern"];
    case "unique-items-added": case "unique-items-removed": return ["uniqueItems"];
    case "limit-tightened": case "limit-loosened": return [change.pointer.slice(change.pointer.lastIndexOf("/") + 1)];
    case "discriminator-branch-added": case "discriminator-branch-removed": return ["discriminator"];
    case "schema-removed": return ["schema"];
    default: return undefined;
  }
}

/** The errors at one of `patterns` (or below) that `change` can be blamed for. */
export function errorsShowing(change: SchemaChange, patterns: readonly string[][], errors: readonly ContractError[]): ContractError[] {
  const rules = showingRules(change);
  return errors.filter((e) => patterns.some((pattern) => {
    if (!isAtOrBelow(e.pointer, pattern)) return false;
    if (rules) return rules.includes(e.rule);
    // A value-level change: a missing or unknown property right at its location is not about its value.
    return change.property !== undefined || !PRESENCE_RULES.has(e.rule) || e.pointer.split("/").length - 1 > pattern.length;
  }));
}
