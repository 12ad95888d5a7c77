/**
 * A documentation page as the extractor sees it: its lines, its format, and the language and API
 * version it is in, each with the evidence that decided it.
 */
import fs from "node:fs";
import path from "node:path";
import type { ApiVersion, DocumentFormat } from "../fixtures/model.js";
import { STOPWORDS } from "./vocabulary.js";

export interface SourceDocument {
  /** File name, used in provenance. */
  name: string;
  lines: string[];
  format: DocumentFormat;
  /** Markdown front matter, when there is one. */
  frontMatter: Record<string, string>;
}

export function readDocument(file: string): SourceDocument {
  return parseDocument(path.basename(file), fs.readFileSync(file, "utf8"));
}

export function parseDocument(name: string, text: string): SourceDocument {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const frontMatter = readFrontMatter(lines);
  const markdown = Object.keys(frontMatter).length > 0 || lines.some((l) => /^\s*```/.test(l)) || lines.some((l) => /^#{1,6}\s/.test(l) && /<a name=|\]\(#/.test(l));
  return { name, lines, format: markdown ? "markdown" : "rendered-text", frontMatter };
}

function readFrontMatter(lines: string[]): Record<string, string> {
  if (lines[0]?.trim() !== "---") return {};
  const out: Record<string, string> = {};
  for (let i = 1; i < lines.length && lines[i]!.trim() !== "---"; i++) {
    const m = /^([\w.-]+):\s*(.*)$/.exec(lines[i]!);
    if (m) out[m[1]!] = m[2]!.replace(/^["']|["']$/g, "");
  }
  return out;
}

export interface Determination<T> {
  value: T;
  evidence: string;
}

/** The document's language: front matter locale, else the stopwords of its prose lines. */
export function detectLanguage(doc: SourceDocument, proseLines: string[]): Determination<string> {
  const locale = doc.frontMatter["ms.contentlocale"] ?? doc.frontMatter["locale"];
  if (locale) return { value: locale.split("-")[0]!.toLowerCase(), evidence: `front matter locale ${locale}` };
  const counts = new Map<string, number>();
  for (const line of proseLines) {
    const words = line.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
    for (const [lang, stop] of Object.entries(STOPWORDS)) {
      counts.set(lang, (counts.get(lang) ?? 0) + words.filter((w) => stop.includes(w)).length);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0) return { value: "und", evidence: "no prose to tell the language from" };
  return { value: best[0], evidence: `prose stopwords (${best[0]} ${best[1]}${second ? `, next ${second[0]} ${second[1]}` : ""})` };
}

/** Graph version from request URLs, then a beta disclaimer, then SDK namespaces (given by the caller). */
export function detectApiVersion(doc: SourceDocument, requestUrls: string[], sdkVersions: ApiVersion[]): Determination<ApiVersion> | undefined {
  for (const url of requestUrls) {
    const m = /graph\.microsoft\.[a-z.]+\/(v1\.0|beta)\//.exec(url);
    if (m) return { value: m[1] as ApiVersion, evidence: `request URL ${url}` };
  }
  if (doc.lines.some((l) => /beta-disclaimer|\/graph\/api\/[^)]*\?view=graph-rest-beta/.test(l))) {
    return { value: "beta", evidence: "beta disclaimer include" };
  }
  const distinct = [...new Set(sdkVersions)];
  if (distinct.length === 1) return { value: distinct[0]!, evidence: `SDK namespaces of ${sdkVersions.length} snippet(s)` };
  return undefined;
}
