/**
 * Checks on a request a bot sent to the mock Graph: its HTTP shape, its schema (strict profile) and
 * its fidelity to the scenario, aspect by aspect. Fidelity compares derive(captured body) with the
 * scenario's intent, the same derivation that made the scenario from the documented request.
 */
import type { Contract } from "../contract/validator.js";
import type { CapturedRequest } from "../mock-graph/graph-mock.js";
import { deriveCreateCall, deriveTransfer } from "../scenarios/derive.js";
import type { CreateCallIntent, Media, Party, Scenario, TransferIntent } from "../scenarios/model.js";
import { blocked, errored, failed, passed, type CheckBase, type CheckResult, type ErrorKind, type SentRequest } from "./checks.js";
import { formatContractError, type ContractError } from "../contract/errors.js";
import { kindDoc } from "./check-registry.js";
import type { JsonValue } from "../util/json.js";

export interface RequestContext {
  scenario: Scenario;
  contract: Contract;
  accessToken: string;
  /** The public callback the bot was configured with. */
  callbackUri: string;
  /** For a transfer: the call it must target. */
  callId?: string;
}

interface Aspect<I> {
  /** Its kind in the check registry, which documents it. */
  id: string;
  /**
   * The parts of the body the aspect reads (JSON pointers). When the schema finds an error there,
   * the aspect is blocked by the schema check: what the bot meant cannot be read from a malformed part.
   */
  reads: string[];
  compare(want: I, got: I, ctx: RequestContext, captured: CapturedRequest): string | undefined;
}

/**
 * A party as a request names it: kind and id, with the tenant and the display name the scenario
 * gives (a dropped tenant misroutes a cross-tenant or PSTN call; a dropped name changes what the
 * other side is shown).
 */
const who = (p: Party | null | undefined) => (p ? `${p.kind} ${p.id}${p.tenantId != null ? ` of tenant ${p.tenantId}` : ""}${p.displayName != null ? ` (${JSON.stringify(p.displayName)})` : ""}` : "nobody");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (xs: string[]) => [...xs].sort();
const differ = (label: string, want: unknown, got: unknown) => (same(want, got) ? undefined : `${label}: the scenario says ${JSON.stringify(want)}, the request says ${JSON.stringify(got)}`);

const CREATE_CALL_ASPECTS: Array<Aspect<CreateCallIntent>> = [
  {
    id: "fidelity.callback",
    reads: ["/callbackUri"],
    compare: (_w, _g, ctx, c) => {
      const sent = (c.body as Record<string, unknown> | undefined)?.callbackUri ?? null;
      return typeof sent === "string" && normalUri(sent) === normalUri(ctx.callbackUri) ? undefined : differ("callbackUri", ctx.callbackUri, sent);
    },
  },
  { id: "fidelity.targets", reads: ["/targets"], compare: (w, g) => differ("targets", sorted(w.targets.map(who)), sorted(g.targets.map(who))) },
  { id: "fidelity.modalities", reads: ["/requestedModalities"], compare: (w, g) => differ("requestedModalities", sorted(w.modalities), sorted(g.modalities)) },
  { id: "fidelity.media", reads: ["/mediaConfig"], compare: (w, g) => differ("media", mediaKey(w.media), mediaKey(g.media)) },
  { id: "fidelity.meeting", reads: ["/meetingInfo", "/chatInfo"], compare: (w, g) => differ("meeting", meetingKey(w), meetingKey(g)) },
  { id: "fidelity.tenant", reads: ["/tenantId"], compare: (w, g) => differ("tenantId", w.tenantId, g.tenantId) },
  { id: "fidelity.source", reads: ["/source"], compare: (w, g) => (w.source ? differ("source", who(w.source), who(g.source)) : undefined) },
  { id: "fidelity.notifications", reads: ["/callOptions"], compare: (w, g) => differ("callOptions", w.notifications, g.notifications) },
];

