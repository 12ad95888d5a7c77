/**
 * The checks the catalog only ever blocks (a check they depend on fails first; see
 * src/harness/kill-matrix.ts) and never fails on their own, and why no realistic single bug trips
 * them on their own. The kill matrix suite keeps this list exact.
 */
export interface KnownGap {
  checks: string[];
  because: string;
}

const each = (scenarios: string[], check: string) => scenarios.map((s) => `${s}/${check}`);
const createCalls = (...ex: string[]) => ex.map((e) => `create-call.v1.0.ex${e}`);
const BLIND_TRANSFERS = ["call-transfer.beta.ex01", "call-transfer.beta.ex03", "call-transfer.v1.0.ex01", "call-transfer.v1.0.ex03", "call-transfer.v1.0.ex05"];
const TRANSFERS_WITHOUT_TRANSFEREE = ["call-transfer.beta.ex01", "call-transfer.beta.ex02", "call-transfer.beta.ex03", "call-transfer.beta.ex04", "call-transfer.v1.0.ex01", "call-transfer.v1.0.ex02", "call-transfer.v1.0.ex03"];
const ALL_TRANSFERS = [...new Set([...BLIND_TRANSFERS, ...TRANSFERS_WITHOUT_TRANSFEREE])];

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    checks: each(ALL_TRANSFERS, "http.content-type"),
    because: "a bot's headers are the same for every request, and Graph refuses a wrong Content-Type on the create call already, so the transfer is never sent",
  },
  {
    checks: each(createCalls("01", "05", "06", "07", "08"), "fidelity.source"),
    because: "these scenarios name no source, and the check then accepts any (a bot may always say which application calls)",
  },
  {
    checks: each(createCalls("01", "02", "03", "04", "09", "10"), "fidelity.meeting"),
    because: "these calls join no meeting: only a bot that joins a meeting nobody asked for would fail it",
  },
  {
    checks: each(BLIND_TRANSFERS, "fidelity.replaces-call"),
    because: "blind transfers replace no call: only a bot that invents a consultation call would fail it",
  },
  {
    checks: each(TRANSFERS_WITHOUT_TRANSFEREE, "fidelity.transferee"),
    because: "these transfers name no transferee (not from a group call): only a bot that names one nobody asked for would fail it",
  },
  {
    checks: ["sequence.call-never-created/step.stranger.established", "sequence.call-never-created/step.stranger.terminated"],
    because: "each accepts both readings of a call the bot never created (kept: the state its notifications said; ignored: unknown), so only a bot that believes such a call is in a state no notification said would fail it; the realistic bugs about such calls show elsewhere: answering them non-2xx (rejects-unknown-call, acks) or letting them change the bot's own call (one-call-at-a-time, end)",
  },
];
