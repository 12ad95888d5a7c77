/**
 * Renderings of one page in several languages: where one numbers an example with a heading and
 * another shows the same example without one, the number carries over (matched on identical requests).
 */
import { formatJson } from "../../util/json.js";
import type { CorpusDocument, PayloadRecord } from "../model.js";
import { recordsByExample } from "./context.js";

export function alignExampleNumbers(corpus: CorpusDocument[]): void {
  // Numbered requests indexed once by page, version and body: a lookup per unnumbered example, not a scan.
  const numbered = new Map<string, Array<{ doc: CorpusDocument; record: PayloadRecord }>>();
  const keyOf = (doc: CorpusDocument, value: unknown) => `${doc.page}\u0000${doc.apiVersion}\u0000${formatJson(sortKeys(value))}`;
  for (const doc of corpus) {
    for (const r of doc.payloads) {
      if (r.role !== "request" || r.example.numbering !== "heading" || r.value == null) continue;
      const key = keyOf(doc, r.value);
      const found = numbered.get(key);
      if (found) found.push({ doc, record: r });
      else numbered.set(key, [{ doc, record: r }]);
    }
  }
  for (const doc of corpus) {
    let previous = 0;
    for (const ex of doc.assembled.examples) {
      if (ex.numbering === "sequence") {
        const request = recordsByExample(doc).get(ex)?.find((r) => r.role === "request");
        const match = request?.value == null ? undefined : numbered.get(keyOf(doc, request.value))?.find((m) => m.doc !== doc);
        if (match) {
          ex.number = match.record.example.number;
          ex.numberAligned = match.doc.key;
        } else {
          ex.number = previous + 1;
        }
      }
      previous = ex.number;
    }
  }
}

/** deepEqual ignores key order; so does the index. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}
