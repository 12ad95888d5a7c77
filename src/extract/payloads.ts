/** Examples -> payload records: published JSON is parsed leniently; SDK-only requests are rebuilt from snippets. */
import type { Erratum, HttpLine } from "../fixtures/model.js";
import type { AssembledExample, JsonBlock } from "./assemble.js";
import { rebuildSnippets, snippetConsensus } from "./consensus.js";
import { parseLenientJson } from "./lenient-json.js";
import type { PayloadRecord } from "./model.js";
import { graphPath } from "./page.js";
import type { Header } from "./tokens.js";

export function examplePayloads(example: AssembledExample): PayloadRecord[] {
  const records: PayloadRecord[] = [];
  const evidence = rebuildSnippets(example.snippets);
  const base = { example, section: null, sectionSource: null, variant: null, variantSource: null, snippets: evidence, repaired: false };

  if (example.request?.body) {
    const { http } = example.request;
    records.push({ ...base, role: "request", origin: "json", ...fromBlock(example.request.body), http: requestLine(http.method, http.url, http.headers) });
  } else if (evidence.length > 0) {
    const consensus = snippetConsensus(evidence);
    const op = evidence.find((e) => e.rebuilt.operation)?.rebuilt.operation;
    const http: HttpLine = example.request
      ? requestLine(example.request.http.method, example.request.http.url, example.request.http.headers)
      : { method: op?.method, path: op?.path };
    const lines = { start: Math.min(...evidence.map((e) => e.lines.start)), end: Math.max(...evidence.map((e) => e.lines.end)) };
    const errata: Erratum[] = consensus.body === undefined
      ? [{ code: "SNIPPET_UNREADABLE", subject: `example ${example.number}`, line: lines.start, description: "no SDK snippet of this example could be interpreted, so its request body is unknown" }]
      : [];
    // A copy: repairs of the payload must not rewrite the evidence it was chosen from.
    records.push({ ...base, role: "request", origin: "snippets", raw: null, value: structuredClone(consensus.body), http, lines, errata });
  } else if (example.request) {
    const { http } = example.request;
    const errata: Erratum[] = declaresBody(http.headers)
      ? [{ code: "BODY_MISSING", subject: `line ${http.line}`, line: http.line, description: `the request at line ${http.line} declares a JSON body (${http.headers.map((h) => `${h.name}: ${h.value}`).join(", ")}) but shows none; the fixture has a null payload` }]
      : [];
    records.push({ ...base, role: "request", origin: "json", raw: null, value: null, errata, lines: { start: http.line, end: http.line }, http: requestLine(http.method, http.url, http.headers) });
  }

  if (example.response) {
    const { http, body } = example.response;
    const parsed = body ? fromBlock(body) : { raw: null, value: null, errata: [], lines: { start: http.line, end: http.line } };
    // A response answers the example's request: it carries that request's method and path.
    const answered = records.find((r) => r.role === "request")?.http;
    records.push({
      ...base,
      snippets: [],
      role: "response",
      origin: "json",
      ...parsed,
      http: { method: answered?.method, path: answered?.path, status: http.status, statusText: http.reason, headers: headerMap(http.headers) },
    });
  }

  for (const n of example.notifications) {
    for (const body of n.bodies) {
      records.push({
        ...base,
        snippets: [],
        role: "notification",
        origin: "json",
        section: n.section?.text ?? null,
        sectionSource: n.section?.source ?? null,
        variant: body.variant,
        variantSource: body.variantSource,
        ...fromBlock(body),
        http: n.http ? { method: n.http.method, url: n.http.url, headers: headerMap(n.http.headers) } : {},
      });
    }
  }
  return records;
}

/** A JSON Content-Type, or a Content-Length above zero: the message has a body the page should show. */
function declaresBody(headers: readonly Header[]): boolean {
  return headers.some((h) => (/^content-type$/i.test(h.name) && /json/i.test(h.value)) || (/^content-length$/i.test(h.name) && Number(h.value) > 0));
}

function requestLine(method: string, url: string, headers: readonly Header[]): HttpLine {
  return { method, url, path: graphPath(url), headers: headerMap(headers) };
}

function headerMap(headers: readonly Header[]): Record<string, string> {
  return Object.fromEntries(headers.map((h) => [h.name, h.value]));
}

/** Parse a published block; every repair the lenient reader made becomes an erratum at its document line. */
function fromBlock(block: JsonBlock): Pick<PayloadRecord, "raw" | "value" | "errata" | "lines" | "repaired"> {
  const { token } = block;
  const parsed = parseLenientJson(token.text);
  const errata: Erratum[] = parsed.repairs.map((r) => ({
    code: r.code,
    subject: `line ${token.start + r.line - 1}`,
    line: token.start + r.line - 1,
    description: `the published JSON is not valid JSON: ${r.description}`,
    repair: r.description,
  }));
  if (!parsed.ok) {
    errata.push({
      code: "JSON_UNPARSEABLE",
      subject: `line ${token.start + parsed.line - 1}`,
      line: token.start + parsed.line - 1,
      description: `the published JSON cannot be read even leniently: ${parsed.error} (line ${token.start + parsed.line - 1}, column ${parsed.column})`,
    });
  }
  return {
    raw: token.text,
    value: parsed.ok ? parsed.value : undefined,
    errata,
    lines: { start: token.start, end: token.end },
    repaired: parsed.repairs.length > 0,
  };
}
