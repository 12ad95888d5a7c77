/**
 * Preconditions: what a check needs before it can judge anything. A transfer scenario, a sequence
 * and its deliveries all need the bot to create a call first; when it cannot, they are blocked by
 * the check of the create-call scenario that says why (its schema, its Authorization header...),
 * judged on the very request the bot sent this time.
 */
import type { CheckResult, ErrorKind } from "./checks.js";
import { checkRequests } from "./request-checks.js";
import type { Session } from "./session.js";

/** The check that keeps others from being judged, and what it found. */
export interface Blocker {
  id: string;
  message: string;
  /** Set when the blocker is an error (the bot could not answer at all), not a failure. */
  errorKind?: ErrorKind;
}

export type CallPrecondition = { callId: string } | { blocker: Blocker };

/** Ask the bot to create the call of a create-call scenario; the call id, or the check that explains why there is none. */
export async function createCallFor(session: Session, scenarioId: string): Promise<CallPrecondition> {
  session.graph.clearRequests();
  const created = await session.createCall(scenarioId);
  // A call id Graph never gave (the bot misreports it) is no call to build on either.
  if (created.callId !== undefined && session.graph.requests.some((r) => r.status === 201 && r.callId === created.callId)) return { callId: created.callId };
  const scenario = session.scenarios.get(scenarioId);
  const fallback: Blocker = { id: `${scenarioId}/result.call-id`, message: `the bot could not create the call of ${scenarioId}: ${created.error ?? "no call id"}`, ...(created.errorKind ? { errorKind: created.errorKind } : {}) };
  if (!scenario) return { blocker: fallback };
  const judged = checkRequests({ scenario, contract: session.contract, accessToken: session.options.accessToken, callbackUri: session.options.callbackUri }, [...session.graph.requests], created);
  const root = firstRoot(judged);
  return { blocker: root ? { id: root.id, message: `the bot could not create the call of ${scenarioId}: ${root.message ?? "failed"}`, ...(root.errorKind ? { errorKind: root.errorKind } : {}) } : fallback };
}

/**
 * Ask the bot to transfer a call as a transfer scenario says (replacing the call `replacesCallId`
 * when given); nothing, or the check of that scenario that explains why it could not.
 */
export async function transferFor(session: Session, callId: string, scenarioId: string, replacesCallId?: string): Promise<{ blocker?: Blocker; error?: string; errorKind?: ErrorKind }> {
  session.graph.clearRequests();
  const result = await session.transfer(callId, scenarioId, replacesCallId);
  if (!result.error) return {};
  const scenario = session.scenarios.get(scenarioId);
  const judged = scenario ? checkRequests({ scenario, contract: session.contract, accessToken: session.options.accessToken, callbackUri: session.options.callbackUri, callId }, [...session.graph.requests], result) : [];
  const root = firstRoot(judged);
  const blocker: Blocker = root
    ? { id: root.id, message: `the bot could not transfer the call as ${scenarioId} says: ${root.message ?? "failed"}`, ...(root.errorKind ? { errorKind: root.errorKind } : {}) }
    : { id: `${scenarioId}/result.accepted`, message: `the bot could not transfer the call as ${scenarioId} says: ${result.error}`, ...(result.errorKind ? { errorKind: result.errorKind } : {}) };
  return { blocker, ...result };
}

/** The first check that failed or errored on its own, preferring what Graph judges (method, headers, schema) to fidelity. */
function firstRoot(checks: readonly CheckResult[]): CheckResult | undefined {
  const roots = checks.filter((c) => c.status === "failed" || c.status === "error");
  return roots.find((c) => !c.id.includes("/fidelity.")) ?? roots[0];
}
