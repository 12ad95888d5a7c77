/** The extractor's working model between reading documents and writing fixtures. */
import type { JsonValue } from "../util/json.js";
import type { ApiVersion, Erratum, HttpLine, LineRange, Role } from "../fixtures/model.js";
import type { AssembledDocument, AssembledExample } from "./assemble.js";
import type { SnippetEvidence } from "./consensus.js";
import type { SourceDocument } from "./document.js";
import type { Operation } from "./page.js";

export interface PayloadRecord {
  role: Role;
  example: AssembledExample;
  /** Heading of the notification section, as published, and its untranslated original. */
  section: string | null;
  sectionSource: string | null;
  variant: string | null;
  variantSource: string | null;
  lines: LineRange;
  http: HttpLine;
  origin: "json" | "snippets";
  /** SDK snippets: the source of a rebuilt request, or cross-check evidence for a published one. */
  snippets: SnippetEvidence[];
  /** The text as published (null for rebuilt or body-less messages). */
  raw: string | null;
  /** Parsed and repaired; null when the message has no body; undefined when it could not be parsed. */
  value: JsonValue | null | undefined;
  errata: Erratum[];
  /** Set once repairs changed the value (then `raw` is kept in the fixture). */
  repaired: boolean;
}

export interface CorpusDocument {
  source: SourceDocument;
  /** Where its fixtures are written: documentKey(), or with the file name when another document of the run has the same one. */
  key: string;
  operation: Operation | undefined;
  page: string;
  language: string;
  apiVersion: ApiVersion;
  evidence: string[];
  assembled: AssembledDocument;
  payloads: PayloadRecord[];
  /** Defects of the document as a whole. */
  errata: Erratum[];
}

/** A short, stable key for a document: page, language and version, e.g. "call-transfer.fr.v1.0". */
export function documentKey(doc: Pick<CorpusDocument, "page" | "language" | "apiVersion">): string {
  return `${doc.page}.${doc.language}.${doc.apiVersion}`;
}
