/**
 * Go snippets (msgraph-sdk-go): `x := graphmodels.NewT()`, `v := "s"` + `x.SetP(&v)`, slice and
 * map composite literals, then `graphClient....Post(ctx, body, nil)`.
 *
 * The generator emits invalid Go that this module reads best-effort and reports: statements
 * inside composite literals, `:=` redeclarations, `null` for nil, and `&reg` mangled to `®`.
 */
import { readLinks, type Link } from "./chain.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { IssueSink } from "./issues.js";
import type { LexSpec } from "./lexer.js";
import { constructed, describe, isCompound, type ListValue, type MapValue, newList, newMap, newObject, unknown, type Value } from "./model.js";
import { goEnumValue, isUpperConstant, propertyKey, setterProperty } from "./names.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//"], blockComments: true, quotes: { '"': "backslash", "'": "backslash" }, backtickRaw: true };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, nil: null };
/** HTML entities browsers decode without a semicolon, which turn `&region` into `®ion`. */
const MANGLED_ENTITIES: Readonly<Record<string, string>> = { "®": "&reg", "©": "&copy", "¶": "&para", "¬": "&not", "§": "&sect", "×": "&times", "°": "&deg", "µ": "&micro" };

class GoReader {
  readonly issues: IssueSink;
  /** Names declared so far, to report `:=` redeclarations. */
  private readonly declared = new Set<string>();

  constructor(
    readonly cur: Cursor,
    readonly it: Interpreter,
  ) {
    this.issues = it.issues;
  }

  topLevel(): void {
    const cur = this.cur;
    if (cur.is("import") || cur.is("package")) {
      cur.next();
      if (cur.is("(")) cur.skipBalanced();
      else cur.skipLine();
      return;
    }
    this.statement(undefined);
  }

  /** One statement; `literal` is set when it stands (invalidly) inside a composite literal. */
  private statement(literal: LiteralScope | undefined): void {
    const cur = this.cur;
    const line = cur.line;
    const targets = this.assignmentTargets();
    if (targets) {
      const value = this.expr();
      targets.names.forEach((name, k) => {
        if (name === "_") return;
        this.it.env.set(name, k === 0 ? value : unknown(line, name));
        literal?.declared.add(name);
      });
      if (literal) this.issues.add(line, `statement \`${targets.names.join(", ")} ${targets.op} …\` inside a ${literal.what} is not valid Go`);
      return;
    }
    const root = cur.peek();
    if (root?.kind !== "ident") {
      this.issues.add(line, `\`${root?.text ?? "end"}\` does not start a statement; line skipped`);
      cur.skipLine();
      return;
    }
    cur.next();
    const links = readLinks(cur, ["."], () => this.expr());
    if (literal && !literal.declared.has(root.text) && this.it.env.has(root.text)) this.guessLiteralPart(literal, root.text, links, line);
    else this.it.chain(root.text, links, line);
  }

  /** `a, b :=` / `x =`: consumes it and returns the names, or leaves the cursor in place. */
  private assignmentTargets(): { names: string[]; op: string } | undefined {
    const cur = this.cur;
    const start = cur.pos;
    const names: string[] = [];
    while (cur.peek()?.kind === "ident") {
      names.push(cur.next()!.text);
      if (!cur.accept(",")) break;
    }
    const op = cur.peek()?.text;
    if (names.length > 0 && (op === ":=" || op === "=") && cur.peek()?.kind === "punct") {
      cur.next();
      if (op === ":=") {
        const fresh = names.filter((n) => n !== "_" && !this.declared.has(n));
        if (fresh.length === 0) this.issues.add(cur.line, `\`${names.join(", ")} :=\` redeclares ${names.length > 1 ? "names" : "a name"} already declared (no new variables: not valid Go); the new value is used from here on`);
        names.forEach((n) => this.declared.add(n));
      }
      return { names, op };
    }
    cur.pos = start;
    return undefined;
  }

  /**
   * `recv.SetX(&v)` written inside a slice or map literal, where `recv` lives outside it: the
   * generator meant `v` as the literal's element (slice) or as the entry "x" (map).
   */
  private guessLiteralPart(literal: LiteralScope, root: string, links: readonly Link[], line: number): void {
    const [member, call] = links;
    const property = member?.kind === "member" ? setterProperty(member.name) : undefined;
    if (property === undefined || call?.kind !== "call" || call.args.length !== 1) {
      this.issues.add(line, `\`${root}…\` inside a ${literal.what} is not valid Go; ignored`);
      return;
    }
    const value = call.args[0]!;
    const shown = isCompound(value) ? describe(value) : JSON.stringify(value);
    if (literal.target.kind === "list") {
      literal.target.items.push(value);
      this.issues.add(line, `\`${root}.${member!.kind === "member" ? member!.name : ""}(…)\` inside a ${literal.what} is not valid Go; guessed that ${shown} was meant as an element of the list (not set on ${root})`);
    } else {
      const key = propertyKey(property);
      literal.target.entries.set(key, value);
      this.issues.add(line, `\`${root}.${member!.kind === "member" ? member!.name : ""}(…)\` inside a ${literal.what} is not valid Go; guessed the entry "${key}": ${shown} (not set on ${root})`);
    }
    literal.guessed++;
  }

