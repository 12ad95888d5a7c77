/** The extractor's public surface: read documents, extract the corpus, produce the fixture tree. */
import fs from "node:fs";
import path from "node:path";
import { readDecisions } from "../fixtures/decisions.js";
import { loadWireShapeFixtures } from "../fixtures/load.js";
import type { GeneratedTree } from "../util/generated-files.js";
import { readDocument, type SourceDocument } from "./document.js";
import { extractCorpus, type ExtractedCorpus } from "./corpus.js";
import { fixtureTree } from "./write.js";

export { extractCorpus, extractDocument, type ExtractedCorpus } from "./corpus.js";
export { decodeDocument, documentFromBytes, DocumentReadError, MAX_DOCUMENT_BYTES, parseDocument, readDocument, type SourceDocument } from "./document.js";
export { ExtractionInputError } from "./naming.js";
export { documentKey } from "./model.js";

/** The documents of a seeds folder: every file but its README. */
export function readSeedDocuments(dir: string): SourceDocument[] {
  return fs.readdirSync(dir)
    .filter((f) => !/^readme(\.md)?$/i.test(f) && fs.statSync(path.join(dir, f)).isFile())
    .sort()
    .map((f) => readDocument(path.join(dir, f)));
}

export function extractToTree(documents: SourceDocument[], fixturesRoot: string): { corpus: ExtractedCorpus; tree: GeneratedTree } {
  const corpus = extractCorpus(documents);
  // ERRATA.md also lists the decisions about hand-written wire shapes, so every decision is in one place.
  const wireShapes = loadWireShapeFixtures(fixturesRoot).map((f) => f.data);
  return { corpus, tree: fixtureTree(corpus, readDecisions(), fixturesRoot, wireShapes) };
}