/** A URL as RFC 3986 6.2.2 compares it: scheme and host in lower case, the default port dropped. */
function normalUri(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}

/** What a media config must keep: its kind, and the media a service prefetches or the blob an app-hosted config carries. */
function mediaKey(m: Media): unknown {
  const group = { removeFromDefaultAudioGroup: m.removeFromDefaultAudioGroup ?? null };
  return m.hosting === "service" ? { hosting: m.hosting, prefetch: sorted(m.prefetch.map((p) => p.uri)), ...group } : { hosting: m.hosting, blob: m.blob, ...group };
}

function meetingKey(i: CreateCallIntent): unknown {
  const m = i.meeting;
  if (!m) return null;
  if (m.kind === "organizer") return { kind: m.kind, organizer: who(m.organizer), threadId: m.chat.threadId, messageId: m.chat.messageId, allowConversationWithoutHost: m.allowConversationWithoutHost ?? null };
  if (m.kind === "joinMeetingId") return { kind: m.kind, joinMeetingId: m.joinMeetingId, passcode: m.passcode };
  return { kind: m.kind, token: m.token };
}

/** The transfer target: its party, and the endpoint type, language and region the scenario gives it (how Graph reaches it). */
function targetKey(t: TransferIntent["target"]): unknown {
  return { party: who(t), endpointType: t.endpointType ?? null, languageId: t.languageId ?? null, region: t.region ?? null };
}

const TRANSFER_ASPECTS: Array<Aspect<TransferIntent>> = [
  { id: "fidelity.transfer-target", reads: ["/transferTarget/identity", "/transferTarget/endpointType", "/transferTarget/languageId", "/transferTarget/region"], compare: (w, g) => differ("transferTarget", targetKey(w.target), targetKey(g.target)) },
  { id: "fidelity.replaces-call", reads: ["/transferTarget/replacesCallId"], compare: (w, g) => differ("replacesCallId", w.replacesCallId, g.replacesCallId) },
  {
    id: "fidelity.transferee",
    reads: ["/transferee"],
    compare: (w, g) => differ("transferee", w.transferee ? { party: who(w.transferee), participantId: w.transferee.participantId ?? null } : null, g.transferee ? { party: who(g.transferee), participantId: g.transferee.participantId ?? null } : null),
  },
  { id: "fidelity.client-context", reads: ["/clientContext"], compare: (w, g) => differ("clientContext", w.clientContext, g.clientContext) },
];

/** The check ids a request scenario has, whatever the bot does: the catalog reports list. */
export function requestCheckIds(scenario: Scenario): string[] {
  const aspects = scenario.intent.operation === "create-call" ? CREATE_CALL_ASPECTS : TRANSFER_ASPECTS;
  return ["http.sent", "http.method-path", "http.content-type", "http.authorization", "schema", ...aspects.map((a) => a.id), ...(scenario.intent.operation === "create-call" ? ["result.call-id"] : ["result.accepted"])].map((id) => `${scenario.id}/${id}`);
}

export function titleOf(scenario: Scenario, aspect: string): string {
  return `${scenario.description}: ${kindDoc(aspect)}`;
}

/** What the bot sent, for a report: the Authorization header shows its scheme and the token's length, never the token. */
export function sentRequest(captured: CapturedRequest): SentRequest {
  const headers = Object.fromEntries(Object.entries(captured.headers).map(([name, value]) => [name, name === "authorization" ? redactAuthorization(value) : value]));
  return {
    method: captured.method,
    path: captured.path,
    headers,
    // A body too large to show (every failing check carries it) is shown by its beginning, like text.
    ...(captured.body === undefined || captured.bodyText.length > EVIDENCE_BODY_MAX ? { bodyText: shownText(captured.bodyText) } : { body: captured.body as JsonValue }),
    status: captured.status,
  };
}

/** Larger bodies are shown as the beginning of their text in reports. */
const EVIDENCE_BODY_MAX = 64 * 1024;

