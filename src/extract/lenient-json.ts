/**
 * A JSON reader for documentation payloads: it accepts what the docs publish (trailing commas,
 * comments, unquoted <placeholders>, "..." elisions, truncated blocks) and reports every deviation
 * with its position, so each repair becomes an erratum instead of a silent fix.
 */
import type { JsonValue } from "../util/json.js";

export type RepairCode = "JSON_TRAILING_COMMA" | "JSON_COMMENT" | "JSON_UNQUOTED_PLACEHOLDER" | "JSON_ELLIPSIS" | "JSON_TRUNCATED" | "JSON_SINGLE_QUOTES";

export interface Repair {
  code: RepairCode;
  /** 1-based line and column within the parsed text. */
  line: number;
  column: number;
  description: string;
}

export type LenientResult =
  | { ok: true; value: JsonValue; repairs: Repair[] }
  | { ok: false; error: string; line: number; column: number; repairs: Repair[] };

class ParseFailure extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MAX_DEPTH = 256;
/** Sticky: matches at lastIndex only, without copying the rest of the text. */
const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

export function parseLenientJson(text: string): LenientResult {
  const parser = new Parser(text);
  try {
    const value = parser.document();
    return { ok: true, value, repairs: parser.repairs };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    const { line, column } = parser.position(e.offset);
    return { ok: false, error: e.message, line, column, repairs: parser.repairs };
  }
}

class Parser {
  readonly repairs: Repair[] = [];
  private i = 0;
  private depth = 0;

  constructor(private readonly s: string) {}

  document(): JsonValue {
    this.space();
    const value = this.value();
    this.space();
    if (this.i < this.s.length) throw new ParseFailure(`unexpected ${JSON.stringify(this.s[this.i])} after the JSON value`, this.i);
    return value;
  }

