/** Extracted corpus -> the committed fixture tree: one file per payload, a manifest per document, ERRATA.md, scenarios. */
import path from "node:path";
import { formatJson } from "../util/json.js";
import type { GeneratedTree } from "../util/generated-files.js";
import type { DocumentedFixture, DocumentManifest, Provenance, WireShapeFixture } from "../fixtures/model.js";
import type { Decisions } from "../fixtures/decisions.js";
import type { ExtractedCorpus } from "./corpus.js";
import type { AssembledExample } from "./assemble.js";
import type { CorpusDocument, PayloadRecord } from "./model.js";
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

export function fixtureTree(corpus: ExtractedCorpus, decisions: Decisions, fixturesRoot: string, wireShapes: readonly WireShapeFixture[] = []): GeneratedTree {
  // Contents are produced as they are written: a long page's fixtures are never all in memory as text.
  const files = new Map<string, string | (() => string)>();
  const written = toFixtures(corpus);
  for (const w of written) files.set(w.file, () => formatJson(w.fixture));
  const byDocument = groupBy(written, (w) => w.doc);
  for (const doc of corpus.documents) {
    files.set(path.posix.join(DOCUMENTED_DIR, doc.key, "document.json"), () => formatJson(manifest(doc, byDocument.get(doc) ?? [])));
  }
  files.set("ERRATA.md", () => renderErrata(corpus.documents, written, decisions, wireShapes));
  for (const scenario of scenariosFrom(written.map((w) => w.fixture))) files.set(path.posix.join(SCENARIOS_DIR, `${scenario.id}.json`), () => formatJson(scenario));
  return { root: fixturesRoot, owned: [DOCUMENTED_DIR, SCENARIOS_DIR], files };
}

export function toFixtures(corpus: ExtractedCorpus): WrittenFixture[] {
  const out: WrittenFixture[] = [];
  const sources = new Map<string, string>();
  for (const doc of corpus.documents) {
    const counters = new Map<AssembledExample, number>();
    for (const record of doc.payloads) {
      if (record.value === undefined) continue;
      let name = `${record.example.key}.${record.role}`;
      if (record.role === "notification") {
        const n = (counters.get(record.example) ?? 0) + 1;
        counters.set(record.example, n);
        name += `-${String(n).padStart(2, "0")}`;
      }
      const file = path.posix.join(DOCUMENTED_DIR, doc.key, `${name}.json`);
      // Keys are unique by construction (naming.ts); should that ever break, fail rather than overwrite.
      const source = `${doc.source.name} lines ${record.lines.start}-${record.lines.end}`;
      const earlier = sources.get(file);
      if (earlier !== undefined) throw new Error(`two payloads would be written to ${file}: ${earlier} and ${source}`);
      sources.set(file, source);
      const fixture: DocumentedFixture = {
        id: `${doc.key}/${name}`,
        description: describe(doc, record),
        provenance: provenance(doc, record),
        schemas: corpus.claims.get(record) ?? [],
        errata: record.errata,
        ...(record.repaired && record.raw !== null ? { raw: record.raw } : {}),
        payload: record.value,
      };
      out.push({ doc, record, fixture, file });
    }
  }
  return out;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
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
  const byExample = groupBy(fixtures, (f) => f.record.example);
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
      fixtures: (byExample.get(ex) ?? []).map((f) => f.fixture.id),
    })),
    errata: doc.errata,
  };
}
