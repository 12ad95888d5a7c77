/**
 * A linear, non-recursive syntax check of JSON text (RFC 8259), run before JSON.parse. Two reasons:
 * - it bounds the nesting depth: a deeply nested value overflows the stack of everything recursive
 *   downstream (ajv, error rendering, JSON.stringify), so it must be refused before it is built;
 * - it says where the first error is (line, column) in words, which V8 does not always do
 *   (some of its messages carry no position and echo the whole input instead).
 */

export interface ScanFailure {
  /** "syntax": not JSON; "depth": JSON nested deeper than allowed. */
  kind: "syntax" | "depth";
  /** UTF-16 offset of the offending character. */
  offset: number;
  message: string;
}

/** What may come next, and how to say so when something else comes. */
const EXPECT = {
  value: "expected a value",
  valueOrEndOfArray: "expected a value or ']'",
  keyOrEndOfObject: "expected a property name in double quotes or '}'",
  key: "expected a property name in double quotes",
  colon: "expected ':' after the property name",
  commaOrEndOfObject: "expected ',' or '}'",
  commaOrEndOfArray: "expected ',' or ']'",
  end: "expected nothing after the JSON value",
} as const;
type Expect = (typeof EXPECT)[keyof typeof EXPECT];

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const NUMBER_TAIL = /[0-9A-Za-z.+-]/;
const ESCAPABLE = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** The first syntax error or depth violation in `text`, or undefined when it is one JSON value. */
export function scanJson(text: string, maxDepth: number): ScanFailure | undefined {
  const open: Array<"{" | "["> = [];
  let expect: Expect = EXPECT.value;
  let i = 0;
  const syntax = (offset: number, message: string): ScanFailure => ({ kind: "syntax", offset, message });
  const afterValue = (): Expect => (open.length === 0 ? EXPECT.end : open.at(-1) === "{" ? EXPECT.commaOrEndOfObject : EXPECT.commaOrEndOfArray);

  for (;;) {
    i = skipWhitespace(text, i);
    if (i === text.length) return expect === EXPECT.end ? undefined : syntax(i, `unexpected end of input (${expect})`);
    const ch = text[i]!;
    const unexpected = () => syntax(i, `unexpected ${describeChar(text, i)} (${expect})`);

    if (expect === EXPECT.end) return syntax(i, `unexpected ${describeChar(text, i)} after the JSON value`);

    if (ch === "{" || ch === "[") {
      if (expect !== EXPECT.value && expect !== EXPECT.valueOrEndOfArray) return unexpected();
      open.push(ch);
      if (open.length > maxDepth) return { kind: "depth", offset: i, message: `more than ${maxDepth} levels of arrays and objects` };
      expect = ch === "{" ? EXPECT.keyOrEndOfObject : EXPECT.valueOrEndOfArray;
      i++;
    } else if (ch === "}" || ch === "]") {
      const closes = ch === "}" ? "{" : "[";
      const trailingComma = (ch === "}" && expect === EXPECT.key) || (ch === "]" && expect === EXPECT.value && open.at(-1) === "[");
      if (trailingComma) return syntax(i, `trailing comma before '${ch}'`);
      const mayClose = expect === EXPECT.keyOrEndOfObject || expect === EXPECT.valueOrEndOfArray || expect === EXPECT.commaOrEndOfObject || expect === EXPECT.commaOrEndOfArray;
      if (!mayClose || open.at(-1) !== closes) return unexpected();
      open.pop();
      expect = afterValue();
      i++;
    } else if (ch === ",") {
      if (expect !== EXPECT.commaOrEndOfObject && expect !== EXPECT.commaOrEndOfArray) return unexpected();
      expect = expect === EXPECT.commaOrEndOfObject ? EXPECT.key : EXPECT.value;
      i++;
    } else if (ch === ":") {
      if (expect !== EXPECT.colon) return unexpected();
      expect = EXPECT.value;
      i++;
    } else if (ch === '"') {
      const isKey: boolean = expect === EXPECT.key || expect === EXPECT.keyOrEndOfObject;
      if (!isKey && expect !== EXPECT.value && expect !== EXPECT.valueOrEndOfArray) return unexpected();
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      expect = isKey ? EXPECT.colon : afterValue();
      i = end;
    } else {
      if (expect !== EXPECT.value && expect !== EXPECT.valueOrEndOfArray) return unexpected();
      const end = scanScalar(text, i);
      if (typeof end !== "number") return end;
      expect = afterValue();
      i = end;
    }
  }
}

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** The offset just past the string starting at `start` (a double quote), or the failure. */
function scanString(text: string, start: number): number | ScanFailure {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { kind: "syntax", offset: i, message: `unescaped control character ${codePoint(c)} in a string` };
    if (c === 0x5c) {
      const escape = text[i + 1];
      if (escape === "u") {
        if (!HEX4.test(text.slice(i + 2, i + 6))) return { kind: "syntax", offset: i, message: "invalid \\u escape in a string (expected 4 hex digits)" };
        i += 5;
      } else if (escape !== undefined && ESCAPABLE.has(escape)) {
        i += 1;
      } else if (escape !== undefined) {
        return { kind: "syntax", offset: i, message: `invalid escape ${JSON.stringify("\\" + escape).slice(1, -1)} in a string` };
      }
    }
  }
  return { kind: "syntax", offset: start, message: "unterminated string" };
}

/** A number, true, false or null starting at `start`: the offset past it, or the failure. */
function scanScalar(text: string, start: number): number | ScanFailure {
  const ch = text[start]!;
  if (ch === "-" || (ch >= "0" && ch <= "9")) {
    NUMBER.lastIndex = start;
    const end = NUMBER.exec(text) ? NUMBER.lastIndex : start;
    if (end === start || NUMBER_TAIL.test(text[end] ?? "")) return { kind: "syntax", offset: start, message: "invalid number" };
    return end;
  }
  WORD.lastIndex = start;
  const word = WORD.exec(text)?.[0];
  if (word === "true" || word === "false" || word === "null") return start + word.length;
  if (word !== undefined) {
    const shown = word.length > 24 ? word.slice(0, 21) + "..." : word;
    return { kind: "syntax", offset: start, message: `unexpected word "${shown}" (expected a value: an object, array, string in double quotes, number, true, false or null)` };
  }
  if (ch === "'") return { kind: "syntax", offset: start, message: "strings must be in double quotes" };
  if (ch === "/") return { kind: "syntax", offset: start, message: "comments are not allowed in JSON" };
  return { kind: "syntax", offset: start, message: `unexpected ${describeChar(text, start)} (${EXPECT.value})` };
}

function describeChar(text: string, i: number): string {
  const c = text.codePointAt(i)!;
  return c > 0x20 && c < 0x7f ? `'${String.fromCodePoint(c)}'` : codePoint(c);
}

function codePoint(c: number): string {
  return "U+" + c.toString(16).toUpperCase().padStart(4, "0");
}

/** 1-based line and column of a UTF-16 offset (columns count UTF-16 code units, as editors mostly do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
