/**
 * The adapter self-check's checks (`graph-calls-contract check-adapter`): one rule of PROTOCOL.md each,
 * with a stable id, the rule in one line, and the section of PROTOCOL.md that states it. A failure's
 * message is what happened, then this rule: the two things an adapter author needs.
 */

export interface ProtocolCheck {
  id: string;
  /** The rule, as PROTOCOL.md states it. */
  requires: string;
  /** The PROTOCOL.md section that says so. */
  section: string;
  /** Judged only for a command (the process protocol), not for an in-process adapter module. */
  processOnly?: true;
}

export const PROTOCOL_CHECKS = [
  { id: "adapter.start", requires: "start is answered with a result within the start timeout (twice the step timeout)", section: "start" },
  { id: "adapter.start.callback-url", requires: "start's result.callbackUrl is an http URL on 127.0.0.1 (or localhost)", section: "start", processOnly: true },
  { id: "adapter.start.protocol", requires: "start's result.protocol is absent (version 1) or one of params.protocols", section: "Versions" },
  { id: "adapter.start.listening", requires: "something accepts connections on the callbackUrl's port when start answers", section: "start", processOnly: true },
  { id: "adapter.observe.unknown-call", requires: "observe of a call id never created answers the empty observation, not an error", section: "observe" },
  { id: "adapter.error-reply", requires: "a request Graph refuses (here a transfer of a call Graph does not know: 404) is answered with an error (native: {\"error\": {\"message\"}}; JSON-RPC: {\"error\": {\"code\": <integer>, \"message\"}}, not a reading error), and the implementation goes on answering", section: "Messages" },
  { id: "adapter.create-call", requires: "createCall places the call with Graph and answers the id Graph gave it", section: "createCall" },
  { id: "adapter.notification.answered", requires: "a notification POSTed with a valid token to callbackUrl is answered 2xx", section: "Notifications (the callback)" },
  { id: "adapter.notification.applied", requires: "observe reflects every notification POST already answered (here: state established)", section: "observe" },
  { id: "adapter.stop", requires: "stop is answered with a result", section: "stop" },
  { id: "adapter.stop.exit", requires: "after answering stop the process exits within a second", section: "stop", processOnly: true },
] as const satisfies readonly ProtocolCheck[];

export type ProtocolCheckId = (typeof PROTOCOL_CHECKS)[number]["id"];

export type ProtocolCheckResult =
  | { id: ProtocolCheckId; status: "passed" }
  | { id: ProtocolCheckId; status: "failed"; message: string }
  | { id: ProtocolCheckId; status: "blocked"; blockedBy: ProtocolCheckId };

export function protocolCheck(id: ProtocolCheckId): ProtocolCheck {
  return PROTOCOL_CHECKS.find((c) => c.id === id)!;
}

/** What happened, then the rule broken and where PROTOCOL.md states it. */
export function failure(id: ProtocolCheckId, what: string): ProtocolCheckResult {
  const check = protocolCheck(id);
  return { id, status: "failed", message: `${what}. PROTOCOL.md (${check.section}) requires: ${check.requires}` };
}
