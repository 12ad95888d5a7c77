/**
 * Tokens -> examples. An example starts at an "Example N" heading, or implicitly at a Graph request
 * that follows a finished example, or at an SDK snippet in a language the current example already
 * has (pages that only show SDK code). Requests, responses, notifications and snippets attach to
 * the current example; what attaches nowhere is kept as an orphan and reported.
 */
import { isObject } from "../util/json.js";
import { parseLenientJson } from "./lenient-json.js";
import type { Header, Token } from "./tokens.js";
import { EXAMPLE_HEADING, HTTP_REQUEST_HEADING, REQUEST_HEADING } from "./vocabulary.js";

type Of<K extends Token["kind"]> = Extract<Token, { kind: K }>;

export interface JsonBlock {
  token: Of<"json">;
  /** A label line right before the block (e.g. "Delta roster enabled"), as published. */
  variant: string | null;
  variantSource: string | null;
}

export interface AssembledExample {
  number: number;
  /** Its fixtures' name within the document ("ex01", or "ex01-2" when another example has the same number); see naming.ts. */
  key: string;
  /** "heading": the document numbers it; "sequence": counted by the extractor. */
  numbering: "heading" | "sequence";
  /** Set when the number was taken from the same example in another rendering of the page (its document key). */
  numberAligned?: string;
  title: string | null;
  titleSource: string | null;
  heading: Of<"heading"> | null;
  startLine: number;
  endLine: number;
  request?: { http: Of<"request">; body?: JsonBlock; meta?: Of<"meta"> };
  response?: { http: Of<"status">; body?: JsonBlock; meta?: Of<"meta"> };
  /** http: the callback request line, null when the page shows the body alone. */
  notifications: Array<{ http: Of<"request"> | null; section: Of<"heading"> | null; bodies: JsonBlock[] }>;
  snippets: Array<Of<"snippet">>;
  /** Headings inside the example, in order (markdown levels are checked against the example's). */
  headings: Array<Of<"heading">>;
}

export interface AssembledDocument {
  examples: AssembledExample[];
  /** Path-only request lines of the page's "HTTP request" section: the operation(s) it documents. */
  syntax: Array<Of<"request">>;
  /** JSON blocks that belong to no request, response or notification. */
  orphans: Array<Of<"json">>;
  includes: Array<Of<"include">>;
}

/** Graph hosts (global and national clouds) and relative paths are Graph; any other host is a bot's callback. */
export function isGraphUrl(url: string): boolean {
  if (url.startsWith("/")) return true;
  try {
    const host = new URL(url).hostname;
    return /(^|\.)graph\.microsoft\.(com|us)$|^microsoftgraph\.chinacloudapi\.cn$|^dod-graph\.microsoft\.us$/.test(host);
  } catch {
    return false;
  }
}

type Expecting = "request-body" | "response-body" | "notification-body" | null;

