/**
 * Identifiers: GUID-shaped values that are not GUIDs, and ids that do not match between the parts
 * of one example (Location vs body, response vs notifications, request callbackUri vs where the
 * notifications are posted, values the response echoes differently).
 */
import { getAtPointer, isObject, lastToken, walkJson } from "../../util/json.js";
import { diffJson, summarize } from "../../util/json-diff.js";
import { callIdOf } from "../page.js";
import type { PayloadRecord } from "../model.js";
import { add, recordsOf, type ErrataContext } from "./context.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Five hyphen-separated alphanumeric groups of roughly GUID length: meant to be a GUID. */
const GUID_SHAPED = /^[0-9a-z]{4,10}(?:-[0-9a-z]{2,6}){3}-[0-9a-z]{6,14}$/i;

export function detectMalformedIds(ctx: ErrataContext): void {
  for (const [, record] of recordsOf(ctx.corpus)) {
    for (const [pointer, value] of walkJson(record.value)) {
      if (typeof value === "string" && GUID_SHAPED.test(value) && !GUID.test(value)) {
        add(record, {
          code: "MALFORMED_ID",
          subject: lastToken(pointer) ?? pointer,
          pointer,
          line: record.lines.start,
          description: `${JSON.stringify(value)} is meant to be a GUID but is not one (${why(value)})`,
        });
      }
    }
  }
}

function why(value: string): string {
  const groups = value.split("-").map((g) => g.length);
  if (groups.join("-") !== "8-4-4-4-12") return `groups of ${groups.join("-")} characters instead of 8-4-4-4-12`;
  const bad = [...new Set(value.replace(/[-0-9a-f]/gi, ""))];
  return `non-hexadecimal character${bad.length > 1 ? "s" : ""} ${bad.map((c) => JSON.stringify(c)).join(", ")}`;
}

export function detectExampleInconsistencies(ctx: ErrataContext): void {
  for (const doc of ctx.corpus) {
    const byExample = new Map<number, PayloadRecord[]>();
    for (const r of doc.payloads) byExample.set(r.example.number, [...(byExample.get(r.example.number) ?? []), r]);
    for (const records of byExample.values()) checkExample(records);
  }
}

function checkExample(records: PayloadRecord[]): void {
  const request = records.find((r) => r.role === "request");
  const response = records.find((r) => r.role === "response");
  const notifications = records.filter((r) => r.role === "notification");

  const location = response?.http.headers?.["Location"];
  const bodyId = isObject(response?.value) && typeof response.value.id === "string" ? response.value.id : undefined;
  const locationId = location ? callIdOf(location) : undefined;
  if (response && bodyId && locationId && bodyId !== locationId) {
    add(response, { code: "ID_MISMATCH", subject: "Location header", pointer: "/id", line: response.lines.start, description: `the Location header names call ${locationId} but the body's id is ${bodyId}` });
  }
  const callId = bodyId ?? locationId ?? (request?.http.path ? callIdOf(request.http.path) : undefined);

  const callbackUri = isObject(request?.value) && typeof request.value.callbackUri === "string" ? request.value.callbackUri : undefined;
  for (const n of notifications) {
    if (callbackUri && n.http.url && n.http.url !== callbackUri) {
      add(n, { code: "CALLBACK_MISMATCH", subject: "callback URL", line: n.lines.start, description: `posted to ${n.http.url}, but the example's request asked for callbacks at ${callbackUri}` });
    }
    const items = isObject(n.value) && Array.isArray(n.value.value) ? n.value.value : [];
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const url = typeof item.resourceUrl === "string" ? item.resourceUrl : undefined;
      const urlId = url ? callIdOf(url) : undefined;
      if (callId && urlId && urlId !== callId) {
        add(n, { code: "ID_MISMATCH", subject: "resourceUrl call id", pointer: `/value/${i}/resourceUrl`, line: n.lines.start, description: `this notification is about call ${urlId}, but the example's call is ${callId}` });
      }
      const data = item.resourceData;
      if (urlId && isObject(data) && typeof data.id === "string" && /^\/(communications|app)\/calls\/[^/]+$/.test(url!) && data.id !== urlId) {
        add(n, { code: "ID_MISMATCH", subject: "resourceData.id", pointer: `/value/${i}/resourceData/id`, line: n.lines.start, description: `resourceData.id ${data.id} differs from the call in resourceUrl (${urlId})` });
      }
      if (callbackUri && typeof item.callbackUri === "string" && item.callbackUri !== callbackUri) {
        add(n, { code: "CALLBACK_MISMATCH", subject: "callbackUri", pointer: `/value/${i}/callbackUri`, line: n.lines.start, description: `callbackUri ${item.callbackUri} differs from the request's ${callbackUri}` });
      }
    });
  }

  if (request && response && isObject(request.value) && isObject(response.value)) {
    const diffs = diffJson(request.value, response.value);
    const changed = diffs.filter((d) => d.kind === "changed" && d.left !== null && d.right !== null);
    for (const d of changed) {
      add(response, { code: "RESPONSE_ECHO_MISMATCH", subject: d.pointer, pointer: d.pointer, line: response.lines.start, description: `the request sends ${JSON.stringify((d as { left: unknown }).left)} but the response echoes ${JSON.stringify((d as { right: unknown }).right)}` });
    }
    // Values the response shows inside objects the request sent, though the request never set them.
    const invented = diffs.filter((d) => d.kind === "only-right" && d.right !== null && parentIsRequestObject(request.value, d.pointer));
    const grouped = new Map<string, string[]>();
    for (const d of invented) {
      const parent = d.pointer.slice(0, d.pointer.lastIndexOf("/"));
      grouped.set(parent, [...(grouped.get(parent) ?? []), lastToken(d.pointer)!]);
    }
    for (const [parent, keys] of grouped) {
      add(response, { code: "RESPONSE_ECHO_EXTRA", subject: parent, pointer: parent, line: response.lines.start, description: `the response's ${parent} has ${summarize(keys)}, which the request's ${parent} does not send` });
    }
  }
}

function parentIsRequestObject(request: unknown, pointer: string): boolean {
  const parent = pointer.slice(0, pointer.lastIndexOf("/"));
  return parent !== "" && isObject(getAtPointer(request, parent));
}
