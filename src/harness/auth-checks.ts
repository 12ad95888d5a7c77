/**
 * Does the bot let anyone in? Graph signs every notification it POSTs (PROTOCOL.md, "Notification
 * tokens"); a bot that does not check the token accepts forged call state from anyone who finds its
 * callback URL. Each `auth.reject.*` check creates a call, POSTs a notification that would change it
 * under one forged token, and wants a 401 or 403 and an observation left as it was; then POSTs the
 * same notification with a valid token, which must be taken (so "unchanged" means refused, not
 * ignored). The `auth.accept.*` checks are the tokens a bot must not refuse: Bot Framework's issuer,
 * and a key published after the bot started.
 *
 * Each check needs a call (blocked by the create-call check that says why the bot could not make
 * one), and a bot that takes in this notification with a valid token: when the run's documented
 * order of the same sequence shows it does not, a check that depends on it is blocked by that
 * check instead of failing for it. A POST or observation the bot could not answer at all is an error.
 */
import { BOTFRAMEWORK_ISSUER } from "../mock-graph/issuer.js";
import { bindNotification } from "../sequences/bind.js";
import { stepBody } from "../sequences/load.js";
import { isNotificationStep, type Sequence } from "../sequences/model.js";
import { expectedOf } from "../sequences/expectations.js";
import { kindDoc } from "./check-registry.js";
import { blocked, blockerAmong, errored, failed, passed, type CheckBase, type CheckResult, type TimelineEntry } from "./checks.js";
import { compareObservation, observationProblems, type CallObservation, type ExpectedObservation } from "./observation.js";
import { createCallFor } from "./preconditions.js";
import { observeAfter } from "./runner.js";
import type { DeliverOptions, Session } from "./session.js";

/** The sequence whose two steps the auth checks deliver: an outgoing call establishing, then established. */
export const AUTH_SEQUENCE = "outgoing-call-lifecycle";
const FIRST_STEP = "establishing";
const SECOND_STEP = "established";
/** A tenant that is no call's. */
const OTHER_TENANT = "0b0e5d3a-6f1c-4e8a-9d27-4c5b6a7e8f90";
/** Graph's own application id: a token for Graph, not for the bot. */
const OTHER_AUDIENCE = "00000003-0000-0000-c000-000000000000";

/** What each token is lives in the check registry (the checks' titles); here, how to make it. */
export interface Forgery {
  /** The check is auth.reject.<id>. */
  id: string;
  token(now: number, tenant: string): NonNullable<DeliverOptions["token"]> | null;
}

const HOUR = 3600;

export const FORGERIES: readonly Forgery[] = [
  { id: "no-token", token: () => null },
  { id: "bad-signature", token: () => ({ signing: { forgedWith: "stray", kid: "current" } }) },
  { id: "unknown-kid", token: () => ({ signing: { key: "stray" } }) },
  { id: "alg-none", token: () => ({ signing: { alg: "none" } }) },
  { id: "alg-confusion", token: () => ({ signing: { alg: "HS256-public-key" } }) },
  { id: "wrong-issuer", token: (_now, tenant) => ({ claims: { iss: `https://login.microsoftonline.com/${tenant}/v2.0` } }) },
  { id: "wrong-audience", token: () => ({ claims: { aud: OTHER_AUDIENCE } }) },
  { id: "expired", token: (now) => ({ claims: { iat: now - 2 * HOUR, nbf: now - 2 * HOUR, exp: now - HOUR } }) },
  { id: "not-yet-valid", token: (now) => ({ claims: { iat: now, nbf: now + HOUR, exp: now + 2 * HOUR } }) },
  { id: "no-expiry", token: () => ({ claims: { exp: null } }) },
  { id: "no-tenant", token: () => ({ tid: null }) },
  { id: "other-tenant", token: () => ({ tid: OTHER_TENANT }) },
];

const ACCEPTS = ["rotated-key", "botframework-issuer"]; // in run order: rotation first

export function authCheckIds(): string[] {
  return [...ACCEPTS.map((a) => `auth.accept.${a}`), ...FORGERIES.map((f) => `auth.reject.${f.id}`)];
}

