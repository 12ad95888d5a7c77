/**
 * Finds SDK snippets in rendered doc pages, where code has no fences: a snippet starts at an SDK
 * header comment or a language's opening line, and ends at its SDK call (the last code line), or
 * before whatever cannot belong to it (another snippet, prose, an HTTP line, a JSON block).
 */
import { detectSnippetLanguage } from "./detect.js";
import type { SnippetLanguage, SnippetScan } from "./types.js";

/** The generators' header comment; its version numbers are not to be relied on. */
const HEADER = /^\s*(\/\/|#)\s*Code snippets are only available\b/i;

/** Lines that open a snippet whatever comes before them. */
const STRONG_STARTS: ReadonlyArray<[RegExp, SnippetLanguage]> = [
  [/^\s*<\?php\b/, "php"],
  [/^\s*Import-Module\s+Microsoft\.Graph/, "powershell"],
  [/^\s*mgc(-beta)?\s+[a-z]/, "cli"],
  [/^\s*const\s+options\s*=\s*\{\s*$/, "javascript"],
];

/** Lines that open a snippet when the page has no header for it. */
const WEAK_STARTS: ReadonlyArray<[RegExp, SnippetLanguage]> = [
  [/^\s*using\s+Microsoft\.Graph[\w.]*;/, "csharp"],
  [/^\s*var\s+requestBody\s*=\s*new\b/, "csharp"],
  [/^\s*import\s*\(\s*$/, "go"],
  [/^\s*requestBody\s*:=\s*\w+\.New\w*\(/, "go"],
  [/^\s*GraphServiceClient\s+graphClient\s*=\s*new\s+GraphServiceClient\(/, "java"],
  [/^\s*import\s+com\.microsoft\.graph\./, "java"],
  [/^\s*from\s+msgraph(_beta)?[\s.]/, "python"],
  [/^\s*(const|let)\s+client\s*=\s*Client\.init\(/, "javascript"],
];

/** The statement that sends the request: the snippet's last code line (or its first line). */
const INVOCATION: Readonly<Record<SnippetLanguage, RegExp | undefined>> = {
  csharp: /\bgraphClient\s*\./,
  java: /\bgraphClient\s*\.\s*\w+\s*\(/,
  go: /\bgraphClient\s*\.\s*\w+\s*\(/,
  php: /\$graphServiceClient\s*->\s*\w+/,
  python: /\bgraph_client\s*\.\s*\w+/,
  javascript: /\bclient\s*\.\s*api\s*\(/,
  powershell: /^\s*[A-Z][a-z]+-Mg\w+/,
  cli: undefined,
};

const SEMICOLON_LANGUAGES = new Set<SnippetLanguage>(["csharp", "java", "php", "javascript"]);
const HASH_COMMENT_LANGUAGES = new Set<SnippetLanguage>(["python", "powershell"]);
/** Code lines that can be plain words (`from msgraph import GraphServiceClient`). */
const CODE_KEYWORD_LINE = /^\s*(from|import|using|use|package|return|await|var|const|let|new)\s/;
const HTTP_LINE = /^\s*((GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(https?:\/\/|\/)\S*|HTTP\/\d(\.\d)?\s+\d{3})/;
/** How far a header may stand from the code it announces. */
const HEADER_LOOKAHEAD = 12;
/** Longest snippet we follow; the SDK generators stay far below. */
const MAX_SNIPPET_LINES = 3000;

/**
 * The snippet starting at lines[i], if one does, looking no further than lines[limit - 1] (the end
 * of the fence or page being read): a bound, not a copy, so scanning a page stays linear.
 */
export function scanSnippet(lines: readonly string[], i: number, limit = lines.length): SnippetScan | undefined {
  if (i >= limit || lines[i] === undefined) return undefined;
  const language = startLanguage(lines, i, limit);
  if (language === undefined) return undefined;
  const end = language === "cli" ? cliEnd(lines, i, limit) : codeEnd(lines, i, language, limit);
  return end === undefined ? undefined : { language, start: i, end };
}

function startLanguage(lines: readonly string[], i: number, limit: number): SnippetLanguage | undefined {
  const line = lines[i]!;
  const header = HEADER.exec(line);
  if (header) return headerLanguage(lines, i, header[1] === "#", limit);
  const strong = STRONG_STARTS.find(([r]) => r.test(line))?.[1];
  if (strong) return strong;
  // A weak start is only a hint (old C# and Java both open with `GraphServiceClient graphClient = new`).
  const weak = WEAK_STARTS.find(([r]) => r.test(line))?.[1];
  return weak && (detectSnippetLanguage(following(lines, i - 1, limit).join("\n")) ?? weak);
}

/** The language a header announces, read from the code after it (not from the header's wording). */
function headerLanguage(lines: readonly string[], i: number, hashComment: boolean, limit: number): SnippetLanguage | undefined {
  const detected = detectSnippetLanguage(following(lines, i, limit).join("\n"));
  if (detected !== undefined) return detected;
  return hashComment ? "python" : undefined;
}

/** The lines after `i` that can belong to the same snippet, for telling its language. */
function following(lines: readonly string[], i: number, limit: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < limit && j <= i + HEADER_LOOKAHEAD; j++) {
    const l = lines[j]!;
    if (HEADER.test(l) || STRONG_STARTS.some(([r]) => r.test(l)) || isBoundaryText(l)) break;
    out.push(l);
  }
  return out;
}

function isBoundaryText(line: string): boolean {
  return HTTP_LINE.test(line) || looksLikeProse(line);
}

/** A sentence, not code: mostly plain words and no code punctuation. */
export function looksLikeProse(line: string): boolean {
  const t = line.trim();
  if (/[;{}=]|:=|=>|->/.test(t) || CODE_KEYWORD_LINE.test(t)) return false;
  if (/[(,[\\]$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length < 5) return false;
  const plain = words.filter((w) => /^[("«]?[\p{L}][\p{L}'’-]*[)"»]?[.,:;!?]?$/u.test(w)).length;
  return plain / words.length >= 0.7;
}

/** Code minus strings and the trailing comment, for bracket counting. */
function stripLine(line: string, language: SnippetLanguage): string {
  let s = line.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
  const comment = HASH_COMMENT_LANGUAGES.has(language) ? s.indexOf("#") : s.indexOf("//");
  if (comment >= 0) s = s.slice(0, comment);
  return s;
}

function isComment(line: string, language: SnippetLanguage): boolean {
  const t = line.trim();
  return HASH_COMMENT_LANGUAGES.has(language) ? t.startsWith("#") : t.startsWith("//") || t.startsWith("/*") || t.startsWith("*");
}

function bracketDelta(code: string): number {
  let delta = 0;
  for (const c of code) {
    if (c === "{" || c === "(" || c === "[") delta++;
    else if (c === "}" || c === ")" || c === "]") delta--;
  }
  return delta;
}

/** A line that starts something else: another snippet (of any language), or not code at all. */
function isBoundary(lines: readonly string[], j: number, language: SnippetLanguage, depth: number, statementOpen: boolean): boolean {
  const line = lines[j]!;
  if (HEADER.test(line) || STRONG_STARTS.some(([r]) => r.test(line))) return true;
  const weak = WEAK_STARTS.find(([r]) => r.test(line));
  if (weak && weak[1] !== language && depth === 0) return true;
  if (isComment(line, language)) return false;
  if (isBoundaryText(line)) return true;
  if (depth > 0 || line.trim() === "") return false;
  // At statement level: a JSON block, or a word with no code punctuation ("Response", "Copy").
  if (/^\s*[{[]\s*$/.test(line) && !statementOpen) return true;
  return !/[;{}()[\]=.,:"'$@<>&]/.test(line) && !CODE_KEYWORD_LINE.test(line);
}

function codeEnd(lines: readonly string[], start: number, language: SnippetLanguage, end: number): number | undefined {
  const invocation = INVOCATION[language];
  let depth = 0;
  let lastCode: number | undefined;
  let inInvocation = false;
  let statementOpen = false;
  const limit = Math.min(end, start + MAX_SNIPPET_LINES);
  for (let j = start; j < limit; j++) {
    const line = lines[j]!;
    if (j > start && isBoundary(lines, j, language, depth, statementOpen)) break;
    if (line.trim() === "" || isComment(line, language)) continue;
    const code = stripLine(line, language);
    depth = Math.max(0, depth + bracketDelta(code));
    lastCode = j;
    if (invocation?.test(code) && !/^\s*GraphServiceClient\s/.test(code)) inInvocation = true;
    const trimmed = code.trimEnd();
    statementOpen = SEMICOLON_LANGUAGES.has(language) ? !/[;}]$/.test(trimmed) : depth > 0;
    if (inInvocation && depth === 0) {
      const next = j + 1 < end ? lines[j + 1]! : "";
      const complete = SEMICOLON_LANGUAGES.has(language) ? trimmed.endsWith(";") : !/^\s*\./.test(next) && !trimmed.endsWith("`");
      if (complete) return j;
    }
  }
  // No SDK call: the snippet is cut short; it ends at its last code line.
  return lastCode !== undefined && !(lastCode === start && HEADER.test(lines[start]!)) ? lastCode : undefined;
}

/** mgc commands: `\` continues a line; the --body quote may span lines. */
function cliEnd(lines: readonly string[], start: number, end: number): number | undefined {
  let quote: string | undefined;
  const limit = Math.min(end, start + MAX_SNIPPET_LINES);
  for (let j = start; j < limit; j++) {
    const line = lines[j]!;
    if (j > start && quote === undefined && (HEADER.test(line) || STRONG_STARTS.some(([r]) => r.test(line)) || isBoundaryText(line))) return j - 1;
    for (const c of line) {
      if (quote === undefined && (c === "'" || c === '"')) quote = c;
      else if (c === quote) quote = undefined;
    }
    if (quote === undefined && !line.trimEnd().endsWith("\\")) return j;
  }
  return limit - 1;
}