  /** Line starts, found once: a block with many repairs must not rescan its text for each. */
  private lineStarts: number[] | undefined;

  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.s.indexOf("\n"); i !== -1; i = this.s.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    }
    // The last line start at or before offset.
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private repair(code: RepairCode, offset: number, description: string): void {
    this.repairs.push({ code, ...this.position(offset), description });
  }

  private space(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
      if (this.s.startsWith("//", this.i)) {
        const start = this.i;
        const end = this.s.indexOf("\n", this.i);
        this.i = end === -1 ? this.s.length : end;
        this.repair("JSON_COMMENT", start, `comment ${JSON.stringify(this.s.slice(start, this.i).trim())} removed`);
      } else if (this.s.startsWith("/*", this.i)) {
        const start = this.i;
        const end = this.s.indexOf("*/", this.i + 2);
        this.i = end === -1 ? this.s.length : end + 2;
        this.repair("JSON_COMMENT", start, "block comment removed");
      } else {
        return;
      }
    }
  }

  private value(): JsonValue {
    this.space();
    const c = this.s[this.i];
    if (c === undefined) throw new ParseFailure("unexpected end of text", this.i);
    if (c === "{" || c === "[") {
      if (++this.depth > MAX_DEPTH) throw new ParseFailure(`nesting deeper than ${MAX_DEPTH}`, this.i);
      const v = c === "{" ? this.object() : this.array();
      this.depth--;
      return v;
    }
    if (c === '"' || c === "'") return this.string();
    if (c === "<") return this.unquotedPlaceholder();
    if (/[-0-9]/.test(c)) return this.number();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    throw new ParseFailure(`unexpected ${JSON.stringify(c)}`, this.i);
  }

  /** Collections share the separator logic; `end` is the closing bracket, `item` reads one entry. */
  private collection(end: "}" | "]", item: () => void): void {
    const open = this.i;
    this.i++;
    let expectItem = true;
    let lastComma = -1;
    for (;;) {
      this.space();
      const c = this.s[this.i];
      if (c === undefined) {
        this.repair("JSON_TRUNCATED", open, `block ends before its closing "${end}": closed`);
        return;
      }
      if (c === end) {
        if (lastComma !== -1 && expectItem) this.repair("JSON_TRAILING_COMMA", lastComma, `trailing comma before "${end}" removed`);
        this.i++;
        return;
      }
      if (this.s.startsWith("...", this.i) || c === "…") {
        const start = this.i;
        this.i += c === "…" ? 1 : 3;
        this.repair("JSON_ELLIPSIS", start, "elided content (...) removed");
        this.space();
        if (this.s[this.i] === ",") this.i++;
        // The comma before an elision separates it from the previous item: it is not a trailing comma.
        lastComma = -1;
        expectItem = true;
        continue;
      }
      if (!expectItem) throw new ParseFailure(`expected "," or "${end}"`, this.i);
      item();
      this.space();
      if (this.s[this.i] === ",") {
        lastComma = this.i;
        this.i++;
        expectItem = true;
      } else {
        expectItem = false;
      }
    }
  }

  private object(): JsonValue {
    const out: { [k: string]: JsonValue } = {};
    this.collection("}", () => {
      if (this.s[this.i] !== '"' && this.s[this.i] !== "'") throw new ParseFailure("expected a quoted property name", this.i);
      const key = this.string();
      this.space();
      if (this.s[this.i] !== ":") throw new ParseFailure(`expected ":" after ${JSON.stringify(key)}`, this.i);
      this.i++;
      // defineProperty: a "__proto__" key in a document must stay data, never touch the prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
    });
    return out;
  }

  private array(): JsonValue {
    const out: JsonValue[] = [];
    this.collection("]", () => out.push(this.value()));
    return out;
  }

  private string(): string {
    const quote = this.s[this.i]!;
    const start = this.i;
    if (quote === "'") this.repair("JSON_SINGLE_QUOTES", start, "single-quoted string read as a JSON string");
    let j = this.i + 1;
    let raw = "";
    while (j < this.s.length && this.s[j] !== quote) {
      if (this.s[j] === "\n") throw new ParseFailure("string not closed on its line", start);
      if (this.s[j] === "\\") {
        raw += this.s.slice(j, j + 2);
        j += 2;
      } else {
        raw += this.s[j];
        j++;
      }
    }
    if (j >= this.s.length) throw new ParseFailure("string not closed", start);
    this.i = j + 1;
    try {
      return JSON.parse(`"${quote === "'" ? raw.replace(/\\'/g, "'").replace(/"/g, '\\"') : raw}"`) as string;
    } catch {
      throw new ParseFailure("invalid escape in string", start);
    }
  }

  private unquotedPlaceholder(): string {
    const start = this.i;
    const end = this.s.indexOf(">", this.i);
    if (end === -1 || this.s.slice(start, end).includes("\n")) throw new ParseFailure(`unexpected "<"`, start);
    this.i = end + 1;
    const text = this.s.slice(start, this.i);
    this.repair("JSON_UNQUOTED_PLACEHOLDER", start, `unquoted placeholder ${text} read as a string`);
    return text;
  }

  private number(): number {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) throw new ParseFailure("invalid number", this.i);
    this.i += m[0].length;
    return Number(m[0]);
  }
}

/**
 * Where a JSON block that starts on lines[start] ends: the line where its brackets balance, or,
 * for a truncated block, the last line that still looks like JSON. Strings are respected.
 */
export function findJsonBlockEnd(lines: readonly string[], start: number, limit = lines.length): { end: number; balanced: boolean } {
  let depth = 0;
  let lastJsonLike = start;
  for (let n = start; n < limit; n++) {
    const line = lines[n]!;
    if (n > start && depth > 0 && !looksLikeJsonLine(line)) return { end: lastJsonLike, balanced: false };
    let inString: string | null = null;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (inString) {
        if (c === "\\") k++;
        else if (c === inString) inString = null;
      } else if (c === '"') {
        inString = c;
      } else if (c === "{" || c === "[") {
        depth++;
      } else if (c === "}" || c === "]") {
        depth--;
        if (depth === 0) return { end: n, balanced: true };
      }
    }
    if (line.trim() !== "") lastJsonLike = n;
  }
  return { end: lastJsonLike, balanced: false };
}

/** A line that can belong to a JSON document (pretty-printed or not). */
export function looksLikeJsonLine(line: string): boolean {
  const t = line.trim();
  return t === "" || /^["{}[\]\-0-9,:<.…]|^(true|false|null)\b|^\/\//.test(t);
}
