/**
 * C# snippets (Microsoft.Graph 5.x): one `var requestBody = new T { Prop = value, ... };` object
 * initializer, then `await graphClient....PostAsync(requestBody);`.
 */
import { readLinks } from "./chain.js";
import { endStatement, readDeclaration, readTypeName } from "./cfamily.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { constructed, type MapValue, newList, newMap, newObject, setProperty, unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//"], blockComments: true, quotes: { '"': "backslash", "'": "backslash" }, verbatimStrings: true };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };
const LIST_TYPES = /^(List|IList|ICollection|IEnumerable|IReadOnlyList|Collection|HashSet|ISet)$/;
const MAP_TYPES = /Dictionary$/;

export function rebuildCSharp(code: string): RebuiltRequest {
  return interpretStatements("csharp", code, SPEC, (cur, it) => {
    if (cur.is("using") || cur.is("namespace")) {
      cur.skipPast(";");
      return;
    }
    const name = readDeclaration(cur);
    if (name !== undefined) it.env.set(name, readExpr(cur, it));
    else if (cur.peek()?.kind === "ident" && cur.is(".", 1) && cur.peek(2)?.kind === "ident" && cur.is("=", 3)) {
      // `requestBody.Prop = value;` after the initializer.
      const line = cur.line;
      const target = it.env.get(cur.peek()!.text);
      const prop = cur.peek(2)!.text;
      cur.pos += 4;
      setProperty(target, prop, readExpr(cur, it), line, it.issues);
    } else readExpr(cur, it);
    endStatement(cur);
  });
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  if (cur.accept("await")) return readExpr(cur, it);
  const scalar = cur.readScalar(KEYWORDS);
  if (scalar) return scalar.value;
  if (cur.accept("new")) return readNew(cur, it, line);
  const t = cur.peek();
  if (t?.kind === "ident" && cur.is("=>", 1)) return skipLambda(cur, line);
  if (cur.is("(")) {
    const start = cur.pos;
    cur.skipBalanced();
    if (cur.is("=>")) return skipLambda(cur, line);
    cur.pos = start + 1;
    const inner = readExpr(cur, it);
    cur.expect(")", "to close a parenthesis");
    return inner;
  }
  if (t?.kind === "ident") {
    cur.next();
    const links = readLinks(cur, [".", "?."], () => readExpr(cur, it));
    return it.chain(t.text, links, line);
  }
  cur.skipBalanced();
  return unknown(line, t?.text ?? "end");
}

/** Request-configuration lambdas (`(requestConfiguration) => { ... }`) carry no body. */
function skipLambda(cur: Cursor, line: number): Value {
  if (!cur.is("=>")) cur.next();
  cur.accept("=>");
  cur.skipBalanced();
  return unknown(line, "a lambda");
}

function readNew(cur: Cursor, it: Interpreter, line: number): Value {
  const type = readTypeName(cur) ?? { name: "", array: false };
  const args: Value[] = [];
  if (cur.accept("(")) cur.delimited(")", () => args.push(readExpr(cur, it)));
  const isList = type.array || LIST_TYPES.test(type.name);
  const isMap = MAP_TYPES.test(type.name);
  if (!cur.accept("{")) {
    if (isList) return newList();
    if (isMap) return newMap();
    return constructed(type.name, args);
  }
  if (isList) {
    const list = newList();
    cur.delimited("}", () => list.items.push(readExpr(cur, it)));
    return list;
  }
  if (isMap) {
    const map = newMap();
    cur.delimited("}", () => readDictionaryEntry(cur, it, map));
    return map;
  }
  const obj = newObject(type.name);
  cur.delimited("}", () => {
    const entryLine = cur.line;
    const prop = cur.peek();
    if (prop?.kind === "ident" && cur.is("=", 1)) {
      cur.pos += 2;
      setProperty(obj, prop.text, readExpr(cur, it), entryLine, it.issues);
      return;
    }
    it.issues.add(entryLine, `object initializer entry is not \`Name = value\`; skipped`);
    while (!cur.done() && !cur.is(",") && !cur.is("}")) cur.skipBalanced();
  });
  return obj;
}

/** `{ "key", value }` or `["key"] = value`. */
function readDictionaryEntry(cur: Cursor, it: Interpreter, map: MapValue): void {
  const line = cur.line;
  let key: Value;
  let value: Value;
  if (cur.accept("{")) {
    key = readExpr(cur, it);
    cur.expect(",", "between a dictionary key and its value");
    value = readExpr(cur, it);
    cur.expect("}", "to close a dictionary entry");
  } else if (cur.accept("[")) {
    key = readExpr(cur, it);
    cur.expect("]", "after a dictionary key");
    cur.expect("=", "after a dictionary key");
    value = readExpr(cur, it);
  } else return;
  if (typeof key === "string") map.entries.set(key, value);
  else it.issues.add(line, "dictionary key is not a string literal; entry ignored");
}
