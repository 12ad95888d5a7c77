/**
 * The extractor, end to end: documents -> tokens -> examples -> payload records, then the errata
 * detectors over the whole corpus (several renderings of a page explain each other).
 */
import { readSchemaEntries, type SchemaEntry } from "../contract/registry.js";
import { schemasFor } from "../contract/applies-to.js";
import { SchemaIndex } from "../contract/type-walk.js";
import type { ApiVersion } from "../fixtures/model.js";
import { assemble } from "./assemble.js";
import { detectApiVersion, detectLanguage, type SourceDocument } from "./document.js";
import type { CorpusDocument, PayloadRecord } from "./model.js";
import { pageSlug, templatePath, type Operation } from "./page.js";
import { examplePayloads } from "./payloads.js";
import { tokenize } from "./tokenize.js";
import { assignDocumentKeys, assignExampleKeys, checkDistinctSources } from "./naming.js";
import { alignExampleNumbers } from "./errata/alignment.js";
import type { ErrataContext } from "./errata/context.js";
import { detectContentLength } from "./errata/http.js";
import { detectExampleInconsistencies, detectMalformedIds } from "./errata/identifiers.js";
import { detectPlaceholders } from "./errata/placeholders.js";
import { detectNotificationShapes, detectNotificationVariants, detectSingletonFields, detectSpellings } from "./errata/shapes.js";
import { detectSnippetErrata } from "./errata/snippets.js";
import { detectStructure } from "./errata/structure.js";
import { detectDeprecatedProperties, detectEnumCasing } from "./errata/values.js";
import { detectVersionDifferences } from "./errata/versions.js";

export interface ExtractedCorpus {
  documents: CorpusDocument[];
  /** Schemas each payload claims, from the schemas' x-applies-to. */
  claims: Map<PayloadRecord, string[]>;
}

export function extractCorpus(sources: SourceDocument[], entries: SchemaEntry[] = readSchemaEntries()): ExtractedCorpus {
  checkDistinctSources(sources);
  const documents = [...sources].sort((a, b) => a.name.localeCompare(b.name)).map(extractDocument);
  assignDocumentKeys(documents);
  alignExampleNumbers(documents);
  for (const doc of documents) assignExampleKeys(doc.assembled.examples);
  const claims = new Map<PayloadRecord, string[]>();
  for (const doc of documents) {
    for (const r of doc.payloads) {
      claims.set(r, r.value === undefined ? [] : schemasFor({ role: r.role, method: r.http.method, path: r.http.path, status: r.http.status, payload: r.value }, entries));
    }
  }
  const ctx: ErrataContext = { corpus: documents, entries, index: new SchemaIndex(entries), claims };
  // Snippets are compared with the payload as published (both carry the same placeholders)...
  detectSnippetErrata(ctx);
  // ...then placeholders are repaired, so the detectors below see values, not "<message>".
  detectPlaceholders(ctx);
  detectMalformedIds(ctx);
  detectContentLength(ctx);
  detectExampleInconsistencies(ctx);
  detectSpellings(ctx);
  detectNotificationShapes(ctx);
  detectNotificationVariants(ctx);
  detectDeprecatedProperties(ctx);
  detectEnumCasing(ctx);
  detectSingletonFields(ctx);
  detectVersionDifferences(ctx);
  for (const doc of documents) {
    detectStructure(doc);
    keepErrataOfUnwrittenPayloads(doc);
  }
  return { documents, claims };
}

export function extractDocument(source: SourceDocument): CorpusDocument {
  const tokens = tokenize(source);
  const assembled = assemble(tokens, source.lines.length);
  const payloads = assembled.examples.flatMap(examplePayloads);
  const prose = tokens.flatMap((t) => (t.kind === "prose" || t.kind === "heading" ? [t.text] : []));
  const language = detectLanguage(source, prose);
  const requestUrls = payloads.flatMap((p) => (p.role === "request" && p.http.url ? [p.http.url] : []));
  const sdkVersions = payloads.flatMap((p) => p.snippets.flatMap((s) => (s.rebuilt.apiVersion ? [s.rebuilt.apiVersion] : [])));
  const detected = detectApiVersion(source, requestUrls, sdkVersions);
  const apiVersion: ApiVersion = detected?.value ?? "v1.0";
  const operation = documentedOperation(assembled.syntax, payloads);
  const doc: CorpusDocument = {
    source,
    key: "",
    operation,
    page: operation ? pageSlug(operation) : "unknown-page",
    language: language.value,
    apiVersion,
    evidence: [`format: ${source.format}`, ...(source.encoding ? [`encoding: ${source.encoding}`] : []), `language: ${language.evidence}`, `API version: ${detected?.evidence ?? "no evidence in the document; v1.0 assumed"}`, `operation: ${operation ? `${operation.method} ${operation.path}` : "none found"}`],
    assembled,
    payloads,
    errata: [],
  };
  if (!detected) doc.errata.push({ code: "VERSION_UNKNOWN", subject: "API version", description: "nothing in the document says which Graph version it documents (no request URL, no beta notice, no SDK namespace); v1.0 is assumed" });
  if (!operation) doc.errata.push({ code: "OPERATION_UNKNOWN", subject: "operation", description: "the document shows no Graph request line and no SDK call, so its operation is unknown" });
  return doc;
}

/**
 * A payload that could not be read gets no fixture, so its errata (why it could not be read) would
 * be seen nowhere: they become the document's, naming the message they are about.
 */
function keepErrataOfUnwrittenPayloads(doc: CorpusDocument): void {
  for (const r of doc.payloads) {
    if (r.value !== undefined || r.errata.length === 0) continue;
    const message = r.role === "notification" ? `a notification of example ${r.example.number}` : `the ${r.role} of example ${r.example.number}`;
    doc.errata.push(...r.errata.map((e) => ({ ...e, description: `${message} (no fixture): ${e.description}` })));
    r.errata = [];
  }
}

/** The page's operation: its HTTP request section, else its first example request, else an SDK call chain. */
function documentedOperation(syntax: ReadonlyArray<{ method: string; url: string }>, payloads: PayloadRecord[]): Operation | undefined {
  const declared = syntax.find((s) => s.url.startsWith("/communications/")) ?? syntax[0];
  if (declared) return { method: declared.method, path: templatePath(declared.url) };
  const request = payloads.find((p) => p.role === "request" && p.http.method && p.http.path);
  if (request) return { method: request.http.method!, path: templatePath(request.http.path!) };
  return undefined;
}