/** An auth check, before its verdict. */
export function authCheckBase(id: string): CheckBase {
  return { id, group: "receiver", subject: "receiver", title: kindDoc(id) };
}

export interface AuthCheckOptions {
  /** How long after the bot's last key set fetch a refused rotated key is retried (PROTOCOL.md: run --key-refresh-wait). */
  keyRefreshWaitMs: number;
  /** Which checks to run (all by default). */
  wanted?: (id: string) => boolean;
  /** The run's documented-order checks of the auth sequence, if it made them: what a bot that refuses valid notifications already failed. */
  prior?: readonly CheckResult[];
}

const isRefusal = (status: number | null) => status === 401 || status === 403;
const is2xx = (status: number | null) => status !== null && status >= 200 && status <= 299;

/** The checks, rotation first: it wants the bot's key set cached, and not just refreshed by an unknown kid. */
export async function checkAuth(session: Session, sequence: Sequence, options: AuthCheckOptions): Promise<CheckResult[]> {
  const wanted = options.wanted ?? (() => true);
  const context: AuthContext = { session, sequence, steps: stepsOf(sequence, session), prior: options.prior ?? [] };
  const results: CheckResult[] = [];
  if (wanted("auth.accept.rotated-key")) results.push(await rotatedKey(context, options.keyRefreshWaitMs));
  if (wanted("auth.accept.botframework-issuer")) results.push(await botframeworkIssuer(context));
  for (const forgery of FORGERIES) if (wanted(`auth.reject.${forgery.id}`)) results.push(await rejects(context, forgery));
  return results;
}

type NotificationStep = Extract<Sequence["steps"][number], { notification: string }>;

interface AuthStep {
  id: string;
  expect: ExpectedObservation;
  fixture: NotificationStep;
}

interface AuthContext {
  session: Session;
  sequence: Sequence;
  steps: [AuthStep, AuthStep];
  /** The run's documented-order checks of the sequence (none when it did not make them). */
  prior: readonly CheckResult[];
}

function stepsOf(sequence: Sequence, session: Session): [AuthStep, AuthStep] {
  const step = (id: string): AuthStep => {
    const found = sequence.steps.find((s) => s.id === id);
    const expect = expectedOf(sequence, id, session.observationVersion);
    if (!found || !isNotificationStep(found) || !expect) throw new Error(`sequence ${sequence.id} has no notification step ${id} with an expectation (the auth checks deliver it)`);
    return { id, expect, fixture: found };
  };
  return [step(FIRST_STEP), step(SECOND_STEP)];
}

/** A POST and what the bot believed after it, as a timeline line. */
async function post(session: Session, timeline: TimelineEntry[], callId: string, step: AuthStep, label: string, token: DeliverOptions["token"], expect?: ExpectedObservation): Promise<{ status: number | null; observed?: unknown; entry: TimelineEntry }> {
  const body = bindNotification(stepBody(step.fixture, session.notifications, AUTH_SEQUENCE), { callId, callbackUri: session.options.callbackUri });
  const entry: TimelineEntry = { post: timeline.length + 1, steps: [step.id, `(${label})`], status: null };
  const started = Date.now();
  const sent = await session.deliver(body, { callId, ...(token !== undefined ? { token } : {}) });
  entry.latencyMs = Date.now() - started;
  entry.status = sent.status;
  if (sent.error) entry.error = sent.error;
  if (sent.errorKind) entry.errorKind = sent.errorKind;
  const { observed } = await observeAfter(session, callId, entry, expect);
  timeline.push(entry);
  return { status: sent.status, ...(observed !== undefined ? { observed } : {}), entry };
}

