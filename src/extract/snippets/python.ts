/**
 * Python snippets (msgraph-sdk-python 1.x): nested constructor calls with snake_case keyword
 * arguments (`Call(callback_uri = "...", additional_data = {...})`), then
 * `await graph_client....post(request_body)`.
 */
import { readLinks } from "./chain.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { readLiteralWith } from "./literal.js";
import { isCompound, newObject, setProperty, unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["#"], quotes: { '"': "backslash", "'": "backslash" } };
const KEYWORDS: Readonly<Record<string, Value>> = { True: true, False: false, None: null };

export function rebuildPython(code: string): RebuiltRequest {
  return interpretStatements("python", code, SPEC, statement);
}

function statement(cur: Cursor, it: Interpreter): void {
  const line = cur.line;
  if (cur.is("from") || cur.is("import")) {
    cur.skipLine();
    return;
  }
  const t = cur.peek()!;
  if (t.kind === "ident" && (cur.is("=", 1) || cur.is(":", 1))) {
    cur.pos += 1;
    // An annotation (`x: T = v`) is skipped up to its `=`.
    while (!cur.done() && !cur.is("=") && cur.peek()!.line === line) cur.skipBalanced();
    cur.accept("=");
    it.env.set(t.text, readExpr(cur, it));
  } else readExpr(cur, it);
  if (!cur.done() && cur.peek()!.line === line) {
    it.issues.add(line, `unexpected \`${cur.peek()!.text}\` after the statement; rest of line skipped`);
    cur.skipLine();
  }
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  if (cur.accept("await")) return readExpr(cur, it);
  const t = cur.peek();
  if (t?.kind === "ident" && !Object.hasOwn(KEYWORDS, t.text)) {
    cur.next();
    if (/^[A-Z]/.test(t.text) && cur.accept("(")) return readConstructor(cur, it, t.text, line);
    const links = readLinks(cur, ["."], () => readArgument(cur, it));
    return it.chain(t.text, links, line);
  }
  return readLiteralWith(cur, KEYWORDS, () => readExpr(cur, it));
}

/** A call argument; a keyword argument (`post(body = request_body)`) counts by its value. */
function readArgument(cur: Cursor, it: Interpreter): Value {
  if (cur.peek()?.kind === "ident" && cur.is("=", 1)) cur.pos += 2;
  return readExpr(cur, it);
}

/**
 * `T(a = v, ...)`: keyword arguments are typed properties (`additional_data` is the
 * additional-data dict); `UUID("…")`-style single positional literals stand for themselves.
 */
function readConstructor(cur: Cursor, it: Interpreter, type: string, line: number): Value {
  const obj = newObject(type);
  const positional: Value[] = [];
  cur.delimited(")", () => {
    const argLine = cur.line;
    const name = cur.peek();
    if (name?.kind === "ident" && cur.is("=", 1)) {
      cur.pos += 2;
      setProperty(obj, name.text, readExpr(cur, it), argLine, it.issues);
    } else positional.push(readExpr(cur, it));
  });
  if (positional.length === 1 && obj.props.size === 0 && !obj.additional && !isCompound(positional[0])) return positional[0]!;
  if (positional.length > 0) it.issues.add(line, `positional arguments to ${type}(...) are not interpreted`);
  return obj;
}
