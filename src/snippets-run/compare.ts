/**
 * A snippet's captured request against the example's documented request: the request line
 * (method, version, path with its id segment as a template) and the body after the documented
 * errata. The errata that repair a published value (a placeholder such as "<Media Session
 * Configuration>") are applied to the sent body too, since the snippet publishes the same
 * placeholder: what remains is what the SDK and the snippet change.
 */
import type { DocumentedFixture } from "../fixtures/model.js";
import { getAtPointer, setAtPointer, type JsonValue } from "../util/json.js";
import { diffJson } from "../util/json-diff.js";
import type { CapturedSnippetRequest, RequestDifference } from "./model.js";

export function compareRequest(fixture: DocumentedFixture, sent: CapturedSnippetRequest): RequestDifference[] {
  const out: RequestDifference[] = [];
  const http = fixture.provenance.http;
  if (http.method && http.method !== sent.method) out.push({ part: "method", pointer: "", kind: "changed", documented: http.method, sent: sent.method });
  if (fixture.provenance.apiVersion !== sent.version) out.push({ part: "version", pointer: "", kind: "changed", documented: fixture.provenance.apiVersion, sent: sent.version });
  if (http.path && !pathMatches(http.path, sent.path)) out.push({ part: "path", pointer: "", kind: "changed", documented: http.path, sent: sent.path });
  const body = withDocumentedRepairs(fixture, sent.body);
  for (const d of diffJson(fixture.payload, body)) {
    if (d.kind === "only-left") out.push({ part: "body", pointer: d.pointer, kind: "missing", documented: d.left });
    else if (d.kind === "only-right") out.push({ part: "body", pointer: d.pointer, kind: "extra", sent: d.right });
    else out.push({ part: "body", pointer: d.pointer, kind: "changed", documented: d.left, sent: d.right });
  }
  return out;
}

/** A documented path's `{call-id}` (or a literal example id) stands for any one segment. */
export function pathMatches(documented: string, sent: string): boolean {
  const want = documented.split("/");
  const got = sent.split("/");
  if (want.length !== got.length) return false;
  return want.every((segment, i) => segment === got[i] || (i > 0 && want[i - 1] === "calls" && got[i] !== ""));
}

/**
 * The sent body with each placeholder repair of the fixture applied where the snippet sent the
 * published placeholder. The placeholder is the quoted value the erratum's description starts with.
 */
export function withDocumentedRepairs(fixture: DocumentedFixture, body: unknown): unknown {
  const repairs = fixture.errata.filter((e) => e.code === "PLACEHOLDER_VALUE" && e.pointer && e.repair);
  if (repairs.length === 0 || body === null || typeof body !== "object") return body;
  const copy = structuredClone(body) as JsonValue;
  for (const erratum of repairs) {
    const published = /^"((?:[^"\\]|\\.)*)"/.exec(erratum.description)?.[1];
    if (published === undefined || getAtPointer(copy, erratum.pointer!) !== JSON.parse(`"${published}"`)) continue;
    setAtPointer(copy, erratum.pointer!, getAtPointer(fixture.payload, erratum.pointer!) as JsonValue);
  }
  return copy;
}
