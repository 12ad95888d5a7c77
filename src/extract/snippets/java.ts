/**
 * Java snippets (msgraph-sdk-java 6.x): a statement sequence that declares objects, lists and
 * maps, fills them with setX / add / put, then `graphClient....post(body)`.
 */
import { readLinks } from "./chain.js";
import { endStatement, readDeclaration, readTypeName } from "./cfamily.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { constructed, newList, newMap, unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//"], blockComments: true, quotes: { '"': "backslash", "'": "backslash" } };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };
const LIST_TYPES = /^(LinkedList|ArrayList|List|HashSet|Set|Vector)$/;
const MAP_TYPES = /^(HashMap|Map|LinkedHashMap|TreeMap|Hashtable)$/;

export function rebuildJava(code: string): RebuiltRequest {
  return interpretStatements("java", code, SPEC, (cur, it) => {
    if (cur.is("import") || cur.is("package")) {
      cur.skipPast(";");
      return;
    }
    const name = readDeclaration(cur);
    if (name !== undefined) it.env.set(name, readExpr(cur, it));
    else if (cur.peek()?.kind === "ident" && cur.is("=", 1)) {
      const target = cur.next()!.text;
      cur.next();
      it.env.set(target, readExpr(cur, it));
    } else readExpr(cur, it);
    endStatement(cur);
  });
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
    return constructed(type.name, args);
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
