/** Documents -> tokens. Rendered pages are classified line by line; markdown goes through fences and spans first. */
import { isObject } from "../util/json.js";
import type { SourceDocument } from "./document.js";
import { findJsonBlockEnd, parseLenientJson } from "./lenient-json.js";
import { scanSnippet, detectSnippetLanguage } from "./snippets/index.js";
import type { Header, Token } from "./tokens.js";
import { EXAMPLE_HEADING, HTTP_REQUEST_HEADING, NOTIFICATION_HEADING, REQUEST_HEADING, RESPONSE_HEADING } from "./vocabulary.js";

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/;
/** Header names: hyphenated words (Content-Type) or the single-word headers docs show. Keeps "Note: ..." prose out. */
const HEADER_LINE = /^((?:[A-Z][A-Za-z0-9]*-)+[A-Za-z0-9]+|Location|Authorization|Host|Accept|Prefer|Cookie|Date|Server):\s*(.*)$/i;

export function tokenize(doc: SourceDocument): Token[] {
  return doc.format === "markdown" ? tokenizeMarkdown(doc.lines) : tokenizeRendered(doc.lines, 0, doc.lines.length);
}

/**
 * Classify lines[from, to) of a rendered page (also used for the inside of markdown code fences).
 * Line numbers in tokens are absolute (index + 1).
 */
export function tokenizeRendered(lines: readonly string[], from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === "") {
      i++;
      continue;
    }
    const snippet = scanSnippet(lines, i, to);
    if (snippet) {
      tokens.push({ kind: "snippet", start: snippet.start + 1, end: snippet.end + 1, language: snippet.language, code: lines.slice(snippet.start, snippet.end + 1).join("\n") });
      i = snippet.end + 1;
      continue;
    }
    const request = REQUEST_LINE.exec(trimmed);
    const status = STATUS_LINE.exec(trimmed);
    if (request || status) {
      const { headers, next } = readHeaders(lines, i + 1, to);
      tokens.push(request
        ? { kind: "request", line: i + 1, method: request[1]!, url: request[2]!, headers }
        : { kind: "status", line: i + 1, status: Number(status![1]), reason: status![2]!.trim(), headers });
      i = next;
      continue;
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      const { end, balanced } = findJsonBlockEnd(lines, i, to);
      tokens.push({ kind: "json", start: i + 1, end: end + 1, text: lines.slice(i, end + 1).join("\n"), balanced });
      i = end + 1;
      continue;
    }
    tokens.push(isHeading(trimmed)
      ? { kind: "heading", line: i + 1, text: trimmed, source: null, level: null }
      : { kind: "prose", line: i + 1, text: trimmed, source: null });
    i++;
  }
  return tokens;
}

function readHeaders(lines: readonly string[], from: number, to: number): { headers: Header[]; next: number } {
  const headers: Header[] = [];
  let i = from;
  for (; i < to; i++) {
    const m = HEADER_LINE.exec(lines[i]!.trim());
    if (!m) break;
    headers.push({ name: m[1]!, value: m[2]!.trim(), line: i + 1 });
  }
  return { headers, next: i };
}

function isHeading(text: string): boolean {
  if (text.length > 120) return false;
  return EXAMPLE_HEADING.test(text) || NOTIFICATION_HEADING.test(text) || REQUEST_HEADING.test(text) || RESPONSE_HEADING.test(text) || HTTP_REQUEST_HEADING.test(text);
}

/**
 * A CommonMark code fence: three or more backticks or tildes, then an info string whose first word
 * is the language (```json title="Request", ~~~http, ````jsonc). Backtick info strings hold no
 * backtick. Docs indent fences inside list items, so any indentation is accepted.
 */
const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Code-tab markers of docs markdown: "# [HTTP](#tab/http)"; they are not section headings. */
const TAB_MARKER = /\]\(#tab\/[\w-]+\)\s*$/;
const INCLUDE = /^\s*\[!INCLUDE\s*\[[^\]]*\]\(([^)]*)\)\]\s*$/;

