/**
 * Changes of the keywords that constrain a value itself (type, enum, const, format, pattern, limits,
 * uniqueItems): pure functions from the keyword on each side to the changes, with their effect and
 * the probes that help find a witness. compare.ts walks the documents and calls them.
 */
import { kindsOfTypeName } from "../arbitraries/kinds.js";
import { deepEqual, joinPointer, type JsonValue } from "../util/json.js";
import { LOWER_LIMITS } from "./keywords.js";
import type { ChangeKind, ChangeProbes, Effect, SchemaChange } from "./model.js";
import { NO_PROBES, probeDuplicateItem, probeLimit, probeTypes, probeValues } from "./probes.js";
import type { KeywordAt, NodeView } from "./views.js";

/** What a comparison says about a change; the document and the nodes compared fill in the rest. */
export type ChangeFields = Omit<SchemaChange, "schema" | "profile" | "nodes" | "probes"> & { probes?: ChangeProbes };

type Presence = "added" | "removed" | "changed";

/** Keywords whose presence changes have a kind of their own ("format-added"); others are "keyword-added". */
const NAMED_PRESENCE = new Set(["format", "pattern", "const", "enum"]);

const ALL_TYPES = ["null", "boolean", "object", "array", "string", "number"];

export function presenceOf(before?: KeywordAt, after?: KeywordAt): Presence {
  return !before ? "added" : !after ? "removed" : "changed";
}

/** A keyword added (a new constraint), removed, or given another value. */
export function presenceChange(keyword: string, before?: KeywordAt, after?: KeywordAt): ChangeFields {
  const presence = presenceOf(before, after);
  const effect: Effect = presence === "added" ? "narrowing" : presence === "removed" ? "widening" : "both";
  const kind = (NAMED_PRESENCE.has(keyword) ? `${keyword}-${presence}` : `keyword-${presence}`) as ChangeKind;
  const probes = keyword === "const" ? probeValues(...[before?.value, after?.value].filter((v): v is JsonValue => v !== undefined))
    : keyword === "format" || keyword === "pattern" ? probeValues("x", "")
    : NO_PROBES;
  return { kind, pointer: (after ?? before)!.pointer, effect, probes, summary: `${keyword} ${presence}${describeValues(before?.value, after?.value)}`, before: before?.value, after: after?.value };
}

export function uniqueItemsChanges(before?: KeywordAt, after?: KeywordAt): ChangeFields[] {
  const now = after?.value === true;
  if ((before?.value === true) === now) return [];
  return [{
    kind: now ? "unique-items-added" : "unique-items-removed", pointer: (after ?? before)!.pointer, effect: now ? "narrowing" : "widening",
    summary: `uniqueItems ${now ? "added: repeated items are rejected" : "removed: repeated items are accepted"}`, before: before?.value, after: after?.value, probes: probeDuplicateItem(),
  }];
}

/** `type`, with null let in or kept out by a nullable wrapper counted as a type. */
export function typeChanges(a: NodeView, b: NodeView): ChangeFields[] {
  const before = declaredTypes(a);
  const after = declaredTypes(b);
  const nullBefore = a.nullBranch || before?.includes("null") === true;
  const nullAfter = b.nullBranch || after?.includes("null") === true;
  let added: string[];
  let removed: string[];
  if (before === undefined && after === undefined) {
    // Only a nullable wrapper can change here: it lets null past whatever the node's $ref demands.
    added = nullAfter && !nullBefore ? ["null"] : [];
    removed = nullBefore && !nullAfter ? ["null"] : [];
  } else {
    const was = typeSet(before, nullBefore);
    const now = typeSet(after, nullAfter);
    added = [...now].filter((t) => !covers(was, t));
    removed = [...was].filter((t) => !covers(now, t));
  }
  if (added.length === 0 && removed.length === 0) return [];
  const effect: Effect = added.length > 0 && removed.length > 0 ? "both" : added.length > 0 ? "widening" : "narrowing";
  const kind: ChangeKind = effect === "both" ? "type-changed" : effect === "widening" ? "type-widened" : "type-narrowed";
  const summary = [added.length > 0 ? `now also accepts ${added.join(", ")}` : "", removed.length > 0 ? `no longer accepts ${removed.join(", ")}` : ""].filter(Boolean).join("; ");
  return [{
    kind, pointer: (b.keywords.get("type") ?? a.keywords.get("type"))?.pointer ?? joinPointer(b.pointer, "type"), effect, summary,
    before: typeList(before, nullBefore), after: typeList(after, nullAfter), probes: probeTypes([...added, ...removed]),
  }];
}

