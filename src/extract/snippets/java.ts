/**
 * Java snippets (msgraph-sdk-java 6.x): a statement sequence that declares objects, lists and
 * maps, fills them with setX / add / put, then `graphClient....post(body)`.
 */
import { readLinks } from "./chain.js";
import { endStatement, readDeclaration, readTypeName } from "./cfamily.js";
import { Cursor } from "./cursor.js";
import { finishRequest, Interpreter, requestVariable } from "./interpret.js";
import { IssueSink } from "./issues.js";
import { tokenize, type LexSpec } from "./lexer.js";
import { isCompound, newList, newMap, newObject, unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//"], blockComments: true, quotes: { '"': "backslash", "'": "backslash" } };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };
const LIST_TYPES = /^(LinkedList|ArrayList|List|HashSet|Set|Vector)$/;
const MAP_TYPES = /^(HashMap|Map|LinkedHashMap|TreeMap|Hashtable)$/;

export function rebuildJava(code: string): RebuiltRequest {
  const issues = new IssueSink();
  const cur = new Cursor(tokenize(code, SPEC, issues), issues);
  const it = new Interpreter(issues);
  while (!cur.done()) {
    if (cur.is("import") || cur.is("package")) {
      cur.skipPast(";");
      continue;
    }
    const name = readDeclaration(cur);
    if (name !== undefined) it.env.set(name, readExpr(cur, it));
    else if (cur.peek()?.kind === "ident" && cur.is("=", 1)) {
      const target = cur.next()!.text;
      cur.next();
      it.env.set(target, readExpr(cur, it));
    } else readExpr(cur, it);
    endStatement(cur);
  }
  return finishRequest("java", code, issues, it.calls, () => requestVariable(it.env));
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  const scalar = cur.readScalar(KEYWORDS);
  if (scalar) return scalar.value;
  if (cur.accept("new")) {
    const type = readTypeName(cur) ?? { name: "", array: false };
    const args: Value[] = [];
    if (cur.accept("(")) cur.delimited(")", () => args.push(readExpr(cur, it)));
    // An anonymous class body (`new HashMap<>() {{ put(...); }}`) is not followed.
    if (cur.is("{")) {
      it.issues.add(line, `anonymous class body after new ${type.name}(...) is not interpreted`);
      cur.skipBalanced();
    }
    if (type.array || LIST_TYPES.test(type.name)) return newList();
    if (MAP_TYPES.test(type.name)) return newMap();
    if (args.length === 1 && !isCompound(args[0])) return args[0]!;
    return newObject(type.name);
  }
  const t = cur.peek();
  if (t?.kind === "ident") {
    cur.next();
    const links = readLinks(cur, ["."], () => readExpr(cur, it));
    return it.chain(t.text, links, line);
  }
  if (cur.accept("(")) {
    // A cast `(Type) value` or a parenthesised expression.
    const inner = readExpr(cur, it);
    cur.expect(")", "to close a parenthesis");
    return cur.is(";") || cur.is(",") || cur.is(")") ? inner : readExpr(cur, it);
  }
  cur.skipBalanced();
  return unknown(line, t?.text ?? "end");
}
