/**
 * SDK call chains (`graphClient.Communications.Calls["{call-id}"].Transfer.PostAsync(body)`,
 * `->byCallId('id')->transfer()->post($b)`, `client.api('/x').post(b)`): reading them from tokens,
 * and turning them into the HTTP operation they stand for.
 */
import type { Cursor } from "./cursor.js";
import type { Value } from "./model.js";
import { singular, toCamel, toKebab } from "./names.js";

export type Link =
  | { kind: "member"; name: string; line: number }
  | { kind: "call"; args: Value[]; line: number }
  | { kind: "index"; key: Value; line: number };

/** Reads member accesses, calls and indexers after a root expression. */
export function readLinks(cur: Cursor, memberOps: readonly string[], readExpr: () => Value): Link[] {
  const links: Link[] = [];
  // Bounded by the token count: every iteration consumes tokens or stops.
  while (!cur.done()) {
    const line = cur.line;
    const op = memberOps.find((o) => cur.is(o));
    if (op !== undefined && cur.peek(1)?.kind === "ident") {
      cur.next();
      links.push({ kind: "member", name: cur.next()!.text, line });
    } else if (cur.is("(")) {
      cur.next();
      const args: Value[] = [];
      cur.delimited(")", () => args.push(readExpr()));
      links.push({ kind: "call", args, line });
    } else if (cur.is("[") && !cur.is("]", 1)) {
      cur.next();
      const key = readExpr();
      cur.expect("]", "after an index");
      links.push({ kind: "index", key, line });
    } else break;
  }
  return links;
}

/** Client variables the snippet generators use for the SDK's service client. */
export function isClientName(name: string): boolean {
  return /^\$?(graphClient|graph_client|graphServiceClient|client)$/.test(name);
}

export interface ClientCall {
  operation: { method: string; path: string } | undefined;
  /** Arguments of the HTTP-verb call (the body is among them). */
  args: Value[];
  line: number;
}

const VERBS: Readonly<Record<string, string>> = { post: "POST", get: "GET", patch: "PATCH", put: "PUT", delete: "DELETE" };
/** Chain members that shape the request but are not path segments. */
const NOT_SEGMENTS = new Set(["version", "request", "header", "headers", "select", "filter", "expand", "top", "withUrl", "middlewareOptions", "option", "options"]);

function verbOf(name: string): string | undefined {
  return VERBS[name.replace(/_?async$/i, "").toLowerCase()];
}

/** Interprets the links after the client root. Returns undefined when no HTTP verb is called. */
export function clientCall(links: readonly Link[]): ClientCall | undefined {
  let segments: string[] = [];
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const next = links[i + 1];
    const args = next?.kind === "call" ? next.args : undefined;
    if (link.kind === "index") {
      segments.push(idPlaceholder(segments[segments.length - 1]));
      continue;
    }
    if (link.kind !== "member") continue;
    if (args) i++;
    const verb = verbOf(link.name);
    if (verb && args) {
      return { operation: segments.length > 0 ? { method: verb, path: "/" + segments.join("/") } : undefined, args, line: link.line };
    }
    if (link.name === "api" && args && typeof args[0] === "string") {
      segments = pathSegments(args[0]);
      continue;
    }
    if (NOT_SEGMENTS.has(toCamel(link.name))) continue;
    const byId = /^by_?(.+?)_?id$/i.exec(link.name);
    if (byId && args) {
      segments.push(`{${toKebab(byId[1]!)}-id}`);
      continue;
    }
    segments.push(toCamel(link.name));
  }
  return undefined;
}

function idPlaceholder(collection: string | undefined): string {
  return `{${collection ? toKebab(singular(collection)) : "item"}-id}`;
}

/** A URL or path → its segments, with ids and `{placeholders}` normalised to `{<item>-id}`. */
export function pathSegments(pathOrUrl: string): string[] {
  const path = pathOrUrl.replace(/^https?:\/\/[^/]+/, "").replace(/[?#].*$/, "");
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || (out.length === 0 && /^(v1\.0|beta)$/.test(seg))) continue;
    out.push(/^\{.*\}$/.test(seg) || /[0-9-]/.test(seg) ? idPlaceholder(out[out.length - 1]) : seg);
  }
  return out;
}