/** The call a check works on and what the bot believes of it before anything is POSTed, or the check's result when there is none. */
async function createCall(check: CheckBase, { session, sequence }: AuthContext, started: number): Promise<{ callId: string; before: unknown } | { result: CheckResult }> {
  const created = await createCallFor(session, sequence.call);
  const ms = () => Date.now() - started;
  if ("blocker" in created) return { result: blocked(check, created.blocker.id, created.blocker.message) };
  const before = await session.observe(created.callId);
  const what = "observing the call before any notification";
  if (before.error) return { result: before.errorKind ? errored(check, before.errorKind, `${what}: ${before.error}`, undefined, ms()) : failed(check, `${what}: ${before.error}`, undefined, ms()) };
  const malformed = observationProblems(before.observed);
  if (malformed.length > 0) return { result: errored(check, "protocol", `${what}: observe() answered a malformed observation: ${malformed.join("; ")}`, undefined, ms()) };
  return { callId: created.callId, before: before.observed };
}

/**
 * A valid token the bot did not take: its own failure, unless the documented order of the same
 * sequence shows the bot does not take that step with any valid token (then blocked by what that
 * found), or the bot could not answer at all (an error).
 */
function notTaken(check: CheckBase, context: AuthContext, step: AuthStep, entry: TimelineEntry, message: string, ms: number): CheckResult {
  if (entry.errorKind) return errored(check, entry.errorKind, `${message}: ${entry.error ?? "no answer"}`, undefined, ms);
  const pre = blockerAmong(context.prior.filter((c) => c.id === `sequence.${context.sequence.id}/step.${step.id}`));
  return pre ? blocked(check, pre.id, `${message}; in the documented order too: ${pre.message}`) : failed(check, message, undefined, ms);
}

function describeStatus(status: number | null, entry: TimelineEntry): string {
  return status === null ? `no answer (${entry.error ?? "nothing"})` : String(status);
}

async function rejects(context: AuthContext, forgery: Forgery): Promise<CheckResult> {
  const { session, steps } = context;
  const started = Date.now();
  const ms = () => Date.now() - started;
  const check = authCheckBase(`auth.reject.${forgery.id}`);
  const call = await createCall(check, context, started);
  if ("result" in call) return call.result;
  const { callId } = call;
  const timeline: TimelineEntry[] = [];
  const at = { ...check, timeline };
  const [, step] = steps;
  const now = Math.floor(Date.now() / 1000);
  const forged = await post(session, timeline, callId, step, `forged: ${forgery.id}`, forgery.token(now, session.graph.tenantOf(callId) ?? session.options.tenantId));
  if (forged.entry.errorKind) return errored(at, forged.entry.errorKind, `the forged POST: ${forged.entry.error ?? "no answer"}`, undefined, ms());
  const changed = forged.observed === undefined ? [] : compareObservation(call.before as CallObservation, forged.observed);
  const valid = await post(session, timeline, callId, step, "the same notification, valid token", undefined, step.expect);
  const problems: string[] = [];
  if (!isRefusal(forged.status)) problems.push(`the forged POST was answered ${describeStatus(forged.status, forged.entry)}, not 401 or 403`);
  if (changed.length > 0) problems.push(`the forged notification changed what the bot believes: ${changed.map((m) => `${m.field} ${JSON.stringify(m.expected)} -> ${JSON.stringify(m.actual)}`).join(", ")}`);
  if (problems.length > 0) return failed(at, problems.join("; "), undefined, ms());
  // The forgery was refused; the same notification with a valid token shows it would have mattered.
  if (!is2xx(valid.status)) return notTaken(at, context, step, valid.entry, `the same notification with a valid token was refused too (${describeStatus(valid.status, valid.entry)}): the bot refuses Graph's own notifications`, ms());
  if ((valid.entry.mismatches ?? []).length > 0) return notTaken(at, context, step, valid.entry, `the same notification with a valid token was not applied (${valid.entry.mismatches!.join("; ")}), so an unchanged observation shows nothing`, ms());
  return passed(at, ms());
}

