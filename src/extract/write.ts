/** Extracted corpus -> the committed fixture tree: one file per payload, a manifest per document, ERRATA.md, scenarios. */
import path from "node:path";
import { formatJson } from "../util/json.js";
import type { GeneratedTree } from "../util/generated-files.js";
import type { DocumentedFixture, DocumentManifest, Provenance } from "../fixtures/model.js";
import type { Decisions } from "../fixtures/decisions.js";
import type { ExtractedCorpus } from "./corpus.js";
import type { AssembledExample } from "./assemble.js";
import { documentKey, type CorpusDocument, type PayloadRecord } from "./model.js";
import { renderErrata } from "./errata-report.js";
import { scenariosFrom } from "../scenarios/from-fixtures.js";

export const DOCUMENTED_DIR = "documented";
export const SCENARIOS_DIR = "scenarios";

export interface WrittenFixture {
  doc: CorpusDocument;
  record: PayloadRecord;
  fixture: DocumentedFixture;
  /** Path relative to the fixtures root. */
  file: string;
}

export function fixtureTree(corpus: ExtractedCorpus, decisions: Decisions, fixturesRoot: string): GeneratedTree {
  const files = new Map<string, string>();
  const written = toFixtures(corpus);
  for (const w of written) files.set(w.file, formatJson(w.fixture));
  for (const doc of corpus.documents) {
    files.set(path.posix.join(DOCUMENTED_DIR, documentKey(doc), "document.json"), formatJson(manifest(doc, written.filter((w) => w.doc === doc))));
  }
  files.set("ERRATA.md", renderErrata(corpus.documents, written, decisions));
  for (const scenario of scenariosFrom(written.map((w) => w.fixture))) files.set(path.posix.join(SCENARIOS_DIR, `${scenario.id}.json`), formatJson(scenario));
  return { root: fixturesRoot, owned: [DOCUMENTED_DIR, SCENARIOS_DIR], files };
}

export function toFixtures(corpus: ExtractedCorpus): WrittenFixture[] {
  const out: WrittenFixture[] = [];
  for (const doc of corpus.documents) {
    const key = documentKey(doc);
    const counters = new Map<string, number>();
    for (const record of doc.payloads) {
      if (record.value === undefined) continue;
      const ex = `ex${String(record.example.number).padStart(2, "0")}`;
      let name = `${ex}.${record.role}`;
      if (record.role === "notification") {
        const n = (counters.get(ex) ?? 0) + 1;
        counters.set(ex, n);
        name += `-${String(n).padStart(2, "0")}`;
      }
      const fixture: DocumentedFixture = {
        id: `${key}/${name}`,
        description: describe(doc, record),
        provenance: provenance(doc, record),
        schemas: corpus.claims.get(record) ?? [],
        errata: record.errata,
        ...(record.repaired && record.raw !== null ? { raw: record.raw } : {}),
        payload: record.value,
      };
      out.push({ doc, record, fixture, file: path.posix.join(DOCUMENTED_DIR, key, `${name}.json`) });
    }
  }
  return out;
}

/** What fixtures and manifests say about the document they come from. */
function documentFields(doc: CorpusDocument): Pick<Provenance, "document" | "page" | "format" | "language" | "apiVersion"> {
  return { document: doc.source.name, page: doc.page, format: doc.source.format, language: doc.language, apiVersion: doc.apiVersion };
}

/** How fixtures and manifests name an example: its number, and its title as published (with the original of a translation). */
function exampleRef(ex: AssembledExample): Provenance["example"] {
  return { number: ex.number, title: ex.title, ...(ex.titleSource ? { titleSource: ex.titleSource } : {}) };
}

function provenance(doc: CorpusDocument, r: PayloadRecord): Provenance {
  return {
    ...documentFields(doc),
    example: exampleRef(r.example),
    section: r.section,
    variant: r.variant,
    role: r.role,
    lines: r.lines,
    http: r.http,
    origin: r.origin,
    ...(r.origin === "snippets" ? { snippets: r.snippets.map((s) => ({ language: s.language, lines: s.lines })) } : {}),
  };
}

function describe(doc: CorpusDocument, r: PayloadRecord): string {
  const where = `${doc.page} (${doc.language}, ${doc.apiVersion}) example ${r.example.number}`;
  switch (r.role) {
    case "request": {
      const from = r.origin === "snippets" ? `, rebuilt from the ${r.snippets.map((s) => s.language).join(", ")} snippets` : "";
      return `${where}: request body of ${r.http.method ?? "?"} ${r.http.path ?? "?"}${from}`;
    }
    case "response":
      return `${where}: ${r.http.status ?? "?"} ${r.http.statusText ?? ""} response${r.value === null ? " (no body)" : ""}`.replace(/\s+response/, " response");
    case "notification":
      return `${where}: notification "${r.section ?? "untitled"}"${r.variant ? ` (${r.variant})` : ""}`;
  }
}

function manifest(doc: CorpusDocument, fixtures: WrittenFixture[]): DocumentManifest {
  const count = (role: string) => fixtures.filter((f) => f.record.role === role).length;
  return {
    ...documentFields(doc),
    evidence: doc.evidence,
    counts: {
      examples: doc.assembled.examples.length,
      requests: count("request"),
      responses: count("response"),
      notifications: count("notification"),
      errata: doc.errata.length + doc.payloads.reduce((n, r) => n + r.errata.length, 0),
    },
    examples: doc.assembled.examples.map((ex) => ({
      ...exampleRef(ex),
      lines: { start: ex.startLine, end: ex.endLine },
      fixtures: fixtures.filter((f) => f.record.example === ex).map((f) => f.fixture.id),
    })),
    errata: doc.errata,
  };
}
