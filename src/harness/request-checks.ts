/**
 * Checks on a request a bot sent to the mock Graph: its HTTP shape, its schema (strict profile) and
 * its fidelity to the scenario, aspect by aspect. Fidelity compares derive(captured body) with the
 * scenario's intent, the same derivation that made the scenario from the documented request.
 */
import type { Contract } from "../contract/validator.js";
import type { CapturedRequest } from "../mock-graph/graph-mock.js";
import { deriveCreateCall, deriveTransfer } from "../scenarios/derive.js";
import type { CreateCallIntent, Media, Party, Scenario, TransferIntent } from "../scenarios/model.js";
import { fail, pass, type CheckResult } from "./checks.js";
import { formatContractError } from "../contract/errors.js";

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
  id: string;
  what: string;
  compare(want: I, got: I, ctx: RequestContext, captured: CapturedRequest): string | undefined;
}

const who = (p: Party | null | undefined) => (p ? `${p.kind} ${p.id}` : "nobody");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sorted = (xs: string[]) => [...xs].sort();
const differ = (label: string, want: unknown, got: unknown) => (same(want, got) ? undefined : `${label}: the scenario says ${JSON.stringify(want)}, the request says ${JSON.stringify(got)}`);

const CREATE_CALL_ASPECTS: Array<Aspect<CreateCallIntent>> = [
  { id: "fidelity.callback", what: "callbackUri is the public callback the bot is configured with", compare: (_w, _g, ctx, c) => differ("callbackUri", ctx.callbackUri, (c.body as Record<string, unknown> | undefined)?.callbackUri ?? null) },
  { id: "fidelity.targets", what: "the targets are the scenario's parties (kind and id)", compare: (w, g) => differ("targets", sorted(w.targets.map(who)), sorted(g.targets.map(who))) },
  { id: "fidelity.modalities", what: "the requested modalities are the scenario's", compare: (w, g) => differ("requestedModalities", sorted(w.modalities), sorted(g.modalities)) },
  {
    id: "fidelity.media",
    what: "the media config is the scenario's kind (service- or app-hosted) and prefetches its media or carries its blob",
    compare: (w, g) => differ("media", mediaKey(w.media), mediaKey(g.media)),
  },
  {
    id: "fidelity.meeting",
    what: "the meeting info is the scenario's kind and names its meeting",
    compare: (w, g) => differ("meeting", meetingKey(w), meetingKey(g)),
  },
  { id: "fidelity.tenant", what: "tenantId is the scenario's tenant", compare: (w, g) => differ("tenantId", w.tenantId, g.tenantId) },
  { id: "fidelity.source", what: "the source identity is the scenario's (when it names one)", compare: (w, g) => (w.source ? differ("source", who(w.source), who(g.source)) : undefined) },
  { id: "fidelity.notifications", what: "the call asks for the notifications the scenario asks for (content sharing, delta roster)", compare: (w, g) => differ("callOptions", w.notifications, g.notifications) },
];

/** What a media config must keep: its kind, and the media a service prefetches or the blob an app-hosted config carries. */
function mediaKey(m: Media): unknown {
  return m.hosting === "service" ? { hosting: m.hosting, prefetch: sorted(m.prefetch.map((p) => p.uri)) } : { hosting: m.hosting, blob: m.blob };
}

function meetingKey(i: CreateCallIntent): unknown {
  const m = i.meeting;
  if (!m) return null;
  if (m.kind === "organizer") return { kind: m.kind, organizer: who(m.organizer), threadId: m.chat.threadId };
  if (m.kind === "joinMeetingId") return { kind: m.kind, joinMeetingId: m.joinMeetingId, passcode: m.passcode };
  return { kind: m.kind, token: m.token };
}

const TRANSFER_ASPECTS: Array<Aspect<TransferIntent>> = [
  { id: "fidelity.transfer-target", what: "transferTarget names the scenario's party", compare: (w, g) => differ("transferTarget", who(w.target), who(g.target)) },
  { id: "fidelity.replaces-call", what: "replacesCallId is the scenario's (consultative transfer) or absent (blind)", compare: (w, g) => differ("replacesCallId", w.replacesCallId, g.replacesCallId) },
  {
    id: "fidelity.transferee",
    what: "the transferee is the scenario's (group call) or absent",
    compare: (w, g) => differ("transferee", w.transferee ? { party: who(w.transferee), participantId: w.transferee.participantId ?? null } : null, g.transferee ? { party: who(g.transferee), participantId: g.transferee.participantId ?? null } : null),
  },
  { id: "fidelity.client-context", what: "clientContext is the scenario's", compare: (w, g) => differ("clientContext", w.clientContext, g.clientContext) },
];