  private expr(): Value {
    const cur = this.cur;
    const line = cur.line;
    if (cur.accept("&") || cur.accept("*")) return this.expr();
    const scalar = cur.readScalar(KEYWORDS);
    if (scalar) return scalar.value;
    if (cur.is("null")) {
      cur.next();
      this.issues.add(line, "`null` is not Go (nil); read as null");
      return null;
    }
    if (cur.is("[") && cur.is("]", 1)) {
      cur.pos += 2;
      const type = this.typeText();
      return this.composite(newList(), `[]${type} literal`, line);
    }
    if (cur.is("map") && cur.is("[", 1)) {
      cur.next();
      cur.skipBalanced();
      this.typeText();
      return this.composite(newMap(), "map literal", line);
    }
    const t = cur.peek();
    if (t?.kind !== "ident") {
      cur.skipBalanced();
      return unknown(line, t?.text ?? "end");
    }
    cur.next();
    const links = readLinks(cur, ["."], () => this.expr());
    if (!this.it.env.has(t.text)) {
      const packaged = packageValue(links, line, this.issues);
      if (packaged !== undefined) return packaged;
      // Conversions such as int32(5).
      const [call] = links;
      if (links.length === 1 && call?.kind === "call" && call.args.length === 1 && !isCompound(call.args[0])) return constructed(t.text, call.args);
    }
    return this.it.chain(t.text, links, line);
  }

  /** A type after `[]` or `map[K]`: `graphmodels.Modalityable`, `string`, `interface{}`. */
  private typeText(): string {
    const cur = this.cur;
    const parts: string[] = [];
    cur.accept("*");
    while (cur.peek()?.kind === "ident") {
      parts.push(cur.next()!.text);
      if (parts[parts.length - 1] === "interface" && cur.is("{") && cur.is("}", 1)) {
        cur.pos += 2;
        parts[parts.length - 1] = "interface{}";
        break;
      }
      if (!cur.accept(".")) break;
    }
    return parts.join(".");
  }

  /** `{ items }` of a slice or map literal, including the statements the generator puts there. */
  private composite(target: ListValue | MapValue, what: string, line: number): Value {
    const cur = this.cur;
    if (!cur.expect("{", `to open a ${what}`)) return target;
    const literal: LiteralScope = { target, what, declared: new Set(), guessed: 0 };
    let statements = false;
    cur.delimited(
      "}",
      () => {
        if (this.startsStatement()) {
          statements = true;
          this.statement(literal);
          return;
        }
        if (target.kind === "list") {
          target.items.push(this.expr());
          return;
        }
        const keyLine = cur.line;
        const key = this.expr();
        cur.expect(":", "between a map key and its value");
        const value = this.expr();
        if (typeof key === "string") target.entries.set(key, value);
        else this.issues.add(keyLine, "map key is not a string literal; entry ignored");
      },
      { newlineSeparates: true },
    );
    if (statements && literal.guessed === 0) this.issues.add(line, `the ${what} holds statements but none gave it a value; it is left empty`);
    return target;
  }

  /** `x :=`, `x =`, or `x.SetY(` at the start of an item: a statement, not an element. */
  private startsStatement(): boolean {
    const cur = this.cur;
    if (cur.peek()?.kind !== "ident") return false;
    if (cur.is(":=", 1) || (cur.is("=", 1) && !cur.is("=", 2))) return true;
    return cur.is(".", 1) && cur.peek(2)?.kind === "ident" && /^Set[A-Z]/.test(cur.peek(2)!.text) && cur.is("(", 3);
  }
}

interface LiteralScope {
  target: ListValue | MapValue;
  what: string;
  /** Variables declared by statements inside the literal. */
  declared: Set<string>;
  guessed: number;
}

/** `graphmodels.NewCall()` → a Call object; `graphmodels.AUDIO_MODALITY` → "audio". */
function packageValue(links: readonly Link[], line: number, issues: IssueSink): Value | undefined {
  const [member, call] = links;
  if (member?.kind !== "member") return undefined;
  if (links.length === 2 && call?.kind === "call" && /^New[A-Z]/.test(member.name)) return newObject(member.name.slice(3));
  if (links.length === 1 && isUpperConstant(member.name)) {
    const { value, known } = goEnumValue(member.name);
    if (!known) issues.add(line, `Go enum constant ${member.name} does not keep the value's casing; assumed "${value}"`);
    return value;
  }
  return undefined;
}

/** Undoes `&reg` → `®` (and kin) from HTML rendering, reporting each line it touches. */
function unmangleEntities(code: string, issues: IssueSink): string {
  return code
    .split("\n")
    .map((text, line) =>
      text.replace(/[®©¶¬§×°µ](?=[\p{L}_])/gu, (ch) => {
        issues.add(line, `\`${ch}\` is \`${MANGLED_ENTITIES[ch]}\` decoded as an HTML entity by the page; read as \`${MANGLED_ENTITIES[ch]}\``);
        return MANGLED_ENTITIES[ch]!;
      }),
    )
    .join("\n");
}

export function rebuildGo(code: string): RebuiltRequest {
  let reader: GoReader | undefined;
  return interpretStatements("go", code, SPEC, (cur, it) => (reader ??= new GoReader(cur, it)).topLevel(), unmangleEntities);
}
