/** Document-level defects: heading levels, example numbering, JSON that belongs nowhere, annotation metadata. */
import type { Erratum } from "../../fixtures/model.js";
import type { CorpusDocument } from "../model.js";

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
    for (let missing = numbers[i - 1]! + 1; missing < numbers[i]!; missing++) {
      push({ code: "EXAMPLE_MISSING", subject: `example ${missing}`, line: examples[i]!.startLine, description: `example ${missing} is absent: the example before line ${examples[i]!.startLine} is ${numbers[i - 1]} and this one is ${numbers[i]}` });
    }
  }

  const unnumbered = examples.filter((e) => e.numbering === "sequence");
  if (unnumbered.length > 0) {
    push({
      code: "EXAMPLE_UNNUMBERED",
      subject: "examples",
      line: unnumbered[0]!.startLine,
      description: `${unnumbered.length} of ${examples.length} examples have no numbered heading in this rendering (at lines ${unnumbered.map((e) => e.startLine).join(", ")}); they are numbered by position${unnumbered.some((e) => e.numberAligned) ? " or by the same example in another rendering of the page" : ""}`,
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
