/**
 * The evidence of a check that did not pass, as plain lines every format shares (each wraps them in
 * its markup): the request the bot sent (method, path, headers without the token, body), or the
 * notification POST a step or delivery was judged after (its steps and documented fixtures, the
 * delta roster sequence numbers that explain the order, the body exactly as POSTed).
 */
import type { CheckResult, SentRequest, TimelineEntry } from "../harness/checks.js";
import { toJsonValue } from "./json-safe.js";
import { truncate, visibleControls } from "./text.js";

/** Bodies are shown whole up to this size; a report of many failures stays readable. */
export const BODY_MAX_CHARS = 6_000;

/** A JSON value, pretty, cut at `max` characters with a note saying so. */
export function prettyJson(value: unknown, max = BODY_MAX_CHARS): string {
  const text = JSON.stringify(toJsonValue(value), null, 2) ?? "null";
  return text.length <= max ? visibleControls(text) : `${visibleControls(truncate(text, max))}\n… (${text.length - max} more characters: results.json has the whole body)`;
}

/** "POST /communications/calls -> Graph answered 400", one line per header, a blank line, the body. */
export function requestLines(request: SentRequest, max = BODY_MAX_CHARS): string[] {
  return [
    `${request.method} ${visibleControls(request.path)} -> Graph answered ${request.status}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${visibleControls(value)}`),
    "",
    ...(request.body !== undefined ? prettyJson(request.body, max).split("\n") : [visibleControls(truncate(request.bodyText ?? "", max))]),
  ];
}

/** The timeline entry of the POST a check's `delivered` evidence names. */
export function deliveredEntry(check: Pick<CheckResult, "delivered" | "timeline">): TimelineEntry | undefined {
  return check.delivered ? check.timeline?.find((t) => t.post === check.delivered!.post) : undefined;
}

/** "delta-2 (create-call.fr.v1.0/ex05.notification-04, sequence number 2)". */
function notificationNames(entry: TimelineEntry): string[] {
  return (entry.notifications ?? []).map((n) => `${n.step} (${n.fixture}${n.sequenceNumbers?.length ? `, sequence number ${n.sequenceNumbers.join(", ")}` : ""})`);
}

/** "POST 3 delivered delta-2 (create-call.fr.v1.0/ex05.notification-04, sequence number 2); the bot answered 202". */
export function deliveredHeading(check: Pick<CheckResult, "delivered" | "timeline">): string | undefined {
  if (!check.delivered) return undefined;
  const entry = deliveredEntry(check);
  const names = entry ? notificationNames(entry) : [];
  return `POST ${check.delivered.post} delivered ${names.length > 0 ? names.join(" + ") : "this body"}${entry ? `; the bot answered ${entry.status ?? "nothing"}` : ""}`;
}

/**
 * Delta rosters are ordered by their sequence numbers, not by arrival: the numbers of every POST up
 * to the one judged, in delivery order ("POST 2: 1; POST 3: 3; POST 4: 2"), when any has one.
 */
export function sequenceOrder(check: Pick<CheckResult, "delivered" | "timeline">): string | undefined {
  const upTo = check.delivered?.post ?? Infinity;
  const numbered = (check.timeline ?? []).filter((t) => t.post <= upTo && t.notifications?.some((n) => n.sequenceNumbers?.length));
  if (numbered.length === 0) return undefined;
  return numbered.map((t) => `POST ${t.post}: ${t.notifications!.flatMap((n) => n.sequenceNumbers ?? []).join(", ")}`).join("; ");
}

/** The evidence of a check as plain lines: what it was judged on. Empty when it has none. */
export function evidenceLines(check: CheckResult, max = BODY_MAX_CHARS): string[] {
  if (check.request) return ["The request the bot sent:", ...requestLines(check.request, max).map((l) => `  ${l}`)];
  if (check.delivered) {
    const order = sequenceOrder(check);
    return [
      `${deliveredHeading(check)}:`,
      ...(order ? [`  delta roster sequence numbers in delivery order: ${order}`] : []),
      ...prettyJson(check.delivered.body, max).split("\n").map((l) => `  ${l}`),
    ];
  }
  return [];
}
