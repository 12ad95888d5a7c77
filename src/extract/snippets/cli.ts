/**
 * Microsoft Graph CLI snippets: `mgc communications calls create --body '{\ ... }\ '`. The body is
 * JSON inside a single-quoted shell string; the command words give the operation.
 */
import type { ClientCall } from "./chain.js";
import { Cursor } from "./cursor.js";
import { finishRequest } from "./interpret.js";
import { IssueSink } from "./issues.js";
import { tokenize, type LexSpec } from "./lexer.js";
import { readLiteral } from "./literal.js";
import type { Value } from "./model.js";
import { singular } from "./names.js";
import type { RebuiltRequest } from "./types.js";

const JSON_SPEC: LexSpec = { lineComments: [], quotes: { '"': "backslash", "'": "backslash" } };
const JSON_KEYWORDS: Readonly<Record<string, Value>> = { true: true, false: false, null: null };
const VERBS: Readonly<Record<string, string>> = { create: "POST", post: "POST", patch: "PATCH", update: "PATCH", get: "GET", list: "GET", delete: "DELETE", put: "PUT" };

export function rebuildCli(code: string): RebuiltRequest {
  const issues = new IssueSink();
  const command = /^\s*mgc(?:-beta)?\s+((?:[a-z][\w-]*\s+)*?[a-z][\w-]*)(?=\s+--|\s*$)/m.exec(code);
  const words = command ? command[1]!.split(/\s+/) : [];
  const options = new Map([...code.matchAll(/--([a-z][\w-]*)(?:\s+(?!--)("[^"]*"|'[^']*'|\S+))?/g)].map((m) => [m[1]!, m[2] ?? ""]));
  if (!command) issues.add(0, "no `mgc <command>` line found");
  const calls: ClientCall[] = [];
  const bodyText = bodyArgument(code);
  if (command) {
    const args: Value[] = [];
    if (bodyText) args.push(parseBody(bodyText.text, bodyText.line, issues));
    calls.push({ operation: commandOperation(words, options), args, line: 0 });
  }
  return finishRequest("cli", code, issues, calls, () => undefined);
}

/** The --body argument's text (quotes removed) and the line it starts on. */
function bodyArgument(code: string): { text: string; line: number } | undefined {
  const m = /--body\s+(['"])/.exec(code);
  if (!m) return undefined;
  const open = m.index + m[0].length;
  const close = code.indexOf(m[1]!, open);
  const line = code.slice(0, open).split("\n").length - 1;
  return { text: code.slice(open, close < 0 ? code.length : close), line };
}

/**
 * Inside single quotes the shell keeps `\` + newline as they are, so the generator's "line
 * continuations" reach mgc as part of the JSON: reported, then read as the continuations meant.
 */
function parseBody(text: string, firstLine: number, issues: IssueSink): Value {
  const continuation = /\\\r?\n/.exec(text);
  if (continuation) {
    const line = firstLine + text.slice(0, continuation.index).split("\n").length - 1;
    issues.add(line, "the single-quoted --body keeps its trailing `\\` line continuations literally (not valid JSON as sent); read without them");
  }
  const json = text.replace(/\\(\r?\n)/g, "$1");
  const shifted = "\n".repeat(firstLine) + json;
  const cur = new Cursor(tokenize(shifted, JSON_SPEC, issues), issues);
  const value = readLiteral(cur, { keywords: JSON_KEYWORDS, json: true });
  if (!cur.done()) issues.add(cur.line, `unexpected \`${cur.peek()!.text}\` after the JSON body`);
  return value;
}

/** `communications calls transfer post --call-id X` → POST /communications/calls/{call-id}/transfer. */
function commandOperation(words: readonly string[], options: ReadonlyMap<string, string>): { method: string; path: string } | undefined {
  const verb = VERBS[words[words.length - 1] ?? ""];
  if (!verb || words.length < 2) return undefined;
  const path: string[] = [];
  for (const word of words.slice(0, -1)) {
    path.push(word);
    const id = `${singular(word)}-id`;
    if (options.has(id)) path.push(`{${id}}`);
  }
  return { method: verb, path: "/" + path.join("/") };
}
