/**
 * Identifiers: GUID-shaped values that are not GUIDs, and ids that do not match between the parts
 * of one example (Location vs body, response vs notifications, request callbackUri vs where the
 * notifications are posted, values the response echoes differently).
 */
import { getAtPointer, isObject, lastToken, walkJson } from "../../util/json.js";
import { diffJson, summarize } from "../../util/json-diff.js";
import { callIdOf, templatePath } from "../page.js";
import type { PayloadRecord } from "../model.js";
import { isPlaceholder } from "./placeholders.js";
import { add, recordsByExample, recordsOf, type ErrataContext } from "./context.js";

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
  for (const doc of ctx.corpus) for (const records of recordsByExample(doc).values()) checkExample(records);
}

const CALL_TYPE = /^#?microsoft\.graph\.call$/i;
const OPERATION_TYPE = /^#?microsoft\.graph\.\w*Operation$/i;

/** A concrete id: placeholders ({id}, <callId>) say nothing about which call is meant. */
function concrete(id: string | undefined): string | undefined {
  return id !== undefined && !/[<>{}]/.test(id) && !isPlaceholder(id) ? id : undefined;
}

/** What a response body is: the call (create call, get call) or an operation (invite, playPrompt...). */
function responseResource(response: PayloadRecord, request: PayloadRecord | undefined): "call" | "operation" | undefined {
  if (!isObject(response.value)) return undefined;
  const type = response.value["@odata.type"];
  if (typeof type === "string") return CALL_TYPE.test(type) ? "call" : OPERATION_TYPE.test(type) ? "operation" : undefined;
  const path = request?.http.path ?? response.http.path;
  return path && /^\/(communications|app)\/calls(\/[^/]+)?$/.test(templatePath(path)) ? "call" : undefined;
}

/** Whether a value at `pointer` was published as a placeholder (and repaired): it cannot disagree with anything. */
function wasPlaceholder(record: PayloadRecord | undefined, pointer: string): boolean {
  return record?.errata.some((e) => e.code === "PLACEHOLDER_VALUE" && e.pointer === pointer) ?? false;
}

function checkExample(records: PayloadRecord[]): void {
  const request = records.find((r) => r.role === "request");
  const response = records.find((r) => r.role === "response");
  const notifications = records.filter((r) => r.role === "notification");

  const location = response?.http.headers?.["Location"];
  const resource = response ? responseResource(response, request) : undefined;
  const bodyId = resource && isObject(response?.value) && typeof response.value.id === "string" ? concrete(response.value.id) : undefined;
  // The Location names what the body is: the call (.../calls/{id}) or the operation (.../operations/{id}).
  const locationId = location ? concrete(resource === "operation" ? /\/operations\/([^/?]+)\/?$/.exec(location)?.[1] : /\/calls\/([^/?]+)\/?$/.exec(location)?.[1]) : undefined;
  if (response && bodyId && locationId && bodyId !== locationId) {
    add(response, { code: "ID_MISMATCH", subject: "Location header", pointer: "/id", line: response.lines.start, description: `the Location header names ${resource} ${locationId} but the body's id is ${bodyId}` });
  }
  const callId = (resource === "call" ? bodyId : undefined) ?? concrete(location ? callIdOf(location) : undefined) ?? concrete(request?.http.path ? callIdOf(request.http.path) : undefined);

  const published = isObject(request?.value) && typeof request.value.callbackUri === "string" && !wasPlaceholder(request, "/callbackUri") ? request.value.callbackUri : undefined;
  const callbackUri = published && !/[<>{}]/.test(published) ? published : undefined;
  for (const n of notifications) {
    if (callbackUri && n.http.url && !/[<>{}]/.test(n.http.url) && n.http.url !== callbackUri) {
      add(n, { code: "CALLBACK_MISMATCH", subject: "callback URL", line: n.lines.start, description: `posted to ${n.http.url}, but the example's request asked for callbacks at ${callbackUri}` });
    }
    const items = isObject(n.value) && Array.isArray(n.value.value) ? n.value.value : [];
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const url = typeof item.resourceUrl === "string" && !wasPlaceholder(n, `/value/${i}/resourceUrl`) ? item.resourceUrl : undefined;
      const urlId = url ? concrete(callIdOf(url)) : undefined;
      if (callId && urlId && urlId !== callId) {
        add(n, { code: "ID_MISMATCH", subject: "resourceUrl call id", pointer: `/value/${i}/resourceUrl`, line: n.lines.start, description: `this notification is about call ${urlId}, but the example's call is ${callId}` });
      }
      const data = item.resourceData;
      if (urlId && isObject(data) && typeof data.id === "string" && /^\/(communications|app)\/calls\/[^/]+$/.test(url!) && data.id !== urlId && !wasPlaceholder(n, `/value/${i}/resourceData/id`)) {
        add(n, { code: "ID_MISMATCH", subject: "resourceData.id", pointer: `/value/${i}/resourceData/id`, line: n.lines.start, description: `resourceData.id ${data.id} differs from the call in resourceUrl (${urlId})` });
      }
      if (callbackUri && typeof item.callbackUri === "string" && !wasPlaceholder(n, `/value/${i}/callbackUri`) && item.callbackUri !== callbackUri) {
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