async function botframeworkIssuer(context: AuthContext): Promise<CheckResult> {
  const { session, steps } = context;
  const started = Date.now();
  const check = authCheckBase("auth.accept.botframework-issuer");
  const call = await createCall(check, context, started);
  if ("result" in call) return call.result;
  const timeline: TimelineEntry[] = [];
  const [, step] = steps;
  const sent = await post(session, timeline, call.callId, step, `iss ${BOTFRAMEWORK_ISSUER}`, { claims: { iss: BOTFRAMEWORK_ISSUER } }, step.expect);
  const problems = acceptProblems(sent.status, sent.entry);
  const ms = Date.now() - started;
  return problems.length === 0 ? passed({ ...check, timeline }, ms) : notTaken({ ...check, timeline }, context, step, sent.entry, `a token issued by ${BOTFRAMEWORK_ISSUER}: ${problems.join("; ")}`, ms);
}

function acceptProblems(status: number | null, entry: TimelineEntry): string[] {
  if (!is2xx(status)) return [`answered ${describeStatus(status, entry)}`];
  return (entry.mismatches ?? []).map((m) => `not applied: ${m}`);
}

/** First retry after a refusal, doubled each time (Graph retries with backoff). */
const FIRST_RETRY_MS = 250;
/** How far past the deadline the last retry goes: a bot's own clock for its cool-down starts when its fetch ends. */
const DEADLINE_MARGIN_MS = 250;

async function rotatedKey(context: AuthContext, waitMs: number): Promise<CheckResult> {
  const { session, steps } = context;
  const started = Date.now();
  const ms = () => Date.now() - started;
  const check = authCheckBase("auth.accept.rotated-key");
  const issuer = session.graph.issuer;
  if (!issuer) return errored(check, "internal", "the mock Graph has no issuer");
  const call = await createCall(check, context, started);
  if ("result" in call) return call.result;
  const { callId } = call;
  const timeline: TimelineEntry[] = [];
  const at = { ...check, timeline };
  const [first, second] = steps;
  // The bot takes a token of the current key first, so it has the key set before the rotation.
  const before = await post(session, timeline, callId, first, "valid token, current key", undefined, first.expect);
  const beforeProblems = acceptProblems(before.status, before.entry);
  if (beforeProblems.length > 0) return notTaken(at, context, first, before.entry, `a valid token of the current key, before the rotation: ${beforeProblems.join("; ")}`, ms());
  // Counted, not timed: a fetch in the same millisecond as the rotation (a fast machine answers a
  // POST in less) came before it, and read as a refresh that did not help (CI, 2026-12-08).
  const fetchesBefore = issuer.fetches.length;
  issuer.rotate();
  const rotatedAt = Date.now();
  const fetchedSince = () => issuer.fetches.length > fetchesBefore;
  const deadline = (issuer.lastFetch() ?? rotatedAt) + waitMs;
  let delay = FIRST_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    const sent = await post(session, timeline, callId, second, attempt === 1 ? `rotated key ${issuer.kid("rotated").slice(0, 8)}...` : `rotated key, retry ${attempt - 1}`, { signing: { key: "rotated" } }, second.expect);
    const problems = acceptProblems(sent.status, sent.entry);
    if (problems.length === 0) return passed({ ...at, ...(attempt > 1 ? { message: `accepted after ${attempt - 1} retr${attempt === 2 ? "y" : "ies"}, ${Date.now() - rotatedAt} ms after the rotation (the bot rate-limits its key refreshes)` } : {}) }, ms());
    if (!isRefusal(sent.status)) return notTaken(at, context, second, sent.entry, `a token of the rotated key: ${problems.join("; ")}`, ms());
    if (fetchedSince()) return failed(at, `a token of the rotated key was refused (${sent.status}) although the bot fetched the key set after the rotation, which publishes it`, undefined, ms());
    const now = Date.now();
    if (now >= deadline) {
      const last = issuer.lastFetch();
      return failed(
        at,
        `a token of the rotated key was refused (${sent.status}) and the bot did not fetch the key set again (its last fetch was ${last === undefined ? "never" : `${rotatedAt - last} ms before the rotation`}); retried for ${Date.now() - rotatedAt} ms, up to ${waitMs} ms after its last fetch (run --key-refresh-wait)`,
        undefined,
        ms(),
      );
    }
    // The last retry lands just after the deadline: a bot whose cool-down is exactly the wait then refreshes.
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, deadline - now + DEADLINE_MARGIN_MS)));
    delay *= 2;
  }
}
