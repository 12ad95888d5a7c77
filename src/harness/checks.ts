/** Check results: every check has a stable id, a one-line title naming the documentation it comes from, and a verdict. */

export type CheckGroup = "requests" | "sequences" | "deliveries";

/** One line of a sequence's timeline: what was delivered, what the bot answered and believed. */
export interface TimelineEntry {
  /** 1-based POST number. */
  post: number;
  /** Step ids in this POST (several when batched; a step repeated when duplicated). */
  steps: string[];
  /** The bot's HTTP status, or null when it threw or timed out. */
  status: number | null;
  /** What went wrong delivering, if anything (exception, timeout). */
  error?: string;
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
  /** "known": it failed, and the implementation is known to fail it (a known defect, with its reason). */
  status: "pass" | "fail" | "known";
  /** The reason of the known defect that matched this check. */
  knownDefect?: string;
  /** Why it failed, in one line. */
  message?: string;
  /** Evidence: schema errors, mismatches, captured stderr... */
  details?: string[];
  timeline?: TimelineEntry[];
  /** Property-based checks: how to replay a failure. */
  seed?: number;
  replay?: string;
  durationMs: number;
}

export function pass(base: Omit<CheckResult, "status" | "durationMs">, durationMs = 0): CheckResult {
  return { ...base, status: "pass", durationMs };
}

export function fail(base: Omit<CheckResult, "status" | "durationMs">, message: string, details?: string[], durationMs = 0): CheckResult {
  return { ...base, status: "fail", message, ...(details && details.length ? { details } : {}), durationMs };
}

/** An implementation's exception or timeout, as one line for a report. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name === "Error" ? "" : error.name + ": "}${error.message}`;
  return `threw ${JSON.stringify(error)?.slice(0, 200) ?? String(error)}`;
}
