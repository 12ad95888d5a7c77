/**
 * The snippets to run, straight from the extractor: every documented Create call and transfer
 * request, with the SDK snippets the page shows for it, in the languages this project can run.
 * The code is what src/extract/snippets read from the page, byte for byte; the documented request
 * is the fixture the extractor writes for the same example (body after the documented errata).
 */
import { extractCorpus, readSeedDocuments } from "../extract/index.js";
import { toFixtures } from "../extract/write.js";
import type { DocumentedFixture } from "../fixtures/model.js";
import { RUN_LANGUAGES, type DocumentedSnippet, type RunLanguage } from "./model.js";

export interface DocumentedExample {
  fixture: DocumentedFixture;
  operation: "create-call" | "transfer";
  snippets: DocumentedSnippet[];
}

const OPERATIONS: ReadonlyArray<{ path: RegExp; operation: DocumentedExample["operation"] }> = [
  { path: /^\/communications\/calls$/, operation: "create-call" },
  { path: /^\/communications\/calls\/[^/]+\/transfer$/, operation: "transfer" },
];

export function collectExamples(seedsDir: string): DocumentedExample[] {
  const corpus = extractCorpus(readSeedDocuments(seedsDir));
  const examples: DocumentedExample[] = [];
  for (const { doc, record, fixture } of toFixtures(corpus)) {
    if (record.role !== "request" || record.http.method !== "POST") continue;
    const operation = OPERATIONS.find((o) => o.path.test(record.http.path ?? ""))?.operation;
    if (!operation) continue;
    const base = fixture.id.replace(/\.request$/, "");
    const snippets = record.example.snippets
      .filter((s): s is typeof s & { language: RunLanguage } => (RUN_LANGUAGES as readonly string[]).includes(s.language))
      .map((s) => ({
        key: `${base}.${s.language}`,
        fixtureId: fixture.id,
        document: doc.source.name,
        lines: { start: s.start, end: s.end },
        example: record.example.number,
        language: s.language,
        operation,
        code: s.code,
      }));
    examples.push({ fixture, operation, snippets });
  }
  return examples;
}
