/**
 * Two versions of the published schemas -> the changes between them, keyword by keyword, each with
 * its effect on the payloads the schema accepts. Subschemas are matched by meaning, not by
 * position: properties by name, union branches by the `$ref` or `@odata.type` they stand for,
 * nullable wrappers unwrapped (views.ts). Added or removed subtrees are one change, not one per leaf.
 */
import type { SchemaEntry } from "../contract/registry.js";
import type { Profile } from "../schema-build/profiles.js";
import { deepEqual, isObject, joinPointer, type JsonValue } from "../util/json.js";
import { COMBINATORS, isAnnotationKeyword, LOWER_LIMITS, UPPER_LIMITS } from "./keywords.js";
import type { ChangeKind, Effect, SchemaChange } from "./model.js";
import { NO_PROBES, probeProperty, UNKNOWN_PROPERTY } from "./probes.js";
import type { SchemaSet } from "./schema-set.js";
import { limitChanges, memberChanges, presenceChange, presenceOf, typeChanges, uniqueItemsChanges, type ChangeFields } from "./value-changes.js";
import { viewOf, type KeywordAt, type NodeView } from "./views.js";

export function compareSchemaSets(oldSet: SchemaSet, newSet: SchemaSet): SchemaChange[] {
  const names = [...new Set([...oldSet.names(), ...newSet.names()])].sort();
  return names.flatMap((name) => {
    const before = oldSet.entry(name);
    const after = newSet.entry(name);
    if (!after) return [schemaPresenceChange(before!, "schema-removed")];
    if (!before) return [schemaPresenceChange(after, "schema-added")];
    return new DocumentComparison(name, after.profile, oldSet, newSet).run();
  });
}

function schemaPresenceChange(entry: SchemaEntry, kind: "schema-added" | "schema-removed"): SchemaChange {
  const added = kind === "schema-added";
  return {
    schema: entry.name, profile: entry.profile, kind, pointer: "", effect: added ? "widening" : "narrowing",
    summary: added ? `new schema (${entry.file.split(/[\\/]/).slice(-2).join("/")})` : "schema removed: nothing can be validated against this name any more",
    nodes: added ? { new: "" } : { old: "" }, probes: NO_PROBES,
  };
}

