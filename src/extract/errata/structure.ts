/** Document-level defects: heading levels, example numbering, messages without a body, JSON that belongs nowhere, annotation metadata. */
import type { Erratum } from "../../fixtures/model.js";
import type { AssembledExample } from "../assemble.js";
import type { CorpusDocument } from "../model.js";

/** Beyond this many, missing example numbers are one erratum for the gap. */
const MAX_MISSING_LISTED = 20;
/** Lists in descriptions stay readable on pages with thousands of examples. */
const MAX_LISTED = 12;

function listed(items: ReadonlyArray<string | number>): string {
  return items.length <= MAX_LISTED ? items.join(", ") : `${items.slice(0, MAX_LISTED).join(", ")} and ${items.length - MAX_LISTED} more`;
}

export function detectStructure(doc: CorpusDocument): void {
  const push = (e: Erratum) => doc.errata.push(e);
  const { examples, orphans } = doc.assembled;

  for (const ex of examples) {
    const level = ex.heading?.level;
    if (level == null) continue;
    for (const h of ex.headings.slice(1)) {
      if (h.level !== null && h.level <= level) {
        push({ code: "HEADING_LEVEL", subject: `line ${h.line}`, line: h.line, description: `"${h.source ?? h.text}" is a level-${h.level} heading inside example ${ex.number} (level ${level}), so it reads as a sibling of the example instead of a part of it` });
      }
    }
  }

  const numbers = examples.map((e) => e.number);
  for (let i = 1; i < numbers.length; i++) {
    const [before, after] = [numbers[i - 1]!, numbers[i]!];
    // One erratum per missing number, but a page that jumps from 3 to 1000 gets one for the gap.
    if (after - before - 1 > MAX_MISSING_LISTED) {
      push({ code: "EXAMPLE_MISSING", subject: `examples ${before + 1}-${after - 1}`, line: examples[i]!.startLine, description: `examples ${before + 1} to ${after - 1} are absent: the example before line ${examples[i]!.startLine} is ${before} and this one is ${after}` });
      continue;
    }
    for (let missing = before + 1; missing < after; missing++) {
      push({ code: "EXAMPLE_MISSING", subject: `example ${missing}`, line: examples[i]!.startLine, description: `example ${missing} is absent: the example before line ${examples[i]!.startLine} is ${before} and this one is ${after}` });
    }
  }

  const published = new Map<number, AssembledExample>();
  for (const ex of examples.filter((e) => e.numbering === "heading")) {
    const first = published.get(ex.number);
    if (!first) {
      published.set(ex.number, ex);
      continue;
    }
    push({ code: "EXAMPLE_NUMBER_REPEATED", subject: `example ${ex.number}`, line: ex.startLine, description: `the examples at lines ${first.startLine} and ${ex.startLine} are both numbered ${ex.number}; the later one is written as ${ex.key}` });
  }

  for (const ex of examples) {
    for (const n of ex.notifications) {
      if (n.bodies.length === 0 && n.http) {
        push({ code: "BODY_MISSING", subject: `line ${n.http.line}`, line: n.http.line, description: `the notification posted at line ${n.http.line} (example ${ex.number}) shows no body, so there is no fixture for it` });
      }
    }
  }

  const unnumbered = examples.filter((e) => e.numbering === "sequence");
  if (unnumbered.length > 0) {
    const renamed = unnumbered.filter((e) => e.key !== `ex${String(e.number).padStart(2, "0")}`);
    push({
      code: "EXAMPLE_UNNUMBERED",
      subject: "examples",
      line: unnumbered[0]!.startLine,
      description: `${unnumbered.length} of ${examples.length} examples have no numbered heading in this rendering (at lines ${listed(unnumbered.map((e) => e.startLine))}); they are numbered by position${unnumbered.some((e) => e.numberAligned) ? " or by the same example in another rendering of the page" : ""}${renamed.length > 0 ? `; where a numbered example has the same number, they are written as ${listed(renamed.map((e) => e.key))}` : ""}`,
    });
  }

  for (const o of orphans) {
    push({ code: "ORPHAN_JSON", subject: `line ${o.start}`, line: o.start, description: `a JSON block at lines ${o.start}-${o.end} belongs to no request, response or notification` });
  }

  const names = new Map<string, number>();
  for (const ex of examples) {
    const meta = ex.request?.meta;
    if (!meta || meta.data.blockType !== "request") continue;
    const name = typeof meta.data.name === "string" ? meta.data.name : undefined;
    const misplaced = !name && typeof meta.data["@odata.type"] === "string" ? (meta.data["@odata.type"] as string) : undefined;
    if (misplaced) {
      push({ code: "DOC_METADATA", subject: `line ${meta.line}`, line: meta.line, description: `the request annotation of example ${ex.number} puts its name "${misplaced}" under "@odata.type" instead of "name"` });
    }
    const key = name ?? misplaced;
    if (key) {
      if (names.has(key)) push({ code: "DOC_METADATA", subject: `name ${key}`, line: meta.line, description: `examples ${names.get(key)} and ${ex.number} share the request annotation name "${key}"` });
      else names.set(key, ex.number);
    }
  }
}