/** The check ids a request scenario has, whatever the bot does: the catalog reports list. */
export function requestCheckIds(scenario: Scenario): string[] {
  const aspects = scenario.intent.operation === "create-call" ? CREATE_CALL_ASPECTS : TRANSFER_ASPECTS;
  return ["http.sent", "http.method-path", "http.content-type", "http.authorization", "schema", ...aspects.map((a) => a.id), ...(scenario.intent.operation === "create-call" ? ["result.call-id"] : ["result.accepted"])].map((id) => `${scenario.id}/${id}`);
}

export function titleOf(scenario: Scenario, aspect: string): string {
  const what: Record<string, string> = {
    "http.sent": "the bot sends exactly one request",
    "http.method-path": scenario.intent.operation === "create-call" ? "POST to /communications/calls" : "POST to /communications/calls/{the call's id}/transfer",
    "http.content-type": "Content-Type: application/json",
    "http.authorization": "Authorization: Bearer <the token it was given>",
    schema: `the body validates as ${scenario.intent.operation === "create-call" ? "create-call-request" : "transfer-request"} (strict profile)`,
    "result.call-id": "the bot reports the id Graph gave the call in its 201 response",
    "result.accepted": "Graph accepts the transfer (202)",
    ...Object.fromEntries([...CREATE_CALL_ASPECTS, ...TRANSFER_ASPECTS].map((a) => [a.id, a.what])),
  };
  return `${scenario.description}: ${what[aspect] ?? aspect}`;
}

/** Judge the requests a bot sent for one scenario. `outcome` is what the bot's adapter call returned or threw. */
export function checkRequests(ctx: RequestContext, captured: CapturedRequest[], outcome: { callId?: string; error?: string }): CheckResult[] {
  const { scenario } = ctx;
  const base = (aspect: string) => ({ id: `${scenario.id}/${aspect}`, group: "requests" as const, subject: scenario.id, title: titleOf(scenario, aspect) });
  const ids = requestCheckIds(scenario).map((id) => id.slice(scenario.id.length + 1));
  const request = captured.length === 1 ? captured[0] : undefined;
  if (!request) {
    const why = captured.length === 0
      ? `the bot sent no request to Graph${outcome.error ? ` (${outcome.error})` : ""}`
      : `the bot sent ${captured.length} requests: ${captured.map((c) => `${c.method} ${c.path} -> ${c.status}`).join(", ")}`;
    return ids.map((aspect) => fail(base(aspect), why));
  }
  const results: CheckResult[] = [pass(base("http.sent"))];
  const expectedPath = scenario.intent.operation === "create-call" ? "/communications/calls" : `/communications/calls/${ctx.callId}/transfer`;
  results.push(request.method === "POST" && request.path === expectedPath
    ? pass(base("http.method-path"))
    : fail(base("http.method-path"), `sent ${request.method} ${request.path}, expected POST ${expectedPath}`));
  const type = request.headers["content-type"];
  results.push(type && /^application\/json\b/i.test(type) ? pass(base("http.content-type")) : fail(base("http.content-type"), `Content-Type is ${type ? JSON.stringify(type) : "missing"}`));
  const auth = request.headers["authorization"];
  results.push(auth === `Bearer ${ctx.accessToken}` ? pass(base("http.authorization")) : fail(base("http.authorization"), auth ? `Authorization is ${JSON.stringify(auth.slice(0, 40))}, not the bearer token the bot was given` : "no Authorization header"));

  const schemaName = scenario.intent.operation === "create-call" ? "create-call-request" : "transfer-request";
  if (request.body === undefined) {
    results.push(fail(base("schema"), `the body is not JSON: ${JSON.stringify(request.bodyText.slice(0, 80))}`));
  } else {
    const v = ctx.contract.validate(schemaName, request.body);
    results.push(v.valid ? pass(base("schema")) : fail(base("schema"), `${v.errors.length} schema error(s), first: ${formatContractError(v.errors[0]!)}`, v.errors.map(formatContractError)));
  }

  if (scenario.intent.operation === "create-call") {
    const got = deriveCreateCall(request.body);
    for (const a of CREATE_CALL_ASPECTS) results.push(judge(base(a.id), a.compare(scenario.intent, got, ctx, request)));
    results.push(request.status === 201 && outcome.callId !== undefined && outcome.callId === request.callId
      ? pass(base("result.call-id"))
      : fail(base("result.call-id"), outcome.error ? `the bot failed: ${outcome.error}` : request.status !== 201 ? `Graph answered ${request.status}` : `the bot reports call ${JSON.stringify(outcome.callId)}`));
  } else {
    const got = deriveTransfer(request.body);
    for (const a of TRANSFER_ASPECTS) results.push(judge(base(a.id), a.compare(scenario.intent, got, ctx, request)));
    results.push(request.status === 202 && !outcome.error ? pass(base("result.accepted")) : fail(base("result.accepted"), outcome.error ? `the bot failed: ${outcome.error}` : `Graph answered ${request.status}`));
  }
  return results;
}

function judge(base: Omit<CheckResult, "status" | "durationMs">, problem: string | undefined): CheckResult {
  return problem ? fail(base, problem) : pass(base);
}

