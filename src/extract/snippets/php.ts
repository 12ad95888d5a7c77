/**
 * PHP snippets (msgraph-sdk-php 2.x): `$x = new T();`, `$x->setP(v);`, `$list []= $item;`,
 * arrays (`['k' => v]` dictionaries, `[a, b]` lists), enums as `new Modality('audio')`, then
 * `$graphServiceClient->...->post($requestBody)->wait();`.
 */
import { readLinks } from "./chain.js";
import { endStatement } from "./cfamily.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { constructed, isKind, newList, newMap, unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//", "#"], blockComments: true, quotes: { "'": "php-single", '"': "backslash" }, dollarVariables: true };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null, TRUE: true, FALSE: false, NULL: null, True: true, False: false, Null: null };
const MEMBER_OPS = ["->", "?->", "::"];

export function rebuildPhp(code: string): RebuiltRequest {
  return interpretStatements("php", code, SPEC, statement, (source) => source.replace(/<\?php\b/g, "     "));
}

function statement(cur: Cursor, it: Interpreter): void {
  const t = cur.peek()!;
  if (t.kind === "ident" && /^(use|namespace|require|require_once|include|declare)$/.test(t.text)) {
    cur.skipPast(";");
    return;
  }
  if (t.kind === "var" && cur.is("[", 1) && cur.is("]", 2) && cur.is("=", 3)) {
    // `$list []= $item;` appends, creating the array on first use.
    cur.pos += 4;
    const line = t.line;
    let list = it.env.get(t.text);
    if (list === undefined) it.env.set(t.text, (list = newList()));
    const item = readExpr(cur, it);
    if (isKind(list, "list")) list.items.push(item);
    else it.issues.add(line, `${t.text} is not an array; append ignored`);
  } else if (t.kind === "var" && cur.is("=", 1)) {
    cur.pos += 2;
    it.env.set(t.text, readExpr(cur, it));
  } else readExpr(cur, it);
  endStatement(cur);
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  const scalar = cur.readScalar(KEYWORDS);
  if (scalar) return scalar.value;
  if (cur.accept("new")) return readNew(cur, it);
  if (cur.accept("[")) return readArray(cur, it, "]");
  if (cur.is("array") && cur.is("(", 1)) {
    cur.pos += 2;
    return readArray(cur, it, ")");
  }
  const t = cur.peek();
  if (t?.kind === "var" || t?.kind === "ident") {
    cur.next();
    const links = readLinks(cur, MEMBER_OPS, () => readExpr(cur, it));
    const value = it.chain(t.text, links, line);
    // PHP arrays are values: what a setter receives must not change when the variable does later.
    return links.length === 0 ? copyArray(value) : value;
  }
  cur.skipBalanced();
  return unknown(line, t?.text ?? "end");
}

/** `new \Ns\T()` → object; `new Modality('audio')` (an enum) or `new \DateTime('…')` → its argument. */
function readNew(cur: Cursor, it: Interpreter): Value {
  let name = "";
  while (cur.accept("\\") || cur.peek()?.kind === "ident") {
    if (cur.peek()?.kind === "ident") name = cur.next()!.text;
  }
  const args: Value[] = [];
  if (cur.accept("(")) cur.delimited(")", () => args.push(readExpr(cur, it)));
  return constructed(name, args);
}

/** `[a, b]` is a list, `['k' => v]` a dictionary. */
function readArray(cur: Cursor, it: Interpreter, close: string): Value {
  const items: Value[] = [];
  const map = newMap();
  cur.delimited(close, () => {
    const line = cur.line;
    const first = readExpr(cur, it);
    if (!cur.accept("=>")) {
      items.push(first);
      return;
    }
    const value = readExpr(cur, it);
    if (typeof first === "string" || typeof first === "number") map.entries.set(String(first), value);
    else it.issues.add(line, "array key is not a literal; entry ignored");
  });
  if (map.entries.size > 0 && items.length > 0) it.issues.add(cur.line, "array mixes keyed and positional entries; positional ones ignored");
  return map.entries.size > 0 ? map : newList(items);
}

function copyArray(value: Value): Value {
  if (isKind(value, "list")) return newList([...value.items]);
  if (isKind(value, "map")) return newMap(value.entries);
  return value;
}
