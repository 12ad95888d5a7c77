/** What errata detectors share: the corpus, each record's claimed schemas, and the contract's type model. */
import type { Erratum } from "../../fixtures/model.js";
import type { SchemaIndex } from "../../contract/type-walk.js";
import type { SchemaEntry } from "../../contract/registry.js";
import type { AssembledExample } from "../assemble.js";
import { type CorpusDocument, type PayloadRecord } from "../model.js";

export interface ErrataContext {
  corpus: CorpusDocument[];
  /** The contract's schemas, for what they declare (enum members). */
  entries: readonly SchemaEntry[];
  index: SchemaIndex;
  claims: Map<PayloadRecord, string[]>;
}

export function add(record: PayloadRecord, erratum: Erratum): void {
  const key = `${erratum.code}\u0000${erratum.subject}\u0000${erratum.pointer ?? ""}\u0000${erratum.line ?? ""}`;
  if (!record.errata.some((e) => `${e.code}\u0000${e.subject}\u0000${e.pointer ?? ""}\u0000${e.line ?? ""}` === key)) record.errata.push(erratum);
}

/** "call-transfer.ru.beta example 2": how errata descriptions refer to another payload. */
export function where(doc: CorpusDocument, record: PayloadRecord): string {
  return `${doc.key} example ${record.example.number}`;
}

/** The Graph type of the object at `pointer`: its own @odata.type, else what the claimed schema says. */
export function typeOf(ctx: ErrataContext, record: PayloadRecord, value: unknown, pointer: string): string | undefined {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const tag = (value as Record<string, unknown>)["@odata.type"];
    if (typeof tag === "string" && tag.startsWith("#microsoft.graph.")) return tag.slice("#microsoft.graph.".length);
  }
  for (const schema of ctx.claims.get(record) ?? []) {
    const found = ctx.index.typeAt(schema, record.value, pointer);
    if (found) return found.title;
  }
  return undefined;
}

export function* recordsOf(corpus: CorpusDocument[]): Generator<[CorpusDocument, PayloadRecord]> {
  for (const doc of corpus) for (const record of doc.payloads) yield [doc, record];
}

const byExampleCache = new WeakMap<CorpusDocument, Map<AssembledExample, PayloadRecord[]>>();

/** A document's records grouped by example (not by number: two examples a page numbers alike stay apart), computed once. */
export function recordsByExample(doc: CorpusDocument): Map<AssembledExample, PayloadRecord[]> {
  let groups = byExampleCache.get(doc);
  if (!groups) {
    groups = new Map();
    for (const r of doc.payloads) {
      const records = groups.get(r.example);
      if (records) records.push(r);
      else groups.set(r.example, [r]);
    }
    byExampleCache.set(doc, groups);
  }
  return groups;
}
