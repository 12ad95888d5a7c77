/**
 * The observation model: what a bot believes about one call after the notifications it received.
 * Kept small on purpose, so an implementation in any language can map its own state to it.
 *
 * Two versions (PROTOCOL.md, "Versions"). Version 1's `result` was "the last resultInfo", which
 * meant two things: why the call ended, or why a transfer failed. Version 2 gives each its own
 * field (`result`: the call's termination; `transferResult`: the transfer's). An implementation
 * says which one it speaks, and is judged on that one's meaning.
 */

export type TransferOutcome = "none" | "transferring" | "accepted" | "completed" | "failed";

export const TRANSFER_OUTCOMES: readonly TransferOutcome[] = ["none", "transferring", "accepted", "completed", "failed"];

/** A resultInfo as the observation carries it: the sub-code whichever way Graph spelled it. */
export interface ResultCode {
  code: number;
  subcode: number | null;
}

/** What every version has. */
interface ObservationBase {
  /** The call state the bot believes (callState values: establishing, established, transferring, terminated...), null before any. */
  state: string | null;
  /** Ids of the participants in the roster (any order). */
  participants: string[];
  /** Ids of the active content sharing sessions (any order). */
  contentSharingSessions: string[];
  /** How the last transfer of this call went. */
  transfer: TransferOutcome;
  /** The terminationReason of a terminated call, when Graph gave one. */
  terminationReason: string | null;
}

/** Version 1 (process protocol 1). */
export interface CallObservationV1 extends ObservationBase {
  /** The last resultInfo the call reported, whatever it was about (a termination or a failed transfer). */
  result: ResultCode | null;
}

/** Version 2 (process protocol 2): one meaning per field. */
export interface CallObservationV2 extends ObservationBase {
  /** The resultInfo of the call's termination; null while the call is not terminated, or when its end carried none. */
  result: ResultCode | null;
  /**
   * The resultInfo of the notification that ended the last transfer: its failure (the call back to
   * established) or its completion (the terminated notification); null before, or when that notification carried none.
   */
  transferResult: ResultCode | null;
}

/** What `observe` answers, in the version the implementation speaks. */
export type CallObservation = CallObservationV1 | CallObservationV2;

export type ObservationVersion = 1 | 2;
export const OBSERVATION_VERSIONS: readonly ObservationVersion[] = [1, 2];
/** What an implementation that does not say speaks: the first version, so adapters written for it keep their meaning. */
export const DEFAULT_OBSERVATION_VERSION: ObservationVersion = 1;
export const LATEST_OBSERVATION_VERSION: ObservationVersion = 2;

/** The observation of a call the bot knows nothing about; valid in both versions (version 1 ignores transferResult). */
export const EMPTY_OBSERVATION: CallObservationV2 = {
  state: null,
  participants: [],
  contentSharingSessions: [],
  transfer: "none",
  result: null,
  transferResult: null,
  terminationReason: null,
};

/** Where the docs allow more than one reading, an expectation accepts any of several values. */
export interface AnyOf<T> {
  anyOf: T[];
}

export type Expected<T> = T | AnyOf<T>;

/** What a sequence expects, written in the latest version: any subset of the observation, each field a value or a set of values. */
export type ExpectedObservation = { [K in keyof CallObservationV2]?: Expected<CallObservationV2[K]> };

export type ObservationField = keyof CallObservationV2;

export function isAnyOf(value: unknown): value is AnyOf<unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && Array.isArray((value as { anyOf?: unknown }).anyOf);
}

/** The values an expected field accepts. */
export function alternatives<T>(expected: Expected<T>): T[] {
  return isAnyOf(expected) ? (expected.anyOf as T[]) : [expected as T];
}

/**
 * What an expectation (written in the latest version) asks of an implementation speaking `version`.
 * Version 1 has no transferResult, and its `result` is the last resultInfo applied: the
 * termination's when the call ended with one (nothing comes after a termination), otherwise the
 * transfer's (the only other resultInfo the docs show). When the expectation does not say enough to
 * tell (result null, transferResult not named), version 1's `result` is not checked.
 */
export function expectationFor(expected: ExpectedObservation, version: ObservationVersion): ExpectedObservation {
  if (version === 2) return expected;
  const { transferResult, result, ...rest } = expected;
  if (!("result" in expected)) return rest;
  const merged: Array<ResultCode | null> = [];
  for (const r of alternatives(result!)) {
    if (r !== null) merged.push(r);
    else if (transferResult === undefined) return rest;
    else merged.push(...alternatives(transferResult));
  }
  const unique = merged.filter((r, i) => merged.findIndex((o) => sameValue(o, r)) === i);
  return { ...rest, result: unique.length === 1 ? unique[0]! : { anyOf: unique } };
}

export interface ObservationMismatch {
  field: ObservationField;
  expected: unknown;
  actual: unknown;
}

/**
 * Compare only the fields the expectation names. Arrays compare as sets; objects on the properties
 * the expectation gives, in any order (an implementation may add others); a missing field reads as null.
 */
export function compareObservation(expected: ExpectedObservation, actual: unknown): ObservationMismatch[] {
  const got = (actual ?? {}) as Record<string, unknown>;
  const out: ObservationMismatch[] = [];
  for (const [field, want] of Object.entries(expected) as Array<[ObservationField, Expected<unknown>]>) {
    const value = got[field];
    if (!alternatives(want).some((w) => sameValue(w, value))) out.push({ field, expected: want, actual: value === undefined ? "(missing)" : value });
  }
  return out;
}

function sameValue(want: unknown, got: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && JSON.stringify([...got].map(String).sort()) === JSON.stringify([...want].map(String).sort());
  if (typeof want === "object" && want !== null) {
    return typeof got === "object" && got !== null && !Array.isArray(got) && Object.entries(want).every(([k, v]) => sameValue(v, (got as Record<string, unknown>)[k]));
  }
  return want === (got ?? null);
}

/** An expected value as messages and reports show it: the value, or "one of a | b" where several are accepted. */
export function describeExpected(expected: unknown, format: (value: unknown) => string = (v) => JSON.stringify(v)): string {
  return isAnyOf(expected) ? `one of ${expected.anyOf.map(format).join(" | ")}` : format(expected);
}

/** The fields of an observation that is well-formed per the model (an implementation may answer garbage). */
export function observationProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`the observation must be an object (got ${JSON.stringify(value)?.slice(0, 60)})`];
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  if (v.state !== null && typeof v.state !== "string") problems.push("state must be a string or null");
  for (const f of ["participants", "contentSharingSessions"]) if (!Array.isArray(v[f]) || !(v[f] as unknown[]).every((x) => typeof x === "string")) problems.push(`${f} must be an array of strings`);
  if (!TRANSFER_OUTCOMES.includes(v.transfer as TransferOutcome)) problems.push(`transfer must be one of ${TRANSFER_OUTCOMES.join(", ")}`);
  return problems;
}
