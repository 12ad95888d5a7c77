/**
 * A token cursor with the pieces every language parser needs: lookahead, balanced skipping,
 * comma-separated lists with trailing commas, and scalar literals. Every loop advances or stops,
 * so malformed snippets cannot hang a parser.
 */
import type { IssueSink } from "./issues.js";
import type { Token } from "./lexer.js";
import type { Value } from "./model.js";

const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS = new Set([")", "]", "}"]);

export class Cursor {
  pos = 0;
  constructor(
    readonly tokens: readonly Token[],
    readonly issues: IssueSink,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token | undefined {
    const t = this.tokens[this.pos];
    if (t) this.pos++;
    return t;
  }
  done(): boolean {
    return this.pos >= this.tokens.length;
  }
  /** Line of the current token (or of the last one at the end). */
  get line(): number {
    return (this.peek() ?? this.tokens[this.tokens.length - 1])?.line ?? 0;
  }
  /** The current token is punctuation or an identifier with this text. */
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && (t.kind === "punct" || t.kind === "ident") && t.text === text;
  }
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.pos++;
    return true;
  }
  expect(text: string, context: string): boolean {
    if (this.accept(text)) return true;
    const t = this.peek();
    this.issues.add(this.line, `expected \`${text}\` ${context}, found ${t ? `\`${t.text}\`` : "the end of the snippet"}`);
    return false;
  }
  /** Skips one token, or a whole bracketed group when the current token opens one. */
  skipBalanced(): void {
    const first = this.next();
    if (!first || first.kind !== "punct" || !(first.text in OPENERS)) return;
    let depth = 1;
    while (depth > 0 && !this.done()) {
      const t = this.next()!;
      if (t.kind !== "punct") continue;
      if (t.text in OPENERS) depth++;
      else if (CLOSERS.has(t.text)) depth--;
    }
  }
  /** Skips `<...>` generic arguments (nested) when the cursor is on `<`. */
  skipGenerics(): void {
    if (!this.is("<")) return;
    let depth = 0;
    do {
      const t = this.next()!;
      if (t.text === "<") depth++;
      else if (t.text === ">") depth--;
      else if (t.text === ">>") depth -= 2;
    } while (depth > 0 && !this.done() && !this.is(";") && !this.is("{"));
  }
  /** Skips to just after `terminator` at the current nesting level (or to the end). */
  skipPast(terminator: string): void {
    while (!this.done()) {
      if (this.accept(terminator)) return;
      this.skipBalanced();
    }
  }
  /** Skips the rest of the current line's tokens (and any group opened on it). */
  skipLine(): void {
    const line = this.line;
    while (!this.done() && this.peek()!.line === line) this.skipBalanced();
  }

  /**
   * Reads items up to `close` (consumed). Items are separated by commas (trailing comma allowed);
   * with `newlineSeparates` a line break separates too. `onTrailingComma` lets JSON report it.
   */
  delimited(close: string, readItem: () => void, options: { newlineSeparates?: boolean; onTrailingComma?: (line: number) => void } = {}): void {
    while (!this.done() && !this.is(close)) {
      const before = this.pos;
      const line = this.peek()!.line;
      readItem();
      if (this.pos === before) {
        this.issues.add(this.line, `unexpected \`${this.peek()!.text}\`; skipped`);
        this.skipBalanced();
        continue;
      }
      if (this.is(",")) {
        const commaLine = this.line;
        this.pos++;
        if (this.is(close)) options.onTrailingComma?.(commaLine);
        continue;
      }
      if (this.is(";") && close === "}") {
        this.pos++;
        continue;
      }
      if (options.newlineSeparates && !this.done() && this.peek()!.line > line) continue;
      if (!this.is(close)) {
        this.issues.add(this.line, `expected \`,\` or \`${close}\`, found \`${this.peek()?.text ?? "end"}\`; skipped to \`${close}\``);
        while (!this.done() && !this.is(close)) this.skipBalanced();
      }
    }
    this.expect(close, "to close the list");
  }

  /** A string or number literal (with a leading minus), or a keyword from `keywords`. */
  readScalar(keywords: Readonly<Record<string, Value>>): { value: Value } | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.kind === "string") {
      this.pos++;
      return { value: t.text };
    }
    if (t.kind === "number") {
      this.pos++;
      return { value: Number(t.text) };
    }
    if (t.kind === "punct" && t.text === "-" && this.peek(1)?.kind === "number") {
      this.pos += 2;
      return { value: -Number(this.tokens[this.pos - 1]!.text) };
    }
    if ((t.kind === "ident" || t.kind === "var") && Object.prototype.hasOwnProperty.call(keywords, t.text)) {
      this.pos++;
      return { value: keywords[t.text]! };
    }
    return undefined;
  }
}
