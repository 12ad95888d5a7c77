/**
 * The extractor on pages it was not tuned on. Each folder of suites/extract/pages/ is a case:
 * one or more pages we wrote in the formats of the docs (rendered text, markdown, localized
 * markdown, SDK-only, other encodings), extracted together, and expected.json saying what must
 * come out, or which error must stop the extraction. A new case is a new folder, not new test code.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractCorpus, ExtractionInputError, readDocument } from "../../src/extract/index.js";
import { toFixtures } from "../../src/extract/write.js";

interface ExpectedFixture {
  example?: { number: number; title: string | null; titleSource?: string };
  origin?: string;
  snippetLanguages?: string[];
  section?: string;
  http?: Record<string, unknown>;
  /** A notification published without the callback request line before it. */
  noHttpLine?: boolean;
  lines?: { start: number; end: number };
  schemas: string[];
  errata: string[];
  payload?: unknown;
}

interface ExpectedDocument {
  page: string;
  language: string;
  apiVersion: string;
  format: string;
  /** "POST /communications/calls/{id}/transfer": the operation the page documents. */
  operation?: string;
  /** The fixtures' directory, when it is not page.language.version. */
  key?: string;
  errata: string[];
  fixtures: Record<string, ExpectedFixture>;
}

interface ExpectedCase {
  description: string;
  documents?: Record<string, ExpectedDocument>;
  /** The extraction must fail with an error whose message contains each of these. */
  error?: string[];
}

const PAGES = path.join(import.meta.dirname, "pages");
const cases = fs.readdirSync(PAGES).sort().map((name) => {
  const dir = path.join(PAGES, name);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as ExpectedCase;
  const pages = fs.readdirSync(dir).filter((f) => f !== "expected.json").sort();
  return { name, dir, expected, pages };
});

const codes = (errata: ReadonlyArray<{ code: string }>) => [...new Set(errata.map((e) => e.code))].sort();

describe.each(cases.filter((c) => c.expected.error))("refusing $name", ({ dir, expected, pages }) => {
  test("the extraction stops with an error naming the problem", () => {
    const run = () => extractCorpus(pages.map((f) => readDocument(path.join(dir, f))));
    expect(run).toThrow(ExtractionInputError);
    for (const part of expected.error!) expect(run).toThrow(part);
  });
});

describe.each(cases.filter((c) => !c.expected.error))("extracting $name", ({ dir, expected, pages }) => {
  const corpus = extractCorpus(pages.map((f) => readDocument(path.join(dir, f))));
  const fixtures = toFixtures(corpus);
  const documents = expected.documents!;

  test("the case covers exactly its pages", () => {
    expect(Object.keys(documents).sort()).toEqual(pages);
  });

  for (const [file, doc] of Object.entries(documents)) {
    const extracted = corpus.documents.find((d) => d.source.name === file)!;
    const own = fixtures.filter((f) => f.doc === extracted);

    test(`${file}: page, language, version, format, operation and key`, () => {
      const operation = extracted.operation ? `${extracted.operation.method} ${extracted.operation.path}` : undefined;
      expect({ page: extracted.page, language: extracted.language, apiVersion: extracted.apiVersion, format: extracted.source.format, operation, key: extracted.key })
        .toEqual({ page: doc.page, language: doc.language, apiVersion: doc.apiVersion, format: doc.format, operation: doc.operation ?? operation, key: doc.key ?? `${doc.page}.${doc.language}.${doc.apiVersion}` });
    });

    test(`${file}: document errata`, () => {
      expect(codes(extracted.errata)).toEqual([...doc.errata].sort());
    });

    test(`${file}: the fixtures are exactly the expected ones, each in its own file`, () => {
      expect(own.map((f) => path.basename(f.file, ".json")).sort()).toEqual(Object.keys(doc.fixtures).sort());
      expect(new Set(fixtures.map((f) => f.file)).size).toBe(fixtures.length);
    });

    for (const [name, want] of Object.entries(doc.fixtures)) {
      test(`${file}: ${name}`, () => {
        const got = own.find((f) => path.basename(f.file, ".json") === name)?.fixture;
        expect(got, `${name} was not extracted`).toBeDefined();
        expect(got!.schemas).toEqual(want.schemas);
        expect(codes(got!.errata)).toEqual([...want.errata].sort());
        if (want.example) expect(got!.provenance.example).toEqual(want.example);
        if (want.origin) expect(got!.provenance.origin).toBe(want.origin);
        if (want.snippetLanguages) expect(got!.provenance.snippets?.map((s) => s.language)).toEqual(want.snippetLanguages);
        if (want.section) expect(got!.provenance.section).toBe(want.section);
        if (want.http) expect(got!.provenance.http).toMatchObject(want.http);
        if (want.noHttpLine) expect(got!.provenance.http).toEqual({});
        if (want.lines) expect(got!.provenance.lines).toEqual(want.lines);
        if ("payload" in want) expect(got!.payload).toEqual(want.payload);
      });
    }
  }
});
