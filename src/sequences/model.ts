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

export type Step =
  /** Deliver a documented notification (optionally changed by a JSON Patch, saying why). */
  | { id: string; notification: string; patch?: PatchOperation[]; why?: string; expect?: ExpectedObservation }
  /** Ask the bot to transfer the call with the sequence's transfer scenario. */
  | { id: string; action: "transfer"; expect?: ExpectedObservation };

export interface Sequence {
  id: string;
  description: string;
  /** Where in the docs this flow is shown. */
  from: string[];
  /** The scenario the bot creates the call with. */
  call: string;
  /** The scenario of the transfer step, if the sequence has one. */
  transfer?: string;
  steps: Step[];
  /**
   * Groups of notification step ids the docs allow to arrive in any order relative to each other
   * (with a note saying where the docs say so). Steps outside a group keep their order.
   */
  unordered?: Array<{ steps: string[]; because: string }>;
  /** What a correct bot believes at the end, whatever the allowed order, duplicates and batching. */
  end: ExpectedObservation;
  /**
   * Where protocol version 1 decided otherwise (PROTOCOL.md, "Versions"): what an implementation
   * speaking observation version 1 is held to instead, field by field, and why. Everything else of
   * version 1 is derived from the expectations (expectationFor).
   */
  v1?: { because: string; steps?: Record<string, ExpectedObservation>; end?: ExpectedObservation };
}

export const isNotificationStep = (s: Step): s is Extract<Step, { notification: string }> => "notification" in s;
