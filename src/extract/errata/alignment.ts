/**
 * Renderings of one page in several languages: where one numbers an example with a heading and
 * another shows the same example without one, the number carries over (matched on identical requests).
 */
import { deepEqual } from "../../util/json.js";
import { type CorpusDocument } from "../model.js";

export function alignExampleNumbers(corpus: CorpusDocument[]): void {
  for (const doc of corpus) {
    const peers = corpus.filter((d) => d !== doc && d.page === doc.page && d.apiVersion === doc.apiVersion);
    let previous = 0;
    for (const ex of doc.assembled.examples) {
      if (ex.numbering === "sequence") {
        const request = doc.payloads.find((r) => r.example === ex && r.role === "request");
        const match = peers.flatMap((p) => p.payloads.map((r) => ({ p, r })))
          .find(({ r }) => r.role === "request" && r.example.numbering === "heading" && request?.value != null && deepEqual(r.value, request.value));
        if (match) {
          ex.number = match.r.example.number;
          ex.numberAligned = match.p.key;
        } else {
          ex.number = previous + 1;
        }
      }
      previous = ex.number;
    }
  }
}
