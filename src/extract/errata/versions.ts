/** The same example in two API versions of a page: what the v1.0 request sends differently from the beta one. */
import { diffJson, summarize } from "../../util/json-diff.js";
import type { PayloadRecord } from "../model.js";
import { add, type ErrataContext } from "./context.js";

export function detectVersionDifferences(ctx: ErrataContext): void {
  const betas = ctx.corpus.filter((d) => d.apiVersion === "beta");
  for (const doc of ctx.corpus.filter((d) => d.apiVersion === "v1.0")) {
    for (const beta of betas.filter((b) => b.page === doc.page)) {
      // The beta's first request of each example number, found by lookup rather than a scan per request.
      const betaRequests = new Map<number, PayloadRecord>();
      for (const r of beta.payloads) if (r.role === "request" && !betaRequests.has(r.example.number)) betaRequests.set(r.example.number, r);
      for (const record of doc.payloads.filter((r) => r.role === "request")) {
        const other = betaRequests.get(record.example.number);
        if (!other || record.value == null || other.value == null) continue;
        const diffs = diffJson(other.value, record.value);
        if (diffs.length === 0) continue;
        const lacks = diffs.filter((d) => d.kind === "only-left").map((d) => d.pointer);
        const adds = diffs.filter((d) => d.kind === "only-right").map((d) => d.pointer);
        const changes = diffs.filter((d) => d.kind === "changed").map((d) => d.pointer);
        const parts = [lacks.length ? `lacks ${summarize(lacks)}` : "", adds.length ? `adds ${summarize(adds)}` : "", changes.length ? `changes ${summarize(changes)}` : ""].filter(Boolean);
        add(record, {
          code: "VERSION_DIFFERENCE",
          subject: `${beta.key} example ${other.example.number}`,
          line: record.lines.start,
          description: `compared with the beta JSON of the same example (${beta.key}, lines ${other.lines.start}-${other.lines.end}), this ${record.origin === "snippets" ? "rebuilt " : ""}request ${parts.join("; ")}`,
        });
      }
    }
  }
}