export function assemble(tokens: readonly Token[], lastLine: number): AssembledDocument {
  const doc: AssembledDocument = { examples: [], syntax: [], orphans: [], includes: [] };
  let ex: AssembledExample | undefined;
  let section: Of<"heading"> | null = null;
  let expecting: Expecting = null;
  let label: Of<"prose"> | null = null;
  let meta: Of<"meta"> | null = null;
  /** A syntax line just read: a JSON block right after it makes it an example request after all. */
  let syntaxLine: Of<"request"> | null = null;
  // Pages in a language whose "HTTP request" heading we do not know fall back on where the line stands.
  const namesSyntaxSection = tokens.some((t) => t.kind === "heading" && isHttpRequestHeading(t));

  const start = (line: number, heading: Of<"heading"> | null, match?: RegExpExecArray): AssembledExample => {
    if (ex) ex.endLine = line - 1;
    const previous = doc.examples[doc.examples.length - 1];
    const sourceMatch = heading?.source ? EXAMPLE_HEADING.exec(heading.source) : null;
    ex = {
      number: match ? Number(match[1]) : (previous?.number ?? 0) + 1,
      key: "",
      numbering: match ? "heading" : "sequence",
      title: match?.[2]?.trim() || null,
      titleSource: sourceMatch?.[2]?.trim() || null,
      heading,
      startLine: line,
      endLine: lastLine,
      notifications: [],
      snippets: [],
      headings: heading ? [heading] : [],
    };
    doc.examples.push(ex);
    section = null;
    return ex;
  };

  /** An example request: it opens a new example unless the current one has not reached its request yet. */
  const exampleRequest = (t: Of<"request">, annotation: Of<"meta"> | null) => {
    // A flow may open with the incoming-call notification: the request after it is the same example's.
    if (!ex || ex.request || ex.response || ex.snippets.length > 0) start(t.line, null);
    ex!.request = { http: t, ...(annotation ? { meta: annotation } : {}) };
  };

  /** The syntax of the operation: body-less lines under the "HTTP request" heading (or, on pages without one, before any example). */
  const isSyntaxLine = (t: Of<"request">) => {
    if (!t.url.startsWith("/") && !(section && isHttpRequestHeading(section))) return false;
    if (namesSyntaxSection) return section !== null && isHttpRequestHeading(section);
    return t.url.startsWith("/") && !ex && t.headers.length === 0 && !(section && (REQUEST_HEADING.test(section.text) || EXAMPLE_HEADING.test(section.text)));
  };

  for (const t of tokens) {
    if (t.kind !== "json" && t.kind !== "meta") syntaxLine = null;
    switch (t.kind) {
      case "heading": {
        const m = EXAMPLE_HEADING.exec(t.text) ?? (t.source ? EXAMPLE_HEADING.exec(t.source) : null);
        if (m) {
          start(t.line, t, EXAMPLE_HEADING.exec(t.text) ?? m);
        } else {
          section = t;
          ex?.headings.push(t);
        }
        expecting = null;
        label = null;
        break;
      }
      case "request": {
        if (isSyntaxLine(t)) {
          doc.syntax.push(t);
          syntaxLine = t;
          expecting = null;
        } else if (isGraphUrl(t.url)) {
          exampleRequest(t, meta);
          expecting = "request-body";
        } else {
          (ex ?? start(t.line, null)).notifications.push({ http: t, section, bodies: [] });
          expecting = "notification-body";
        }
        label = null;
        meta = null;
        break;
      }
      case "status": {
        // A second response line is a second exchange: a new example, never a replacement.
        if (!ex || ex.response) start(t.line, null);
        ex!.response = { http: t, ...(meta ? { meta } : {}) };
        expecting = "response-body";
        label = null;
        meta = null;
        break;
      }
      case "json": {
        const block: JsonBlock = { token: t, variant: label?.text ?? null, variantSource: label?.source ?? null };
        const notification = ex?.notifications[ex.notifications.length - 1];
        if (syntaxLine) {
          // "POST /communications/calls/{id}/answer" followed by a body is an example, even under "HTTP request".
          doc.syntax.splice(doc.syntax.indexOf(syntaxLine), 1);
          exampleRequest(syntaxLine, null);
          expecting = "request-body";
          syntaxLine = null;
        }
        if (expecting === "notification-body" && notification) {
          notification.bodies.push(block);
        } else if (isNotificationBlock(t, meta)) {
          // Published without the callback request line: the annotation or the body itself says what it is.
          (ex ?? start(t.start, null)).notifications.push({ http: null, section, bodies: [block] });
          expecting = "notification-body";
        } else if (expecting === "request-body" && ex?.request && !ex.request.body) {
          ex.request.body = block;
          expecting = null;
        } else if (expecting === "response-body" && ex?.response && !ex.response.body) {
          ex.response.body = block;
          expecting = null;
        } else {
          doc.orphans.push(t);
        }
        label = null;
        meta = null;
        break;
      }
      case "snippet": {
        const repeats = ex?.snippets.some((s) => s.language === t.language);
        if (!ex || repeats || ex.response || (ex.notifications.length > 0 && (ex.request || ex.snippets.length > 0))) start(t.start, null);
        ex!.snippets.push(t);
        expecting = null;
        label = null;
        break;
      }
      case "prose":
        // Only a line directly between a notification's request line and its JSON labels a variant.
        label = expecting === "notification-body" ? t : null;
        break;
      case "meta":
        meta = t;
        break;
      case "include":
        doc.includes.push(t);
        break;
    }
  }
  return doc;
}

function isHttpRequestHeading(h: Of<"heading">): boolean {
  return HTTP_REQUEST_HEADING.test(h.text) || (h.source !== null && HTTP_REQUEST_HEADING.test(h.source));
}

const NOTIFICATIONS_TYPE = /^#?microsoft\.graph\.commsNotifications$/i;

/**
 * A commsNotifications body: annotated as one ({"blockType": "example", "@odata.type":
 * "microsoft.graph.commsNotifications"}), or typed as one, or a "value" list of items carrying
 * resourceUrl and changeType. Nothing Graph is sent or answers looks like that.
 */
export function isNotificationBlock(t: Of<"json">, annotation: Of<"meta"> | null): boolean {
  const annotated = annotation?.data["@odata.type"];
  if (typeof annotated === "string" && NOTIFICATIONS_TYPE.test(annotated)) return true;
  // A cheap look at the text first: most blocks are not notifications and need no parse.
  if (!/commsNotifications|"resourceUrl"/.test(t.text)) return false;
  const parsed = parseLenientJson(t.text);
  const value = parsed.ok ? parsed.value : undefined;
  if (!isObject(value)) return false;
  const type = value["@odata.type"];
  if (typeof type === "string") return NOTIFICATIONS_TYPE.test(type);
  return Array.isArray(value.value) && value.value.length > 0 && value.value.every((n) => isObject(n) && "resourceUrl" in n && "changeType" in n);
}

export function headerValue(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}
