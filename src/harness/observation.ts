/**
 * The observation model: what a bot believes about one call after the notifications it received.
 * Kept small on purpose, so an implementation in any language can map its own state to it.
 */

export type TransferOutcome = "none" | "transferring" | "accepted" | "completed" | "failed";

export interface CallObservation {
  /** The call state the bot believes (callState values: establishing, established, transferring, terminated...), null before any. */
  state: string | null;
  /** Ids of the participants in the roster, sorted. */
  participants: string[];
  /** Ids of the active content sharing sessions, sorted. */
  contentSharingSessions: string[];
  /** How the last transfer of this call went. */
  transfer: TransferOutcome;
  /** The last resultInfo the call reported (termination or failed transfer), whichever spelling of subcode Graph used. */
  result: { code: number; subcode: number | null } | null;
  /** The terminationReason of a terminated call, when Graph gave one. */
  terminationReason: string | null;
}

export const EMPTY_OBSERVATION: CallObservation = {
  state: null,
  participants: [],
  contentSharingSessions: [],
  transfer: "none",
  result: null,
  terminationReason: null,
};

/** What a sequence expects: any subset of the observation. */
export type ExpectedObservation = Partial<CallObservation>;

export interface ObservationMismatch {
  field: keyof CallObservation;
  expected: unknown;
  actual: unknown;
}

/** Compare only the fields the expectation names; arrays compare as sets (sorted). */
export function compareObservation(expected: ExpectedObservation, actual: unknown): ObservationMismatch[] {
  const got = (actual ?? {}) as Record<string, unknown>;
  const out: ObservationMismatch[] = [];
  for (const [field, want] of Object.entries(expected) as Array<[keyof CallObservation, unknown]>) {
    const value = got[field];
    const same = Array.isArray(want)
      ? Array.isArray(value) && JSON.stringify([...value].map(String).sort()) === JSON.stringify([...want].map(String).sort())
      : JSON.stringify(value ?? null) === JSON.stringify(want ?? null);
    if (!same) out.push({ field, expected: want, actual: value === undefined ? "(missing)" : value });
  }
  return out;
}

/** The fields of an observation that is well-formed per the model (an implementation may answer garbage). */
export function observationProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`the observation must be an object (got ${JSON.stringify(value)?.slice(0, 60)})`];
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  if (v.state !== null && typeof v.state !== "string") problems.push("state must be a string or null");
  for (const f of ["participants", "contentSharingSessions"]) if (!Array.isArray(v[f]) || !(v[f] as unknown[]).every((x) => typeof x === "string")) problems.push(`${f} must be an array of strings`);
  if (!["none", "transferring", "accepted", "completed", "failed"].includes(v.transfer as string)) problems.push("transfer must be one of none, transferring, accepted, completed, failed");
  return problems;
}
