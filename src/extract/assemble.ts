/**
 * Tokens -> examples. An example starts at an "Example N" heading, or implicitly at a Graph request
 * that follows a finished example, or at an SDK snippet in a language the current example already
 * has (pages that only show SDK code). Requests, responses, notifications and snippets attach to
 * the current example; what attaches nowhere is kept as an orphan and reported.
 */
import type { Header, Token } from "./tokens.js";
import { EXAMPLE_HEADING } from "./vocabulary.js";

type Of<K extends Token["kind"]> = Extract<Token, { kind: K }>;

export interface JsonBlock {
  token: Of<"json">;
  /** A label line right before the block (e.g. "Delta roster enabled"), as published. */
  variant: string | null;
  variantSource: string | null;
}

export interface AssembledExample {
  number: number;
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
  notifications: Array<{ http: Of<"request">; section: Of<"heading"> | null; bodies: JsonBlock[] }>;
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

  const start = (line: number, heading: Of<"heading"> | null, match?: RegExpExecArray): AssembledExample => {
    if (ex) ex.endLine = line - 1;
    const previous = doc.examples[doc.examples.length - 1];
    const sourceMatch = heading?.source ? EXAMPLE_HEADING.exec(heading.source) : null;
    ex = {
      number: match ? Number(match[1]) : (previous?.number ?? 0) + 1,
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

  for (const t of tokens) {
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
        if (t.syntax) {
          doc.syntax.push(t);
          break;
        }
        if (isGraphUrl(t.url)) {
          if (!ex || ex.request || ex.response || ex.notifications.length > 0) start(t.line, null);
          ex!.request = { http: t, ...(meta ? { meta } : {}) };
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
        (ex ?? start(t.line, null)).response = { http: t, ...(meta ? { meta } : {}) };
        expecting = "response-body";
        label = null;
        meta = null;
        break;
      }
      case "json": {
        const block: JsonBlock = { token: t, variant: label?.text ?? null, variantSource: label?.source ?? null };
        const notification = ex?.notifications[ex.notifications.length - 1];
        if (expecting === "request-body" && ex?.request && !ex.request.body) {
          ex.request.body = block;
          expecting = null;
        } else if (expecting === "response-body" && ex?.response && !ex.response.body) {
          ex.response.body = block;
          expecting = null;
        } else if (expecting === "notification-body" && notification) {
          notification.bodies.push(block);
        } else {
          doc.orphans.push(t);
        }
        label = null;
        break;
      }
      case "snippet": {
        const repeats = ex?.snippets.some((s) => s.language === t.language);
        if (!ex || repeats || ex.response || ex.notifications.length > 0) start(t.start, null);
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

export function headerValue(headers: readonly Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}
