/**
 * A documentation page as the extractor sees it: its lines, its format, and the language and API
 * version it is in, each with the evidence that decided it.
 */
import fs from "node:fs";
import path from "node:path";
import type { ApiVersion, DocumentFormat } from "../fixtures/model.js";
import { firstInvalidUtf8Offset, knownBinaryFormat } from "../util/text-bytes.js";
import { STOPWORDS } from "./vocabulary.js";

export interface SourceDocument {
  /** File name, used in provenance. */
  name: string;
  lines: string[];
  format: DocumentFormat;
  /** Markdown front matter, when there is one. */
  frontMatter: Record<string, string>;
  /** How the bytes were decoded, when it was not plain UTF-8 ("UTF-16LE (byte order mark)"). */
  encoding?: string;
}

/** A file that is not a text page (binary, compressed, undecodable, empty): nothing can be extracted from it. */
export class DocumentReadError extends Error {}

/** Pages are a few hundred kilobytes; far beyond that is not a page, and would need gigabytes to extract. */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

export function readDocument(file: string, maxBytes = MAX_DOCUMENT_BYTES): SourceDocument {
  const size = fs.statSync(file).size;
  if (size > maxBytes) throw new DocumentReadError(`${path.basename(file)}: too large: ${size} bytes, over the ${maxBytes}-byte limit`);
  return documentFromBytes(path.basename(file), fs.readFileSync(file));
}

export function documentFromBytes(name: string, bytes: Uint8Array): SourceDocument {
  const { text, encoding } = decodeDocument(name, bytes);
  return { ...parseDocument(name, text), ...(encoding ? { encoding } : {}) };
}

/**
 * Bytes -> text: UTF-8 (a byte order mark is dropped), UTF-16 with a byte order mark or, without
 * one, recognised by its zero bytes. Anything else (compressed, binary, invalid UTF-8, empty) is
 * refused with the reason: a page guessed from noise would yield fixtures from noise.
 */
export function decodeDocument(name: string, bytes: Uint8Array): { text: string; encoding?: string } {
  const refuse = (why: string) => new DocumentReadError(`${name}: not a documentation page: ${why}`);
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16.label, { fatal: true }).decode(bytes), encoding: utf16.description };
    } catch {
      throw refuse(`invalid ${utf16.description} text`);
    }
  }
  const format = knownBinaryFormat(bytes);
  if (format) throw refuse(format);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw refuse(`binary data (NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refuse(`binary data or not UTF-8 (invalid UTF-8 at offset ${firstInvalidUtf8Offset(bytes)}; convert a text page with e.g. iconv -f WINDOWS-1252 -t UTF-8)`);
  }
  if (text.trim() === "") throw refuse(bytes.length === 0 ? "empty (0 bytes)" : "only white space");
  const controls = countControls(text);
  if (controls > 8 && controls > text.length / 1000) throw refuse(`binary data (${controls} control characters)`);
  return { text, ...(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? { encoding: "UTF-8 (byte order mark)" } : {}) };
}

/** UTF-16 by its byte order mark, or by zero bytes in every other position of the first kilobytes (ASCII-heavy text). */
function utf16Of(bytes: Uint8Array): { label: "utf-16le" | "utf-16be"; description: string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: "utf-16le", description: "UTF-16LE (byte order mark)" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: "utf-16be", description: "UTF-16BE (byte order mark)" };
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 16) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.9 && evenZeros < pairs * 0.05) return { label: "utf-16le", description: "UTF-16LE (no byte order mark)" };
  if (evenZeros > pairs * 0.9 && oddZeros < pairs * 0.05) return { label: "utf-16be", description: "UTF-16BE (no byte order mark)" };
  return undefined;
}

/** C0 control characters other than the white space text uses (tab, line feed, form feed, carriage return). */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

export function parseDocument(name: string, text: string): SourceDocument {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const frontMatter = readFrontMatter(lines);
  const markdown = Object.keys(frontMatter).length > 0 || lines.some((l) => /^\s*(```|~~~)/.test(l)) || lines.some((l) => /^#{1,6}\s/.test(l) && /<a name=|\]\(#/.test(l));
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
