/**
 * Corpus-wide shape defects: one field spelled two ways, notifications whose resourceData is
 * sometimes an object and sometimes an array, the same notification shaped differently from one
 * example to the next, and fields that appear once while every other payload of the type lacks them.
 */
import { isObject, joinPointer, walkJson, type JsonObject } from "../../util/json.js";
import { diffJson, summarize } from "../../util/json-diff.js";
import { type PayloadRecord } from "../model.js";
import { add, recordsOf, typeOf, type ErrataContext } from "./context.js";
import { isDeprecatedProperty } from "./values.js";

interface Occurrence {
  record: PayloadRecord;
  pointer: string;
}

interface TypedObject {
  record: PayloadRecord;
  pointer: string;
  value: JsonObject;
  type: string;
  /** The example it belongs to, across documents. */
  example: string;
}

const typedObjectsCache = new WeakMap<ErrataContext, TypedObject[]>();

/**
 * Every object of every payload whose Graph type is known, computed once for the detectors that
 * need it (the type walk is the costly part). Runs after placeholders were repaired.
 */
function typedObjects(ctx: ErrataContext): TypedObject[] {
  let found = typedObjectsCache.get(ctx);
  if (found) return found;
  found = [];
  for (const [doc, record] of recordsOf(ctx.corpus)) {
    const example = `${doc.key}#${record.example.key}`;
    for (const [pointer, value] of walkJson(record.value)) {
      if (!isObject(value)) continue;
      const type = typeOf(ctx, record, value, pointer);
      if (type) found.push({ record, pointer, value, type, example });
    }
  }
  typedObjectsCache.set(ctx, found);
  return found;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function detectSpellings(ctx: ErrataContext): void {
  // Counted first; occurrences are gathered only for the few properties spelled two ways.
  const spellings = new Map<string, Map<string, number>>();
  for (const { value, type } of typedObjects(ctx)) {
    for (const key of Object.keys(value)) {
      const id = `${type}.${key.toLowerCase()}`;
      const counts = spellings.get(id) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      spellings.set(id, counts);
    }
  }
  const flagged = new Set([...spellings].filter(([, counts]) => counts.size > 1).map(([id]) => id));
  if (flagged.size === 0) return;
  const occurrences = new Map<string, Occurrence[]>();
  for (const { record, pointer, value, type } of typedObjects(ctx)) {
    for (const key of Object.keys(value)) {
      if (flagged.has(`${type}.${key.toLowerCase()}`)) pushTo(occurrences, `${type}.${key.toLowerCase()}\u0000${key}`, { record, pointer: joinPointer(pointer, key) });
    }
  }
  for (const subject of flagged) {
    const counts = spellings.get(subject)!;
    const census = [...counts].map(([k, n]) => `${k} (${n}×)`).join(" and ");
    for (const key of counts.keys()) {
      for (const { record, pointer } of occurrences.get(`${subject}\u0000${key}`) ?? []) {
        add(record, { code: "FIELD_SPELLING", subject, pointer, line: record.lines.start, description: `spelled "${key}" here; the docs spell ${subject} as ${census}` });
      }
    }
  }
}

/**
 * resourceData is one object when resourceUrl names one resource (a call, an operation, a participant)
 * and an array when it names a collection (participants, contentSharingSessions): only a shape that
 * contradicts its own resourceUrl is a defect. A roster next to call states is not.
 */
export function detectNotificationShapes(ctx: ErrataContext): void {
  for (const [, record] of recordsOf(ctx.corpus)) {
    if (record.role !== "notification" || !isObject(record.value) || !Array.isArray(record.value.value)) continue;
    record.value.value.forEach((item, i) => {
      if (!isObject(item) || item.resourceData === undefined || typeof item.resourceUrl !== "string") return;
      const names = resourceKind(item.resourceUrl);
      const array = Array.isArray(item.resourceData);
      if (names === undefined || array === (names === "collection")) return;
      add(record, {
        code: "NOTIFICATION_SHAPE",
        subject: "resourceData",
        pointer: `/value/${i}/resourceData`,
        line: record.lines.start,
        description: `resourceData is ${array ? "an array" : "a single object"}, but resourceUrl ${item.resourceUrl} names ${names === "collection" ? "a collection (an array is expected)" : "one resource (a single object is expected)"}`,
      });
    });
  }
}

const COLLECTIONS = /^(participants|contentSharingSessions|operations|audioRoutingGroups)$/i;

/** "/communications/calls/{id}" names one resource; "/communications/calls/{id}/participants" a collection. */
function resourceKind(url: string): "one" | "collection" | undefined {
  const segments = url.split("?")[0]!.split("/").filter(Boolean);
  const last = segments[segments.length - 1];
  if (last === undefined || segments.length < 3) return undefined;
  if (COLLECTIONS.test(last)) return "collection";
  return /^calls$/i.test(segments[segments.length - 2]!) || COLLECTIONS.test(segments[segments.length - 2]!) ? "one" : undefined;
}

/** "examples 1, 2, 3": long pages list the first few. */
function listNumbers(numbers: number[]): string {
  const distinct = [...new Set(numbers)];
  return distinct.length <= 12 ? distinct.join(", ") : `${distinct.slice(0, 12).join(", ")} and ${distinct.length - 12} more`;
}

/** Leaf pointers with array indices generalised: what a payload's shape looks like. */
function signature(value: unknown): string[] {
  return [...new Set([...walkJson(value)].filter(([, v]) => !isObject(v) && !Array.isArray(v)).map(([p]) => p.replace(/\/\d+(?=\/|$)/g, "/*")))].sort();
}

export function detectNotificationVariants(ctx: ErrataContext): void {
  for (const doc of ctx.corpus) {
    const groups = new Map<string, PayloadRecord[]>();
    for (const r of doc.payloads) {
      if (r.role !== "notification" || !r.section) continue;
      const key = `${(r.sectionSource ?? r.section).toLowerCase().replace(/\s+/g, " ")}\u0000${r.variantSource ?? r.variant ?? ""}`;
      pushTo(groups, key, r);
    }
    for (const records of groups.values()) {
      if (new Set(records.map((r) => r.example)).size < 2) continue;
      const bySignature = new Map<string, PayloadRecord[]>();
      for (const r of records) pushTo(bySignature, signature(r.value).join("|"), r);
      const modal = [...bySignature.values()].sort((a, b) => b.length - a.length)[0]!;
      const inModal = new Set(modal);
      const modalExamples = listNumbers(modal.map((r) => r.example.number));
      for (const r of records) {
        if (inModal.has(r)) continue;
        const diffs = diffJson(modal[0]!.value, r.value);
        const extra = diffs.filter((d) => d.kind === "only-right").map((d) => d.pointer);
        const lacking = diffs.filter((d) => d.kind === "only-left").map((d) => d.pointer);
        const parts = [extra.length ? `has ${summarize(extra)}` : "", lacking.length ? `lacks ${summarize(lacking)}` : ""].filter(Boolean);
        add(r, { code: "NOTIFICATION_VARIANT", subject: r.sectionSource ?? r.section!, line: r.lines.start, description: `the "${r.section}" notification of example ${r.example.number} ${parts.join(" and ")} compared with the same notification in example${modal.length > 1 ? "s" : ""} ${modalExamples}` });
      }
      for (const r of records.filter((x) => !inModal.has(x))) {
        const changed = diffJson(modal[0]!.value, r.value).filter((d) => d.kind === "changed" && typeof (d as { left: unknown }).left === "number");
        for (const d of changed) {
          add(r, { code: "NOTIFICATION_VARIANT", subject: `${r.sectionSource ?? r.section} ${d.pointer}`, pointer: d.pointer, line: r.lines.start, description: `reports ${JSON.stringify((d as { right: unknown }).right)} at ${d.pointer} where example${modal.length > 1 ? "s" : ""} ${modalExamples} report${modal.length > 1 ? "" : "s"} ${JSON.stringify((d as { left: unknown }).left)}` });
        }
      }
    }
  }
}

export function detectSingletonFields(ctx: ErrataContext): void {
  const typeExamples = new Map<string, Set<string>>();
  // Occurrences are kept only while a property has been seen in one example: most are seen in many.
  const props = new Map<string, { example: string; occurrences: Occurrence[] | null }>();
  for (const { record, pointer, value, type, example } of typedObjects(ctx)) {
    for (const key of Object.keys(value)) {
      if (key.startsWith("@odata.")) continue;
      const examples = typeExamples.get(type);
      if (examples) examples.add(example);
      else typeExamples.set(type, new Set([example]));
      const subject = `${type}.${key}`;
      const entry = props.get(subject);
      const occurrence = { record, pointer: joinPointer(pointer, key) };
      if (!entry) props.set(subject, { example, occurrences: [occurrence] });
      else if (entry.example !== example) entry.occurrences = null;
      else entry.occurrences?.push(occurrence);
    }
  }
  const typedInSdk = sdkTypedProperties(ctx);
  for (const [subject, { occurrences }] of props) {
    const type = subject.slice(0, subject.indexOf("."));
    const others = (typeExamples.get(type)?.size ?? 0) - 1;
    if (occurrences === null || others < 3 || typedInSdk.has(subject) || isDeprecatedProperty(subject)) continue;
    for (const { record, pointer } of occurrences) {
      add(record, { code: "FIELD_NOT_IN_TYPE", subject, pointer, line: record.lines.start, description: `${subject} appears only in this example: the ${others} other examples with a ${type} never carry it, and no SDK snippet sets it as a typed property` });
    }
  }
}

/** (type.property) pairs some SDK snippet sets as a typed property: the SDK model has them. */
function sdkTypedProperties(ctx: ErrataContext): Set<string> {
  const typed = new Set<string>();
  for (const [, record] of recordsOf(ctx.corpus)) {
    for (const e of record.snippets) {
      const viaAdditionalData = new Set(e.rebuilt.additionalData);
      for (const [pointer, value] of walkJson(e.rebuilt.body)) {
        if (!isObject(value)) continue;
        const type = typeOf(ctx, record, value, pointer);
        if (!type) continue;
        for (const key of Object.keys(value)) if (!viaAdditionalData.has(joinPointer(pointer, key))) typed.add(`${type}.${key}`);
      }
    }
  }
  return typed;
}