function shownText(text: string): string {
  return text.length <= 4_000 ? text : `${text.slice(0, 4_000)}... (${text.length.toLocaleString("en-US")} characters in all)`;
}

function redactAuthorization(value: string): string {
  const [scheme, ...rest] = value.split(/\s+/);
  const token = rest.join(" ");
  return token ? `${scheme} <${token.length} characters, not shown>` : value;
}

/** Graph refuses a request for the first reason it finds: the check that judges that reason explains the refusal. */
const REFUSAL_CHECK: Record<number, string> = { 404: "http.method-path", 401: "http.authorization", 415: "http.content-type", 400: "schema", 413: "schema" };

/** Whether a schema error is about a part an aspect reads (the part itself, inside it, or around it). */
function touches(error: ContractError, reads: readonly string[]): boolean {
  return reads.some((p) => error.pointer === p || error.pointer.startsWith(`${p}/`) || p.startsWith(`${error.pointer}/`) || error.pointer === "");
}

/**
 * Judge the requests a bot sent for one scenario. `outcome` is what the bot's adapter call returned
 * or threw (errorKind: it could not answer at all). A check that cannot be judged because another
 * did not pass is blocked by it: every check by http.sent when there is no single request; an
 * aspect by the schema when the part it reads is malformed; the result by the check that explains
 * Graph's refusal.
 */
export function checkRequests(ctx: RequestContext, captured: CapturedRequest[], outcome: { callId?: string; error?: string; errorKind?: ErrorKind }): CheckResult[] {
  const { scenario } = ctx;
  const base = (aspect: string): CheckBase => requestCheckBase(scenario, aspect);
  const ids = requestCheckIds(scenario).map((id) => id.slice(scenario.id.length + 1));
  const request = captured.length === 1 ? captured[0] : undefined;
  if (!request) {
    const why = captured.length === 0
      ? `the bot sent no request to Graph${outcome.error ? ` (${outcome.error})` : ""}`
      : `the bot sent ${captured.length} requests: ${captured.map((c) => `${c.method} ${c.path} -> ${c.status}`).join(", ")}`;
    const sent = captured.length === 0 && outcome.errorKind ? errored(base("http.sent"), outcome.errorKind, why) : failed(base("http.sent"), why);
    return [sent, ...ids.filter((a) => a !== "http.sent").map((aspect) => blocked(base(aspect), sent.id, why))];
  }
  const evidence = sentRequest(request);
  // Evidence goes with the checks that did not pass: a passing check needs none.
  const fail = (b: CheckBase, message: string, details?: string[]) => failed({ ...b, request: evidence }, message, details);
  // Each judged check is timed from the previous verdict to its own (a blocked one was not judged: 0).
  let last = performance.now();
  const results: CheckResult[] = [];
  const push = (check: CheckResult) => {
    const now = performance.now();
    results.push(check.status === "blocked" ? check : { ...check, durationMs: now - last });
    last = now;
  };
  push(passed(base("http.sent")));
  const expectedPath = scenario.intent.operation === "create-call" ? "/communications/calls" : `/communications/calls/${ctx.callId}/transfer`;
  push(request.method === "POST" && request.path === expectedPath
    ? passed(base("http.method-path"))
    : fail(base("http.method-path"), `sent ${request.method} ${request.path}, expected POST ${expectedPath}`));
  const type = request.headers["content-type"];
  push(type && /^application\/json\b/i.test(type) ? passed(base("http.content-type")) : fail(base("http.content-type"), `Content-Type is ${type ? JSON.stringify(type) : "missing"}`));
  const auth = request.headers["authorization"];
  push(auth === `Bearer ${ctx.accessToken}` ? passed(base("http.authorization")) : fail(base("http.authorization"), auth ? `Authorization is ${JSON.stringify(redactAuthorization(auth))}, not the bearer token the bot was given` : "no Authorization header"));

  const schemaName = scenario.intent.operation === "create-call" ? "create-call-request" : "transfer-request";
  let schemaErrors: ContractError[] = [];
  if (request.unread) {
    push(fail(base("schema"), `Graph refuses the body (${request.unread.status}): ${request.unread.message}`));
  } else if (request.body === undefined) {
    push(fail(base("schema"), `the body is not JSON: ${JSON.stringify(request.bodyText.slice(0, 80))}`));
  } else {
    const v = ctx.contract.validate(schemaName, request.body);
    schemaErrors = v.errors;
    push(v.valid ? passed(base("schema")) : fail(base("schema"), `${v.errors.length} schema error(s), first: ${formatContractError(v.errors[0]!)}`, v.errors.map(formatContractError)));
  }
  const schemaId = `${scenario.id}/schema`;
  const schemaBlocks = (reads: readonly string[]) => request.body === undefined || schemaErrors.some((e) => touches(e, reads));
  const judgeAspect = <I>(a: Aspect<I>, want: I, got: I): CheckResult => {
    if (schemaBlocks(a.reads)) {
      const about = schemaErrors.filter((e) => touches(e, a.reads)).map(formatContractError);
      return blocked(base(a.id), schemaId, `the part it reads is not valid: ${about[0] ?? request.unread?.message ?? "the body is not JSON"}`);
    }
    const problem = a.compare(want, got, ctx, request);
    return problem ? fail(base(a.id), problem) : passed(base(a.id));
  };

  if (scenario.intent.operation === "create-call") {
    const got = deriveCreateCall(request.body);
    for (const a of CREATE_CALL_ASPECTS) push(judgeAspect(a, scenario.intent, got));
  } else {
    const got = deriveTransfer(request.body);
    for (const a of TRANSFER_ASPECTS) push(judgeAspect(a, scenario.intent, got));
  }
  push(judgeResult(ctx, request, outcome, results, base, fail));
  return results;
}

