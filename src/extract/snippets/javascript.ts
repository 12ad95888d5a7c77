/**
 * JavaScript snippets (@microsoft/microsoft-graph-client): `const body = { ...object literal... };`
 * then `await client.api('/path').post(body);`. The literal's keys are the JSON keys as written.
 */
import { readLinks } from "./chain.js";
import { readDeclaration } from "./cfamily.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { readLiteralWith } from "./literal.js";
import { unknown, type Value } from "./model.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["//"], blockComments: true, quotes: { "'": "backslash", '"': "backslash" }, backtickRaw: true };
const KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };

export function rebuildJavaScript(code: string): RebuiltRequest {
  return interpretStatements("javascript", code, SPEC, (cur, it) => {
    if (cur.is("import")) {
      cur.skipPast(";");
      return;
    }
    const name = readDeclaration(cur);
    if (name !== undefined) it.env.set(name, readExpr(cur, it));
    else readExpr(cur, it);
    // Semicolons are optional in JavaScript.
    cur.accept(";");
  });
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  if (cur.accept("await")) return readExpr(cur, it);
  const t = cur.peek();
  if (cur.accept("new")) {
    // `new Date('…')` and friends: the value is their argument.
    const type = cur.next();
    const links = readLinks(cur, ["."], () => readExpr(cur, it));
    const call = links[links.length - 1];
    return call?.kind === "call" && call.args.length === 1 && typeof call.args[0] !== "object" ? call.args[0]! : unknown(line, `new ${type?.text ?? ""}`);
  }
  if (t?.kind === "ident" && !Object.hasOwn(KEYWORDS, t.text)) {
    cur.next();
    const links = readLinks(cur, [".", "?."], () => readExpr(cur, it));
    return it.chain(t.text, links, line);
  }
  return readLiteralWith(cur, KEYWORDS, () => readExpr(cur, it), (name, at) => it.lookup(name, at));
}
