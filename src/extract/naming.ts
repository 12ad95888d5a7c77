/**
 * Where each document and example is written, and never twice in the same place: a document's key
 * is "<page>.<language>.<version>", an example's "exNN". When two documents of one run share a key
 * (two revisions of a page), the later in name order adds its file name; when two examples of one
 * document share a number, the published one keeps "exNN" and the other gets "exNN-2", "-3"...
 * The same content under two names, or two documents with one name, is an input error.
 */
import { createHash } from "node:crypto";
import type { AssembledExample } from "./assemble.js";
import type { SourceDocument } from "./document.js";
import { documentKey, type CorpusDocument } from "./model.js";

/** The documents given cannot be extracted together (the same page twice, two documents with one name). */
export class ExtractionInputError extends Error {}

export function checkDistinctSources(sources: readonly SourceDocument[]): void {
  const byName = new Map<string, SourceDocument>();
  const byContent = new Map<string, SourceDocument>();
  for (const source of sources) {
    const digest = contentDigest(source);
    const sameName = byName.get(source.name);
    if (sameName) {
      throw new ExtractionInputError(contentDigest(sameName) === digest
        ? `${source.name} is given twice: give each page once`
        : `two different documents are both named ${source.name}: fixtures record the file name, so rename one`);
    }
    const sameContent = byContent.get(digest);
    if (sameContent) {
      throw new ExtractionInputError(`${sameContent.name} and ${source.name} have identical content: the same page given twice would be extracted twice; give it once`);
    }
    byName.set(source.name, source);
    byContent.set(digest, source);
  }
}

function contentDigest(source: SourceDocument): string {
  const hash = createHash("sha256");
  for (const line of source.lines) hash.update(line).update("\n");
  return hash.digest("hex");
}

/** Documents must be in name order: the first keeps the plain key. */
export function assignDocumentKeys(documents: CorpusDocument[]): void {
  const first = new Map<string, CorpusDocument>();
  const taken = new Set<string>();
  for (const doc of documents) {
    const base = documentKey(doc);
    const owner = first.get(base);
    if (!owner) {
      doc.key = base;
      first.set(base, doc);
      taken.add(base);
      continue;
    }
    // File names are distinct (checkDistinctSources), but two may reduce to one stem.
    const stem = `${base}~${fileStem(doc.source.name)}`;
    doc.key = stem;
    for (let n = 2; taken.has(doc.key); n++) doc.key = `${stem}-${n}`;
    taken.add(doc.key);
    const note = `key: ${owner.source.name} and ${doc.source.name} are both ${base}; ${doc.source.name} is written under ${doc.key}`;
    owner.evidence.push(note);
    doc.evidence.push(note);
  }
}

/** "call-transfer (2023).md" -> "call-transfer-2023", "2023/call-transfer.md" -> "2023-call-transfer": usable in a directory name and a fixture id. */
function fileStem(name: string): string {
  const stem = name.replace(/\.[^./\\]*$/, "").replace(/^(\.{1,2}[\\/])+/, "").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "");
  return stem || "document";
}

/** Published numbers claim their key first, so an example the page numbers keeps "exNN" whatever precedes it. */
export function assignExampleKeys(examples: readonly AssembledExample[]): void {
  // Suffixed keys never equal a plain one, so one counter per number is enough (and linear).
  const uses = new Map<number, number>();
  const ordered = [...examples.filter((e) => e.numbering === "heading"), ...examples.filter((e) => e.numbering !== "heading")];
  for (const ex of ordered) {
    const n = (uses.get(ex.number) ?? 0) + 1;
    uses.set(ex.number, n);
    ex.key = `ex${String(ex.number).padStart(2, "0")}${n > 1 ? `-${n}` : ""}`;
  }
}
