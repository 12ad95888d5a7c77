/**
 * The interpreter core the language modules share: what a chain rooted at a variable, a type or
 * the service client means, and how the recorded client call becomes a RebuiltRequest.
 */
import { clientCall, isClientName, type ClientCall, type Link } from "./chain.js";
import { Cursor } from "./cursor.js";
import { IssueSink } from "./issues.js";
import { tokenize, type LexSpec } from "./lexer.js";
import { applyCollectionMethod, describe, isCompound, newList, serialise, setProperty, unknown, type Value } from "./model.js";
import { enumMemberValue, setterProperty } from "./names.js";
import type { RebuiltRequest, SnippetLanguage } from "./types.js";
import { detectApiVersion } from "./version.js";

export class Interpreter {
  readonly env = new Map<string, Value>();
  calls: ClientCall[] = [];

  constructor(readonly issues: IssueSink) {}

  /**
   * Evaluates `root` followed by `links`: a client chain is recorded as the request; a method on a
   * variable is applied (setters, add, put); `Type.Member` is an enum; `Type.parse("x")` is "x".
   */
  chain(root: string, links: readonly Link[], line: number): Value {
    if (links.length === 0) return this.lookup(root, line);
    if (isClientName(root)) return this.clientChain(links, line);
    const target = this.env.get(root);
    if (target !== undefined) return this.method(root, target, links, line);
    return staticValue(root, links, line);
  }

  lookup(name: string, line: number): Value {
    const value = this.env.get(name);
    if (value !== undefined) return value;
    return unknown(line, name);
  }

  private clientChain(links: readonly Link[], line: number): Value {
    const call = clientCall(links);
    if (call) this.calls.push(call);
    else this.issues.add(line, "a call on the service client without an HTTP method (post, get, patch...); ignored");
    return unknown(line, "the response");
  }

  private method(root: string, target: Value, links: readonly Link[], line: number): Value {
    const [member, call] = links;
    if (links.length !== 2 || member?.kind !== "member" || call?.kind !== "call") {
      this.issues.add(line, `\`${root}\` is used in a way the interpreter does not follow; ignored`);
      return unknown(line, root);
    }
    const property = setterProperty(member.name);
    if (property !== undefined && call.args.length === 1) {
      setProperty(target, property, call.args[0]!, line, this.issues);
      return null;
    }
    if (!applyCollectionMethod(target, member.name, call.args, line, this.issues)) {
      this.issues.add(line, `method ${member.name} on ${describe(target)} is not understood; ignored`);
    }
    return null;
  }
}

/** Static list factories: Java's `Arrays.asList(a, b)` / `List.of(a, b)`. */
const LIST_FACTORIES = /^(Arrays\.asList|List\.of|Set\.of|Collections\.singletonList)$/;

/** `Modality.Audio` → "audio"; `Guid.Parse("x")` / `UUID.fromString("x")` → "x"; `List.of(a)` → [a]. */
export function staticValue(root: string, links: readonly Link[], line: number): Value {
  const [member, call] = links;
  if (links.length === 2 && member?.kind === "member" && call?.kind === "call" && LIST_FACTORIES.test(`${root}.${member.name}`)) return newList([...call.args]);
  const text = [root, ...links.map((l) => (l.kind === "member" ? "." + l.name : l.kind === "call" ? "(…)" : "[…]"))].join("");
  if (links.length === 1 && member?.kind === "member" && /^[A-Z]/.test(root)) return enumMemberValue(member.name);
  if (links.length === 2 && member?.kind === "member" && call?.kind === "call" && call.args.length === 1 && !isCompound(call.args[0])) {
    return call.args[0]!;
  }
  return unknown(line, text);
}

/**
 * Assembles the result: the body is the first object/dictionary/list argument of the client's
 * HTTP call (Go passes a context first); without a call, `fallback` names the variable to use.
 */
export function finishRequest(
  language: SnippetLanguage,
  code: string,
  issues: IssueSink,
  calls: readonly ClientCall[],
  fallback: () => Value | undefined,
): RebuiltRequest {
  const call = calls[calls.length - 1];
  if (calls.length > 1) issues.add(call!.line, `${calls.length} client calls; the last one is the request`);
  let bodyValue: Value | undefined;
  if (call) {
    bodyValue = call.args.find((a) => isCompound(a) && a.kind !== "unknown");
    if (bodyValue === undefined) {
      const unresolved = call.args.find((a) => isCompound(a) && a.kind === "unknown");
      if (unresolved !== undefined) bodyValue = unresolved;
      else if (call.operation && call.operation.method !== "GET" && call.operation.method !== "DELETE") {
        issues.add(call.line, `the ${call.operation.method} call passes no request body (arguments given earlier in the call chain are not read as one)`);
      }
    }
  } else {
    issues.add(0, "no SDK request call found; the body is the snippet's request variable");
    bodyValue = fallback();
  }
  const apiVersion = detectApiVersion(language, code, issues);
  const { body, additionalData } = bodyValue === undefined ? { body: undefined, additionalData: [] } : serialise(bodyValue, issues);
  const result: RebuiltRequest = { language, body, additionalData, issues: issues.sorted() };
  if (call?.operation) result.operation = call.operation;
  if (apiVersion) result.apiVersion = apiVersion;
  return result;
}

/** The variable a snippet builds its request in, for snippets without a client call. */
export function requestVariable(env: ReadonlyMap<string, Value>): Value | undefined {
  for (const name of ["requestBody", "request_body", "$requestBody", "$params", "params", "body"]) {
    const v = env.get(name);
    if (v !== undefined) return v;
  }
  return [...env.values()].find((v) => isCompound(v) && v.kind !== "unknown");
}

/**
 * The driver every statement language shares: tokenize, run `statement` until the tokens are
 * used up (skipping a token whenever a statement consumes none, so the loop always ends), then
 * assemble the request. `prepare` may repair the source first and report what it changed.
 */
export function interpretStatements(
  language: SnippetLanguage,
  code: string,
  spec: LexSpec,
  statement: (cur: Cursor, it: Interpreter) => void,
  prepare: (code: string, issues: IssueSink) => string = (c) => c,
): RebuiltRequest {
  const issues = new IssueSink();
  const cur = new Cursor(tokenize(prepare(code, issues), spec, issues), issues);
  const it = new Interpreter(issues);
  while (!cur.done()) {
    const before = cur.pos;
    statement(cur, it);
    if (cur.pos === before) cur.next();
  }
  return finishRequest(language, code, issues, it.calls, () => requestVariable(it.env));
}