/** Set-valued keywords (enum, x-extensible-enum): one change per member added or removed. */
export function memberChanges(before: KeywordAt | undefined, after: KeywordAt | undefined, kinds: { added: ChangeKind; removed: ChangeKind }, [noun, addedEffect, removedEffect]: [string, Effect, Effect]): ChangeFields[] {
  const was = Array.isArray(before?.value) ? before.value : [];
  const now = Array.isArray(after?.value) ? after.value : [];
  return [
    ...now.filter((v) => !was.some((w) => deepEqual(v, w))).map((value): ChangeFields => (
      { kind: kinds.added, pointer: joinPointer(after!.pointer, memberToken(value)), effect: addedEffect, summary: `${noun} ${JSON.stringify(value)} added`, after: value, probes: probeValues(value) })),
    ...was.filter((v) => !now.some((w) => deepEqual(v, w))).map((value): ChangeFields => (
      { kind: kinds.removed, pointer: joinPointer(before!.pointer, memberToken(value)), effect: removedEffect, summary: `${noun} ${JSON.stringify(value)} removed`, before: value, probes: probeValues(value) })),
  ];
}

export function limitChanges(keyword: string, before?: KeywordAt, after?: KeywordAt): ChangeFields[] {
  const was = typeof before?.value === "number" ? before.value : undefined;
  const now = typeof after?.value === "number" ? after.value : undefined;
  if (was === now) return [];
  const lower = LOWER_LIMITS.has(keyword);
  // A limit appearing is the strictest move; one disappearing the loosest.
  const tighter = now === undefined ? false : was === undefined ? true : lower ? now > was : now < was;
  const exclusive = keyword.startsWith("exclusive");
  // The stricter side's limit, and a value just outside it that the looser side still accepts.
  const bound = (tighter ? now : was)!;
  const target = exclusive ? bound : lower ? bound - 1 : bound + 1;
  const verb = was === undefined ? `added (${now})` : now === undefined ? `removed (was ${was})` : `${now > was ? "raised" : "lowered"} from ${was} to ${now}`;
  return [{
    kind: tighter ? "limit-tightened" : "limit-loosened", pointer: (after ?? before)!.pointer, effect: tighter ? "narrowing" : "widening",
    summary: `${keyword} ${verb}`, before: was, after: now, probes: probeLimit(keyword, target),
  }];
}

function declaredTypes(view: NodeView): string[] | undefined {
  const type = view.keywords.get("type")?.value;
  if (type === undefined) return undefined;
  return (Array.isArray(type) ? type : [type]).map(String);
}

/** The types a node accepts as far as its own `type` says (no `type`: all of them). */
function typeSet(types: string[] | undefined, nullable: boolean): Set<string> {
  if (types === undefined) return new Set(ALL_TYPES);
  return new Set([...types.filter((t) => t !== "null"), ...(nullable ? ["null"] : [])]);
}

/** Whether a set of type names accepts every value of `type` ("number" covers "integer"). */
function covers(types: Set<string>, type: string): boolean {
  const kindsOf = (name: string): string[] => kindsOfTypeName(name) ?? [name];
  const kinds = kindsOf(type);
  const accepted = new Set([...types].flatMap(kindsOf));
  return kinds.every((k) => accepted.has(k));
}

function typeList(types: string[] | undefined, nullable: boolean): JsonValue {
  const list = types === undefined ? ["(any)"] : types.filter((t) => t !== "null");
  return nullable ? [...list, "null"] : list;
}

function memberToken(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function describeValues(before: JsonValue | undefined, after: JsonValue | undefined): string {
  const show = (v: JsonValue) => JSON.stringify(v);
  if (before === undefined && after !== undefined) return ` (${show(after)})`;
  if (after === undefined && before !== undefined) return ` (was ${show(before)})`;
  return before === undefined || after === undefined ? "" : `: ${show(before)} -> ${show(after)}`;
}