function tokenizeMarkdown(lines: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let i = lines[0]?.trim() === "---" ? skipFrontMatter(lines) : 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const fence = openingFence(raw);
    if (fence) {
      const close = findFenceEnd(lines, i + 1, fence.marker);
      tokens.push(...tokenizeFence(lines, fence.language, i + 1, close));
      i = close + 1;
      continue;
    }
    if (raw.trimStart().startsWith("<!--")) {
      const end = findCommentEnd(lines, i);
      const text = lines.slice(i, end + 1).join("\n");
      const inner = text.replace(/^\s*<!--/, "").replace(/-->\s*$/, "").trim();
      const parsed = inner.startsWith("{") ? parseLenientJson(inner) : undefined;
      if (parsed?.ok && isObject(parsed.value)) tokens.push({ kind: "meta", line: i + 1, data: parsed.value, text: inner });
      i = end + 1;
      continue;
    }
    const include = INCLUDE.exec(raw);
    if (include) {
      tokens.push({ kind: "include", line: i + 1, target: include[1]! });
      i++;
      continue;
    }
    const { text, source } = delocalize(raw);
    const heading = HEADING.exec(text);
    if (heading && !TAB_MARKER.test(raw)) {
      tokens.push({ kind: "heading", line: i + 1, text: heading[2]!.trim(), source: source ? source.replace(/^#+\s*/, "").trim() : null, level: heading[1]!.length });
    } else if (text.trim() !== "" && !TAB_MARKER.test(raw) && text.trim() !== "---") {
      tokens.push({ kind: "prose", line: i + 1, text: text.trim().replace(/^>\s*/, ""), source });
    }
    i++;
  }
  return tokens;
}

function openingFence(line: string): { marker: string; language: string } | undefined {
  const m = FENCE_OPEN.exec(line);
  if (!m) return undefined;
  const [, marker, info] = m as unknown as [string, string, string];
  if (marker.startsWith("`") && info.includes("`")) return undefined;
  // "json", "JSON", "{.json}", "json title=\"...\"", "http:request": the language is the first word.
  const language = /^\s*\{?\.?([\w#+-]*)/.exec(info)![1]!.toLowerCase();
  return { marker, language };
}

const JSON_LANGUAGES = new Set(["json", "jsonc", "json5"]);
const HTTP_LANGUAGES = new Set(["", "http", "https", "text", "txt", "console", "shell"]);

function tokenizeFence(lines: readonly string[], language: string, from: number, to: number): Token[] {
  if (JSON_LANGUAGES.has(language)) {
    const text = lines.slice(from, to).join("\n");
    return text.trim() === "" ? [] : [{ kind: "json", start: from + 1, end: to, text, balanced: findJsonBlockEnd(lines, from, to).balanced }];
  }
  if (HTTP_LANGUAGES.has(language)) return tokenizeRendered(lines, from, to);
  const code = lines.slice(from, to).join("\n");
  const snippet = detectSnippetLanguage(code);
  if (snippet) return [{ kind: "snippet", start: from + 1, end: to, language: snippet, code }];
  // A language we do not read: skipped, unless it holds a message (JSON or an HTTP line), which must not be lost.
  const first = lines.slice(from, to).find((l) => l.trim() !== "")?.trim() ?? "";
  return /^[{[]/.test(first) || REQUEST_LINE.test(first) || STATUS_LINE.test(first) ? tokenizeRendered(lines, from, to) : [];
}

function skipFrontMatter(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trim() === "---") return i + 1;
  return 0;
}

/** The closing fence: the same character, at least as many, nothing after; an unclosed fence runs to the end. */
function findFenceEnd(lines: readonly string[], from: number, marker: string): number {
  const char = marker[0]!;
  for (let i = from; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.length >= marker.length && t[0] === char && /^(`+|~+)$/.test(t)) return i;
  }
  return lines.length;
}

function findCommentEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes("-->")) return i;
  return lines.length - 1;
}

const LOCALIZED_PAIR = /<span data-ttu-id="[^"]*">(.*?)<\/span><span class="sxs-lookup"><span data-stu-id="[^"]*">(.*?)<\/span><\/span>/g;

/** Localized docs pair each translated span with the original: keep both, without markup. */
export function delocalize(line: string): { text: string; source: string | null } {
  let hadPair = false;
  const strip = (s: string) => s.replace(/<a name="[^"]*"><\/a>/g, "").replace(/<\/?span[^>]*>/g, "");
  const text = line.replace(LOCALIZED_PAIR, (_m, translated: string) => {
    hadPair = true;
    return translated;
  });
  const source = hadPair ? line.replace(LOCALIZED_PAIR, (_m, _t: string, original: string) => original) : null;
  return { text: strip(text), source: source === null ? null : strip(source) };
}
