/**
 * PowerShell snippets (Microsoft.Graph modules): `$params = @{ key = value ... }` hashtables and
 * `@( ... )` arrays, then a cmdlet such as `New-MgCommunicationCall -BodyParameter $params`.
 * Hashtable keys are the JSON keys as written.
 */
import type { ClientCall } from "./chain.js";
import type { Cursor } from "./cursor.js";
import { interpretStatements, type Interpreter } from "./interpret.js";
import type { LexSpec } from "./lexer.js";
import { newList, newMap, unknown, type Value } from "./model.js";
import { lowerFirst, singular, toKebab } from "./names.js";
import type { RebuiltRequest } from "./types.js";

const SPEC: LexSpec = { lineComments: ["#"], quotes: { '"': "powershell-double", "'": "powershell-single" }, dollarVariables: true, dashedIdentifiers: true };
const KEYWORDS: Readonly<Record<string, Value>> = { $true: true, $false: false, $null: null };
const CMDLET = /^[A-Z][a-z]+-Mg\w+$/;
const BODY_PARAMETERS = /^(BodyParameter|Body)$/i;

export function rebuildPowerShell(code: string): RebuiltRequest {
  return interpretStatements("powershell", code, SPEC, (cur, it) => {
    const t = cur.peek()!;
    if (t.kind === "var" && cur.is("=", 1)) {
      cur.pos += 2;
      it.env.set(t.text, readExpr(cur, it));
    } else if (t.kind === "ident" && CMDLET.test(t.text)) {
      cur.next();
      const parameters = readParameters(cur, it);
      const body = [...parameters].find(([name]) => BODY_PARAMETERS.test(name))?.[1];
      const call: ClientCall = { operation: cmdletOperation(t.text), args: body === undefined ? [] : [body], line: t.line };
      if (!call.operation) it.issues.add(t.line, `cmdlet ${t.text} is not mapped to an operation`);
      it.calls.push(call);
    } else cur.skipLine();
    cur.accept(";");
  });
}

/** `-Name value` pairs (a switch has no value) up to the end of the cmdlet's line. */
function readParameters(cur: Cursor, it: Interpreter): Map<string, Value> {
  const parameters = new Map<string, Value>();
  let line = cur.tokens[cur.pos - 1]!.line;
  while (!cur.done() && cur.peek()!.line === line && cur.is("-") && cur.peek(1)?.kind === "ident") {
    cur.next();
    const name = cur.next()!.text;
    const atSwitch = cur.done() || cur.peek()!.line !== line || cur.is("-");
    parameters.set(name, atSwitch ? true : readExpr(cur, it));
    // A backtick continues the command on the next line.
    if (cur.accept("`")) line = cur.line;
  }
  return parameters;
}

function readExpr(cur: Cursor, it: Interpreter): Value {
  const line = cur.line;
  const scalar = cur.readScalar(KEYWORDS);
  if (scalar) return scalar.value;
  if (cur.is("@") && cur.is("{", 1)) {
    cur.pos += 2;
    const map = newMap();
    cur.delimited(
      "}",
      () => {
        const key = cur.peek();
        if (!key || (key.kind !== "ident" && key.kind !== "string" && key.kind !== "number")) return;
        cur.next();
        cur.expect("=", `after hashtable key ${key.text}`);
        map.entries.set(key.text, readExpr(cur, it));
      },
      { newlineSeparates: true },
    );
    return map;
  }
  if (cur.is("@") && cur.is("(", 1)) {
    cur.pos += 2;
    const list = newList();
    cur.delimited(")", () => list.items.push(readExpr(cur, it)), { newlineSeparates: true });
    return list;
  }
  const t = cur.next();
  if (t?.kind === "var") return it.lookup(t.text, line);
  // A bare word in argument position is a string.
  if (t?.kind === "ident") return t.text;
  return unknown(line, t?.text ?? "end");
}

/**
 * `New-MgCommunicationCall` → POST /communications/calls; `Invoke-MgAnswerCommunicationCall` →
 * POST /communications/calls/{call-id}/answer; `Move-MgCommunicationCall` is the transfer action.
 */
export function cmdletOperation(cmdlet: string): { method: string; path: string } | undefined {
  const m = /^([A-Z][a-z]+)-Mg(?:Beta)?([A-Z]\w*)$/.exec(cmdlet);
  if (!m) return undefined;
  const verb = m[1]!;
  const noun = m[2]!;
  const at = noun.indexOf("Communication");
  if (at < 0) return undefined;
  const action = noun.slice(0, at);
  const words = noun.slice(at).match(/[A-Z][a-z0-9]*/g) ?? [];
  const collections = words.map((w) => (w === "Communication" ? "communications" : lowerFirst(w) + "s"));
  const path: string[] = [];
  collections.forEach((c, k) => {
    path.push(c);
    // Every collection but the last is addressed by id; so is the last for actions on an item.
    if (k > 0 && (k < collections.length - 1 || verb !== "New" || action !== "")) path.push(`{${toKebab(singular(c))}-id}`);
  });
  if (verb === "Move") return { method: "POST", path: "/" + [...path, "transfer"].join("/") };
  if (verb === "Invoke" && action) return { method: "POST", path: "/" + [...path, lowerFirst(action)].join("/") };
  const method = { New: "POST", Get: "GET", Update: "PATCH", Remove: "DELETE" }[verb];
  return method ? { method, path: "/" + path.join("/") } : undefined;
}