/** Keywords whose value is one subschema, compared in place when both versions have one. */
const SINGLE_SUBSCHEMAS = new Set(["items", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties"]);

class DocumentComparison {
  private readonly changes: SchemaChange[] = [];

  constructor(private readonly name: string, private readonly profile: Profile, private readonly oldSet: SchemaSet, private readonly newSet: SchemaSet) {}

  run(): SchemaChange[] {
    this.compare("", "");
    return this.changes;
  }

  private compare(oldPointer: string, newPointer: string): void {
    const a = viewOf(this.oldSet.node({ schema: this.name, pointer: oldPointer }), oldPointer);
    const b = viewOf(this.newSet.node({ schema: this.name, pointer: newPointer }), newPointer);
    this.addAll(a, b, typeChanges(a, b));
    for (const keyword of new Set([...b.keywords.keys(), ...a.keywords.keys()])) {
      const before = a.keywords.get(keyword);
      const after = b.keywords.get(keyword);
      if (keyword === "type" || (before && after && deepEqual(before.value, after.value))) continue;
      this.compareKeyword(keyword, a, b, before, after);
    }
  }

  private add(a: NodeView, b: NodeView, fields: ChangeFields): void {
    this.changes.push({ schema: this.name, profile: this.profile, nodes: { old: a.pointer, new: b.pointer }, ...fields, probes: fields.probes ?? NO_PROBES });
  }

  private addAll(a: NodeView, b: NodeView, all: ChangeFields[]): void {
    for (const fields of all) this.add(a, b, fields);
  }

  private compareKeyword(keyword: string, a: NodeView, b: NodeView, before?: KeywordAt, after?: KeywordAt): void {
    const pointer = (after ?? before)!.pointer;
    const presence = presenceOf(before, after);
    if (isAnnotationKeyword(keyword)) {
      this.add(a, b, { kind: "annotation-changed", pointer, effect: "none", summary: `${keyword} ${presence}`, before: before?.value, after: after?.value });
    } else if (keyword === "$id") {
      this.add(a, b, { kind: "id-changed", pointer, effect: "none", summary: `$id ${presence}: $refs to the old $id no longer resolve`, before: before?.value, after: after?.value });
    } else if (keyword === "properties") {
      this.compareProperties(a, b);
    } else if (keyword === "required") {
      this.compareRequired(a, b, before, after);
    } else if (keyword === "enum" && before && after) {
      this.addAll(a, b, memberChanges(before, after, { added: "enum-value-added", removed: "enum-value-removed" }, ["enum value", "widening", "narrowing"]));
    } else if (keyword === "uniqueItems") {
      this.addAll(a, b, uniqueItemsChanges(before, after));
    } else if (keyword === "x-extensible-enum") {
      this.addAll(a, b, memberChanges(before, after, { added: "extensible-enum-member-added", removed: "extensible-enum-member-removed" }, ["open enum member", "none", "none"]));
    } else if (keyword === "$defs") {
      this.compareDefinitions(a, b, before, after);
    } else if (LOWER_LIMITS.has(keyword) || UPPER_LIMITS.has(keyword)) {
      this.addAll(a, b, limitChanges(keyword, before, after));
    } else if (keyword === "additionalProperties") {
      this.compareAdditionalProperties(a, b, before, after);
    } else if ((COMBINATORS as readonly string[]).includes(keyword) && before && after && Array.isArray(before.value) && Array.isArray(after.value)) {
      this.compareBranches(keyword, a, b, before, after);
    } else if (SINGLE_SUBSCHEMAS.has(keyword) && before && after) {
      this.compare(before.pointer, after.pointer);
    } else if (keyword === "$ref" && before && after) {
      this.compareRef(a, b, before, after);
    } else {
      this.add(a, b, presenceChange(keyword, before, after));
    }
  }

  private compareProperties(a: NodeView, b: NodeView): void {
    const before = objectAt(a.keywords.get("properties"));
    const after = objectAt(b.keywords.get("properties"));
    const beforeAt = a.keywords.get("properties")?.pointer ?? joinPointer(a.corePointer, "properties");
    const afterAt = b.keywords.get("properties")?.pointer ?? joinPointer(b.corePointer, "properties");
    const removed = Object.keys(before).filter((n) => !(n in after));
    const added = Object.keys(after).filter((n) => !(n in before));
    for (const name of Object.keys(after)) if (name in before) this.compare(joinPointer(beforeAt, name), joinPointer(afterAt, name));
    // A property gone and another come with the very same schema is a rename, which readers think of as one
    // change; what it breaks is the old name's fate (unknown in a closed object, unconstrained in an open one).
    const renames = new Map<string, string>();
    for (const gone of removed) {
      const twin = added.find((n) => ![...renames.values()].includes(n) && deepEqual(before[gone], after[n]));
      if (twin !== undefined) renames.set(gone, twin);
    }
    const oldClosed = isClosed(a);
    const newClosed = isClosed(b);
    // Declaring a property on an open object constrains values that were free; on a closed one, it lets a new name in.
    const addedEffect: Effect = oldClosed ? "widening" : "narrowing";
    const removedEffect: Effect = newClosed ? "narrowing" : "widening";
    for (const [gone, name] of renames) {
      this.add(a, b, {
        kind: "property-renamed", pointer: joinPointer(afterAt, name), effect: removedEffect,
        summary: `property "${gone}" renamed to "${name}"`, before: gone, after: name, property: gone, probes: probeProperty(gone, "inject"),
      });
    }
    for (const name of added.filter((n) => ![...renames.values()].includes(n))) {
      this.add(a, b, { kind: "property-added", pointer: joinPointer(afterAt, name), effect: addedEffect, summary: `property "${name}" added${oldClosed ? "" : " to an open object"}`, after: after[name], property: name, probes: probeProperty(name, "inject") });
    }
    for (const name of removed.filter((n) => !renames.has(n))) {
      this.add(a, b, { kind: "property-removed", pointer: joinPointer(beforeAt, name), effect: removedEffect, summary: `property "${name}" removed${newClosed ? ": now an unknown property" : ""}`, before: before[name], property: name, probes: probeProperty(name, "inject") });
    }
  }

  private compareRequired(a: NodeView, b: NodeView, before?: KeywordAt, after?: KeywordAt): void {
    const was = stringsAt(before);
    const now = stringsAt(after);
    const at = (side: KeywordAt | undefined, view: NodeView) => side?.pointer ?? joinPointer(view.corePointer, "required");
    for (const name of now.filter((n) => !was.includes(n))) {
      this.add(a, b, { kind: "required-added", pointer: joinPointer(at(after, b), name), effect: "narrowing", summary: `property "${name}" is now required`, property: name, probes: probeProperty(name, "remove") });
    }
    for (const name of was.filter((n) => !now.includes(n))) {
      this.add(a, b, { kind: "required-removed", pointer: joinPointer(at(before, a), name), effect: "widening", summary: `property "${name}" is no longer required`, property: name, probes: probeProperty(name, "remove") });
    }
  }

  private compareDefinitions(a: NodeView, b: NodeView, before?: KeywordAt, after?: KeywordAt): void {
    const was = isObject(before?.value) ? before.value : {};
    const now = isObject(after?.value) ? after.value : {};
    for (const name of new Set([...Object.keys(now), ...Object.keys(was)])) {
      if (name in was && name in now) this.compare(joinPointer(before!.pointer, name), joinPointer(after!.pointer, name));
      else if (name in now) this.add(a, b, { kind: "definition-added", pointer: joinPointer(after!.pointer, name), effect: "none", summary: `definition "${name}" added (it matters where a $ref uses it)` });
      else this.add(a, b, { kind: "definition-removed", pointer: joinPointer(before!.pointer, name), effect: "none", summary: `definition "${name}" removed` });
    }
  }

  /** Open (absent or true), constrained (a subschema) or closed (false): moving down that scale narrows. */
  private compareAdditionalProperties(a: NodeView, b: NodeView, before?: KeywordAt, after?: KeywordAt): void {
    const level = (k?: KeywordAt) => (k === undefined || k.value === true ? 2 : k.value === false ? 0 : 1);
    const [was, now] = [level(before), level(after)];
    if (was === 1 && now === 1) return this.compare(before!.pointer, after!.pointer);
    const narrowing = now < was;
    const kind: ChangeKind = narrowing ? (now === 0 ? "additional-properties-closed" : "keyword-added") : (was === 0 ? "additional-properties-opened" : "keyword-removed");
    const words = ["closed", "constrained", "open"];
    this.add(a, b, {
      kind, pointer: (after ?? before)?.pointer ?? joinPointer(b.corePointer, "additionalProperties"), effect: narrowing ? "narrowing" : "widening",
      summary: `unknown properties: ${words[was]} -> ${words[now]}`, before: before?.value, after: after?.value, probes: probeProperty(UNKNOWN_PROPERTY, "inject"),
    });
  }

  /** Union and intersection branches, matched by what they stand for; unmatched ones pair up in order. */
  private compareBranches(keyword: string, a: NodeView, b: NodeView, before: KeywordAt, after: KeywordAt): void {
    const was = before.value as JsonValue[];
    const now = after.value as JsonValue[];
    const keysBefore = was.map((branch) => branchKey(branch, (ref) => this.oldSet.absolute(ref, this.name)));
    const keysAfter = now.map((branch) => branchKey(branch, (ref) => this.newSet.absolute(ref, this.name)));
    const pairs: Array<[number, number]> = [];
    const freeAfter = new Set(now.map((_, j) => j));
    const freeBefore: number[] = [];
    keysBefore.forEach((key, i) => {
      const j = key === undefined ? -1 : keysAfter.findIndex((k, jj) => k === key && freeAfter.has(jj));
      if (j === -1) freeBefore.push(i);
      else { pairs.push([i, j]); freeAfter.delete(j); }
    });
    const unkeyedAfter = [...freeAfter].filter((j) => keysAfter[j] === undefined);
    for (const i of [...freeBefore]) {
      if (keysBefore[i] !== undefined || unkeyedAfter.length === 0) continue;
      const j = unkeyedAfter.shift()!;
      pairs.push([i, j]);
      freeAfter.delete(j);
      freeBefore.splice(freeBefore.indexOf(i), 1);
    }
    for (const [i, j] of pairs) this.compare(joinPointer(before.pointer, i), joinPointer(after.pointer, j));
    const discriminated = keyword === "oneOf" && (b.keywords.has("discriminator") || a.keywords.has("discriminator"));
    // A branch more in a union accepts more; one more in allOf demands more.
    const addedEffect: Effect = keyword === "allOf" ? "narrowing" : "widening";
    const removedEffect: Effect = keyword === "allOf" ? "widening" : "narrowing";
    for (const j of freeAfter) {
      this.add(a, b, { kind: discriminated ? "discriminator-branch-added" : "branch-added", pointer: joinPointer(after.pointer, j), effect: addedEffect, summary: `${keyword} branch added: ${describeBranch(now[j]!)}`, after: now[j] });
    }
    for (const i of freeBefore) {
      this.add(a, b, { kind: discriminated ? "discriminator-branch-removed" : "branch-removed", pointer: joinPointer(before.pointer, i), effect: removedEffect, summary: `${keyword} branch removed: ${describeBranch(was[i]!)}`, before: was[i] });
    }
  }

  private compareRef(a: NodeView, b: NodeView, before: KeywordAt, after: KeywordAt): void {
    const was = this.oldSet.absolute(String(before.value), this.name);
    const now = this.newSet.absolute(String(after.value), this.name);
    if (was === now) return;
    this.add(a, b, { kind: "ref-changed", pointer: after.pointer, effect: "both", summary: `$ref now points at ${String(after.value)} (was ${String(before.value)})`, before: before.value, after: after.value });
  }
}

function objectAt(at: KeywordAt | undefined): Record<string, JsonValue> {
  return isObject(at?.value) ? at.value : {};
}

function stringsAt(at: KeywordAt | undefined): string[] {
  return Array.isArray(at?.value) ? at.value.map(String) : [];
}

function isClosed(view: NodeView): boolean {
  return view.keywords.get("additionalProperties")?.value === false || view.keywords.get("unevaluatedProperties")?.value === false;
}

/** What a union branch stands for, when it says: its $ref target, its @odata.type, null, or the names it requires. */
function branchKey(branch: JsonValue, absolute: (ref: string) => string): string | undefined {
  if (!isObject(branch)) return undefined;
  if (typeof branch.$ref === "string") return `ref:${absolute(branch.$ref)}`;
  const tag = isObject(branch.properties) && isObject(branch.properties["@odata.type"]) ? branch.properties["@odata.type"].const : undefined;
  if (typeof tag === "string") return `tag:${tag}`;
  if (deepEqual(branch, { type: "null" })) return "null";
  if (Object.keys(branch).every((k) => k === "required" || isAnnotationKeyword(k)) && Array.isArray(branch.required)) return `required:${[...branch.required].map(String).sort().join(",")}`;
  return undefined;
}

function describeBranch(branch: JsonValue): string {
  if (isObject(branch) && typeof branch.$ref === "string") return branch.$ref;
  const text = JSON.stringify(branch);
  return text.length > 80 ? text.slice(0, 77) + "..." : text;
}
