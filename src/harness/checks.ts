/**
 * The result stream: every check a run makes, with a stable id, a one-line title naming the
 * documentation it comes from, a status, and why. Every report is a view of these results.
 *
 * Statuses, and what each means for the person reading the report:
 * - passed: the check judged the implementation, and it conforms.
 * - failed: the check judged it, and it does not. A failure is always the check's own verdict.
 * - blocked: the check could not be judged because a check it depends on did not pass (a transfer
 *   whose base call could not be created, a step after a POST the bot did not take in);
 *   `blockedBy` names that check, which is itself failed or error: the root.
 * - error: the check could not be run: the implementation timed out, crashed or broke the process
 *   protocol (`errorKind` says which), could not start at all, or the harness failed.
 * - known: it failed, as a known defect of the implementation says it would (`knownDefect`).
 */
import type { JsonValue } from "../util/json.js";

/** receiver: how the bot's callback receives (auth.*: the notification tokens; receiver.latency). */
export type CheckGroup = "run" | "requests" | "sequences" | "deliveries" | "receiver";

export type CheckStatus = "passed" | "failed" | "blocked" | "error" | "known";

/**
 * Why a check could not be run. "start" and "internal" mean the run itself could not happen as
 * asked (exit 3); the others are the implementation's doing (exit 1).
 */
export type ErrorKind =
  /** The implementation did not answer within the step timeout. */
  | "timeout"
  /** The implementation's process died. */
  | "crash"
  /** The implementation broke the process protocol or the adapter contract (garbage, a malformed answer). */
  | "protocol"
  /** The implementation could not be created or started. */
  | "start"
  /** The harness failed: a bug of graph-calls-contract, not of the implementation. */
  | "internal";

/** The request a bot sent, as evidence next to a failing request check (the bearer token is never shown). */
export interface SentRequest {
  method: string;
  /** The path after the version segment, as Graph routes it. */
  path: string;
  /** Lower-cased names; Authorization shows its scheme and the token's length only. */
  headers: Record<string, string>;
  /** The JSON body, or the text when it was not JSON. */
  body?: JsonValue;
  bodyText?: string;
  /** What the mock Graph answered. */
  status: number;
}

/** A notification in a POST: which step and documented fixture it is, and the numbers that order it. */
export interface DeliveredNotification {
  step: string;
  /** The documented notification fixture the step is made from ("create-call.fr.v1.0/ex05.notification-04"). */
  fixture: string;
  /** Delta roster: resourceData[].sequenceNumber of the notification, in order. */
  sequenceNumbers?: number[];
}

/** One line of a sequence's timeline: what was delivered, what the bot answered and believed. */
export interface TimelineEntry {
  /** 1-based POST number. */
  post: number;
  /** Step ids in this POST (several when batched; a step repeated when duplicated). */
  steps: string[];
  /** The bot's HTTP status, or null when it threw or timed out. */
  status: number | null;
  /** How long the bot took to answer this POST (or the action). */
  latencyMs?: number;
  /** What went wrong delivering or observing, if anything (exception, timeout). */
  error?: string;
  /** Set when the implementation could not answer at all (hang, crash, protocol violation): the checks concerned are errors. */
  errorKind?: ErrorKind;
  /** The notifications this POST carried, in order (absent for an action). */
  notifications?: DeliveredNotification[];
  /** The observation after this POST (undefined when observing failed). */
  observed?: unknown;
  /** What the sequence expected after this POST, when it says. */
  expected?: unknown;
  mismatches?: string[];
}

export interface CheckResult {
  /** Stable across runs: "create-call.v1.0.ex01/schema", "sequence.transfer-failed/end", "delivery.delta-roster". */
  id: string;
  group: CheckGroup;
  /** The scenario or sequence it belongs to. */
  subject: string;
  /** One line; names the documented example or sequence it comes from. */
  title: string;
  status: CheckStatus;
  /** blocked: the id of the check that kept this one from being judged (failed or error, never itself blocked). */
  blockedBy?: string;
  /** error: what kept the check from running. */
  errorKind?: ErrorKind;
  /** The reason of the known defect that matched this check. */
  knownDefect?: string;
  /** Why it failed, errored or was blocked, in one line. */
  message?: string;
  /** Evidence: schema errors, mismatches, captured stderr... */
  details?: string[];
  /** Request checks that did not pass: the request the bot sent. */
  request?: SentRequest;
  /** Step and delivery checks that did not pass: the POST that shows it, with the body exactly as sent. */
  delivered?: { post: number; body: JsonValue };
  timeline?: TimelineEntry[];
  /** Property-based checks: how to replay a failure. */
  seed?: number;
  replay?: string;
  /** The fixture the check comes from, relative to the package root ("fixtures/scenarios/create-call.v1.0.ex01.json"). */
  file?: string;
  durationMs: number;
}

/** What a check is, before its verdict. */
export type CheckBase = Omit<CheckResult, "status" | "durationMs" | "blockedBy" | "errorKind">;

export function passed(base: CheckBase, durationMs = 0): CheckResult {
  return { ...base, status: "passed", durationMs };
}

export function failed(base: CheckBase, message: string, details?: string[], durationMs = 0): CheckResult {
  return { ...base, status: "failed", message, ...(details && details.length ? { details } : {}), durationMs };
}

/** `by`: the check that did not pass; `message` says what it found, so the blocked check reads on its own. */
export function blocked(base: CheckBase, by: string, message: string, durationMs = 0): CheckResult {
  return { ...base, status: "blocked", blockedBy: by, message, durationMs };
}

export function errored(base: CheckBase, kind: ErrorKind, message: string, details?: string[], durationMs = 0): CheckResult {
  return { ...base, status: "error", errorKind: kind, message, ...(details && details.length ? { details } : {}), durationMs };
}

/** A check that did not pass and is not waiting on another: what a report leads with. */
export const isRoot = (check: Pick<CheckResult, "status">): boolean => check.status === "failed" || check.status === "error";

/**
 * What keeps a check that needs `checks` to pass from being judged: the first of them that failed
 * or errored, else the root of the first blocked one; `message` names that check and what it found.
 */
export function blockerAmong(checks: readonly CheckResult[]): { id: string; message: string } | undefined {
  const notPassing = checks.find(isRoot) ?? checks.find((c) => c.status === "blocked");
  if (!notPassing) return undefined;
  return { id: notPassing.status === "blocked" ? notPassing.blockedBy! : notPassing.id, message: `${notPassing.id}: ${notPassing.message ?? ""}` };
}

/** The root a blocked check leads back to: its blockedBy, followed while that is itself blocked (bounded, cycles stop). */
export function rootOf(check: CheckResult, byId: ReadonlyMap<string, CheckResult>): CheckResult | undefined {
  let current: CheckResult | undefined = check;
  for (let hops = 0; current?.status === "blocked" && hops < 16; hops++) current = current.blockedBy === undefined ? undefined : byId.get(current.blockedBy);
  return current && current !== check && current.status !== "blocked" ? current : undefined;
}

/** An implementation's exception or timeout, as one line for a report. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name === "Error" ? "" : error.name + ": "}${error.message}`;
  return `threw ${JSON.stringify(error)?.slice(0, 200) ?? String(error)}`;
}
