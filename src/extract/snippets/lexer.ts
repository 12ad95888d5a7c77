/**
 * One tokenizer for every SDK language: they differ only in comment markers, string quotes and
 * escapes, and whether `$name` is a variable. Tokens keep their 0-based line so issues can point
 * at the snippet line that caused them.
 */
import type { IssueSink } from "./issues.js";

export type TokenKind = "ident" | "string" | "number" | "punct" | "var";

export interface Token {
  kind: TokenKind;
  /** Source text (for strings: the decoded value). */
  text: string;
  line: number;
}

/** How a quoted string's escapes are read. */
export type EscapeStyle = "backslash" | "php-single" | "powershell-double" | "powershell-single";

export interface LexSpec {
  lineComments: readonly string[];
  blockComments?: boolean;
  /** Quote character → escape style. */
  quotes: Readonly<Record<string, EscapeStyle>>;
  /** `$name` is one variable token (PHP, PowerShell). */
  dollarVariables?: boolean;
  /** `Verb-Noun` is one identifier (PowerShell cmdlets). */
  dashedIdentifiers?: boolean;
  /** C# verbatim strings @"..." ("" escapes a quote). */
  verbatimStrings?: boolean;
  /** Go raw strings `...`. */
  backtickRaw?: boolean;
}

const MULTI_CHAR_PUNCT = ["...", "->", "=>", ":=", "::", "?.", "==", "!=", "<=", ">=", "&&", "||", "??"];
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0", v: "\v" };

export function tokenize(code: string, spec: LexSpec, issues: IssueSink): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 0;
  const n = code.length;
  const startsWith = (s: string) => code.startsWith(s, i);
  // Every branch consumes at least one character, so the loop is bounded by the code's length.
  while (i < n) {
    const c = code[i]!;
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const comment = spec.lineComments.find((m) => startsWith(m));
    if (comment !== undefined) {
      while (i < n && code[i] !== "\n") i++;
      continue;
    }
    if (spec.blockComments && startsWith("/*")) {
      const close = code.indexOf("*/", i + 2);
      const stop = close < 0 ? n : close + 2;
      line += countNewlines(code, i, stop);
      i = stop;
      continue;
    }
    if (spec.verbatimStrings && c === "@" && code[i + 1] === '"') {
      const start = line;
      let value = "";
      i += 2;
      while (i < n && !(code[i] === '"' && code[i + 1] !== '"')) {
        if (code[i] === '"') i++;
        if (code[i] === "\n") line++;
        value += code[i];
        i++;
      }
      i++;
      tokens.push({ kind: "string", text: value, line: start });
      continue;
    }
    if (spec.backtickRaw && c === "`") {
      const close = code.indexOf("`", i + 1);
      const stop = close < 0 ? n : close;
      tokens.push({ kind: "string", text: code.slice(i + 1, stop), line });
      line += countNewlines(code, i, stop);
      i = stop + 1;
      continue;
    }
    const style = spec.quotes[c];
    if (style !== undefined) {
      const read = readQuoted(code, i, c, style);
      if (!read.closed) issues.add(line, `unterminated string starting with ${c}`);
      tokens.push({ kind: "string", text: read.value, line });
      line += countNewlines(code, i, read.end);
      i = read.end;
      continue;
    }
    if (spec.dollarVariables && c === "$" && i + 1 < n && IDENT_START.test(code[i + 1]!)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(code[j]!)) j++;
      tokens.push({ kind: "var", text: code.slice(i, j), line });
      i = j;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && (IDENT_PART.test(code[j]!) || (spec.dashedIdentifiers && code[j] === "-" && IDENT_START.test(code[j + 1] ?? "")))) j++;
      tokens.push({ kind: "ident", text: code.slice(i, j), line });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(code[i + 1] ?? ""))) {
      const m = /^(?:0x[0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)[lLfFdDmMuU]*/.exec(code.slice(i, i + 64));
      const text = m ? m[0] : c;
      tokens.push({ kind: "number", text: text.replace(/[lLfFdDmMuU]+$/, ""), line });
      i += text.length;
      continue;
    }
    const multi = MULTI_CHAR_PUNCT.find((p) => startsWith(p));
    const punct = multi ?? c;
    tokens.push({ kind: "punct", text: punct, line });
    i += punct.length;
  }
  return tokens;
}

function countNewlines(code: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to && k < code.length; k++) if (code[k] === "\n") count++;
  return count;
}

function readQuoted(code: string, start: number, quote: string, style: EscapeStyle): { value: string; end: number; closed: boolean } {
  let value = "";
  let i = start + 1;
  while (i < code.length) {
    const c = code[i]!;
    // A backslash-escaped string cannot span lines: stop there so one bad quote does not eat the snippet.
    if (c === "\n" && style === "backslash") return { value, end: i, closed: false };
    if (c === quote) {
      // PowerShell doubles the quote to escape it.
      if (style.startsWith("powershell") && code[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1, closed: true };
    }
    if (style === "powershell-double" && c === "`" && i + 1 < code.length) {
      const e = code[i + 1]!;
      value += SIMPLE_ESCAPES[e] ?? e;
      i += 2;
      continue;
    }
    if (c === "\\" && (style === "backslash" || style === "php-single") && i + 1 < code.length) {
      const e = code[i + 1]!;
      if (style === "php-single") {
        value += e === "\\" || e === quote ? e : c + e;
        i += 2;
        continue;
      }
      if (e === "u" && /^[0-9a-fA-F]{4}$/.test(code.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(code.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      value += SIMPLE_ESCAPES[e] ?? e;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  return { value, end: i, closed: false };
}