/** result.call-id / result.accepted: did Graph accept the request, and does the bot report what Graph answered? */
function judgeResult(
  ctx: RequestContext,
  request: CapturedRequest,
  outcome: { callId?: string; error?: string; errorKind?: ErrorKind },
  judged: readonly CheckResult[],
  base: (aspect: string) => CheckBase,
  fail: (b: CheckBase, message: string) => CheckResult,
): CheckResult {
  const createCall = ctx.scenario.intent.operation === "create-call";
  const b = base(createCall ? "result.call-id" : "result.accepted");
  const accepted = request.status === (createCall ? 201 : 202);
  const explaining = accepted ? undefined : judged.find((c) => c.id === `${ctx.scenario.id}/${REFUSAL_CHECK[request.status]}` && c.status !== "passed");
  if (explaining) return blocked(b, explaining.id, `Graph answered ${request.status}: ${explaining.message ?? ""}`);
  if (outcome.errorKind) return errored(b, outcome.errorKind, outcome.error ?? "the bot could not answer");
  if (createCall) {
    return accepted && outcome.callId !== undefined && outcome.callId === request.callId
      ? passed(b)
      : fail(b, outcome.error ? `the bot failed: ${outcome.error}` : !accepted ? `Graph answered ${request.status}` : `the bot reports call ${JSON.stringify(outcome.callId)}`);
  }
  return accepted && !outcome.error ? passed(b) : fail(b, outcome.error ? `the bot failed: ${outcome.error}` : `Graph answered ${request.status}`);
}

/** The fixture a scenario's checks come from, relative to the package root. */
export const scenarioFile = (id: string): string => `fixtures/scenarios/${id}.json`;

/** A check of a scenario, before its verdict ("schema", "fidelity.media"...). */
export function requestCheckBase(scenario: Scenario, aspect: string): CheckBase {
  return { id: `${scenario.id}/${aspect}`, group: "requests", subject: scenario.id, title: titleOf(scenario, aspect), file: scenarioFile(scenario.id) };
}
