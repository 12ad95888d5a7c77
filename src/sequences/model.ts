/**
 * Notification sequences (fixtures/sequences/*.json): documented notifications in the order a call
 * goes through them, the orderings the docs allow, and what a correct bot believes after each step
 * and at the end. Steps reference notification fixtures; the call id is bound at run time.
 */
import type { ExpectedObservation } from "../harness/observation.js";

export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

/** The name of the sequence's own call (the one `call` creates): what a step is about unless it names another. */
export const OWN_CALL = "call";

/**
 * A further call alive during the sequence. `expect` of a step is about the step's call; `ends` of
 * the sequence says what a correct bot believes about each further call at the end.
 */
export interface OtherCall {
  /**
   * The create-call scenario the bot creates it with, after the sequence's own call and before any
   * step (in the order of `calls`). Absent: the bot never creates it, and the harness gives it a
   * fresh id (Graph notifies calls a bot did not place: incoming calls).
   */
  scenario?: string;
  /** Why the sequence has this call. */
  why: string;
}

export type Step =
  /** Deliver a documented notification (optionally changed by a JSON Patch, saying why), about `call` (a name of `calls`; the sequence's own call when absent). */
  | { id: string; notification: string; call?: string; patch?: PatchOperation[]; why?: string; expect?: ExpectedObservation }
  /**
   * Ask the bot to transfer `call` (the sequence's own when absent) with the sequence's transfer
   * scenario; with `replacesCall`, its replacesCallId is that call's real id (a consultative
   * transfer done for real), and the step's check also judges the request the bot sent.
   */
  | { id: string; action: "transfer"; call?: string; replacesCall?: string; expect?: ExpectedObservation };

export interface Sequence {
  id: string;
  description: string;
  /** Where in the docs this flow is shown. */
  from: string[];
  /** The scenario the bot creates the call with. */
  call: string;
  /** The scenario of the transfer step, if the sequence has one. */
  transfer?: string;
  /** Further calls alive at once, by name (never "call", the sequence's own). */
  calls?: Record<string, OtherCall>;
  steps: Step[];
  /**
   * Groups of notification step ids the docs allow to arrive in any order relative to each other
   * (with a note saying where the docs say so). Steps outside a group keep their order.
   */
  unordered?: Array<{ steps: string[]; because: string }>;
  /** What a correct bot believes at the end, whatever the allowed order, duplicates and batching. */
  end: ExpectedObservation;
  /** The same for each further call, by name. */
  ends?: Record<string, ExpectedObservation>;
  /**
   * Where protocol version 1 decided otherwise (PROTOCOL.md, "Versions"): what an implementation
   * speaking observation version 1 is held to instead, field by field, and why. Everything else of
   * version 1 is derived from the expectations (expectationFor).
   */
  v1?: { because: string; steps?: Record<string, ExpectedObservation>; end?: ExpectedObservation };
}

export const isNotificationStep = (s: Step): s is Extract<Step, { notification: string }> => "notification" in s;

/** The name of the call a step is about. */
export const callOf = (s: Step): string => s.call ?? OWN_CALL;
