/**
 * The check registry: every kind of check the run makes, with its stable id pattern and a one-line
 * doc, in one place. A check id is a subject (a scenario, a sequence) and a kind
 * ("create-call.v1.0.ex01/schema"); the kind is what this registry documents, what a report column
 * or a root cause is made of, and what docs/checks.md (generated from here) anchors.
 *
 * A new kind of check gets its entry here first: the catalog test fails on an id no entry documents,
 * and on an entry no run produces.
 */
import type { CheckGroup, CheckResult } from "./checks.js";

export interface CheckKindEntry {
  /** The kind as checkKind() reads it from an id; a sequence's per-step checks share the kind "step". */
  kind: string;
  group: CheckGroup;
  /** How its ids read ("<scenario>/schema", "sequence.<sequence>/step.<step>"). */
  id: string;
  /** Which subjects have it. */
  appliesTo: string;
  /** What it checks, in one line: it ends every check's title. */
  doc: string;
  /** What keeps it from being judged: the check it is then blocked by. */
  blockedBy?: string;
  /** What its roots must share to be one root cause (the default: their message, ids made generic). */
  cause?: string;
}

const CREATE = "create-call scenarios";
const TRANSFER = "transfer scenarios";
const SCENARIOS = "every scenario (fixtures/scenarios/)";
const SENT = "<scenario>/http.sent, when the bot sent no single request";
const SCHEMA_PART = "<scenario>/schema, when a schema error touches a part it reads; <scenario>/http.sent";
const CALL = "the create-call check that fails on the request the bot sent for the sequence's call (its schema, its Authorization...)";
const RECEIVER = "every run (the call of sequence outgoing-call-lifecycle, its steps establishing and established)";
const AUTH_BLOCKED = `${CALL}; sequence.outgoing-call-lifecycle's step, when the bot does not take that notification with a valid token in the documented order either`;

export const CHECK_REGISTRY: readonly CheckKindEntry[] = [
  {
    kind: "start", group: "run", id: "implementation/start", appliesTo: "every run",
    doc: "the implementation is created, starts, and answers the URL of its callback",
    cause: "its error: every other check is blocked by it, and the run exits 3",
  },
  {
    kind: "known-defects", group: "run", id: "known-defects/<glob>", appliesTo: "every entry of --known-defects (or an adapter's knownDefects)",
    doc: "the known defect names checks of this run that fail on their own (not checks that were only blocked)",
  },

  { kind: "http.sent", group: "requests", id: "<scenario>/http.sent", appliesTo: SCENARIOS, doc: "the bot sends exactly one request to Graph" },
  {
    kind: "http.method-path", group: "requests", id: "<scenario>/http.method-path", appliesTo: SCENARIOS, blockedBy: SENT,
    doc: "a POST to the operation's path: /communications/calls, or /communications/calls/{the call's id}/transfer",
  },
  { kind: "http.content-type", group: "requests", id: "<scenario>/http.content-type", appliesTo: SCENARIOS, blockedBy: SENT, doc: "Content-Type: application/json" },
  { kind: "http.authorization", group: "requests", id: "<scenario>/http.authorization", appliesTo: SCENARIOS, blockedBy: SENT, doc: "Authorization: Bearer <the token it was given>" },
  {
    kind: "schema", group: "requests", id: "<scenario>/schema", appliesTo: SCENARIOS, blockedBy: SENT,
    doc: "the body validates against the operation's request schema, create-call-request or transfer-request (strict profile)",
    cause: "the first schema error (its JSON pointer and the rule it breaks): the error Graph's 400 names",
  },
  { kind: "fidelity.callback", group: "requests", id: "<scenario>/fidelity.callback", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "callbackUri is the public callback the bot is configured with (scheme and host in any case)" },
  { kind: "fidelity.targets", group: "requests", id: "<scenario>/fidelity.targets", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "the targets are the scenario's parties (kind, id, tenant and display name)" },
  { kind: "fidelity.modalities", group: "requests", id: "<scenario>/fidelity.modalities", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "the requested modalities are the scenario's" },
  {
    kind: "fidelity.media", group: "requests", id: "<scenario>/fidelity.media", appliesTo: CREATE, blockedBy: SCHEMA_PART,
    doc: "the media config is the scenario's kind (service- or app-hosted), prefetches its media or carries its blob, and leaves the default audio group as the scenario says",
  },
  { kind: "fidelity.meeting", group: "requests", id: "<scenario>/fidelity.meeting", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "the meeting info is the scenario's kind and names its meeting (organizer, chat thread and message, whether it may go on without its host)" },
  { kind: "fidelity.tenant", group: "requests", id: "<scenario>/fidelity.tenant", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "tenantId is the scenario's tenant" },
  { kind: "fidelity.source", group: "requests", id: "<scenario>/fidelity.source", appliesTo: CREATE, blockedBy: SCHEMA_PART, doc: "the source identity is the scenario's, with its tenant and display name (when it names one)" },
  {
    kind: "fidelity.notifications", group: "requests", id: "<scenario>/fidelity.notifications", appliesTo: CREATE, blockedBy: SCHEMA_PART,
    doc: "the call asks for the notifications the scenario asks for (content sharing, delta roster)",
  },
  { kind: "fidelity.transfer-target", group: "requests", id: "<scenario>/fidelity.transfer-target", appliesTo: TRANSFER, blockedBy: SCHEMA_PART, doc: "transferTarget names the scenario's party (with its tenant and display name), endpoint type, language and region" },
  {
    kind: "fidelity.replaces-call", group: "requests", id: "<scenario>/fidelity.replaces-call", appliesTo: TRANSFER, blockedBy: SCHEMA_PART,
    doc: "replacesCallId is the scenario's (consultative transfer) or absent (blind)",
  },
  { kind: "fidelity.transferee", group: "requests", id: "<scenario>/fidelity.transferee", appliesTo: TRANSFER, blockedBy: SCHEMA_PART, doc: "the transferee is the scenario's (group call) or absent" },
  { kind: "fidelity.client-context", group: "requests", id: "<scenario>/fidelity.client-context", appliesTo: TRANSFER, blockedBy: SCHEMA_PART, doc: "clientContext is the scenario's" },
  {
    kind: "result.call-id", group: "requests", id: "<scenario>/result.call-id", appliesTo: CREATE,
    blockedBy: "the check that explains Graph's refusal (404 http.method-path, 401 http.authorization, 415 http.content-type, 400 schema); <scenario>/http.sent",
    doc: "Graph creates the call (201) and the bot reports the id Graph gave it",
  },
  {
    kind: "result.accepted", group: "requests", id: "<scenario>/result.accepted", appliesTo: TRANSFER,
    blockedBy: "the check that explains Graph's refusal (404, 401, 415, 400, as result.call-id); <scenario>/http.sent",
    doc: "Graph accepts the transfer (202) and the bot reports no failure",
  },

  {
    kind: "step", group: "sequences", id: "sequence.<sequence>/step.<step>", appliesTo: "every step of a sequence (fixtures/sequences/) that states an expectation",
    blockedBy: `${CALL}; acks, when the bot did not take in an earlier POST (non-2xx, no answer); the transfer scenario's check, when the bot could not make the sequence's transfer`,
    doc: "after the step's POST, the bot believes what the docs say (its observation matches the step's expectation)",
  },
  {
    kind: "acks", group: "sequences", id: "sequence.<sequence>/acks", appliesTo: "every sequence", blockedBy: CALL,
    doc: "every notification POST of the documented order is answered with a 2xx",
  },
  {
    kind: "end", group: "sequences", id: "sequence.<sequence>/end", appliesTo: "every sequence", blockedBy: `${CALL}; whatever blocks its last steps`,
    doc: "after the last step, the bot ends in the documented state",
  },
  {
    kind: "delivery", group: "deliveries", id: "delivery.<sequence>", appliesTo: "every sequence (run --runs N > 0)",
    blockedBy: "the sequence's first check that does not pass (the documented order must pass before reorderings are judged)",
    doc: "under any delivery the docs allow (reordered, duplicated, batched, with unknown properties and enum values), every POST gets a 2xx and the bot ends in the documented state",
  },

  // receiver: how the bot's callback receives (PROTOCOL.md "Notification tokens"; src/harness/auth-checks.ts, latency.ts).
  ...([
    ["no-token", "no Authorization header"],
    ["bad-signature", "a token signed by another key under a published kid"],
    ["unknown-kid", "a token signed by a key that is never published"],
    ["alg-none", "an unsigned token (alg none)"],
    ["alg-confusion", "an HS256 token keyed with the published RSA public key (algorithm confusion)"],
    ["wrong-issuer", "a token from another issuer (Entra ID)"],
    ["wrong-audience", "a token for another application (Graph)"],
    ["expired", "a token that expired an hour ago"],
    ["not-yet-valid", "a token valid only an hour from now"],
    ["no-expiry", "a token without an expiry (exp)"],
    ["no-tenant", "a token without a tenant claim (tid)"],
    ["other-tenant", "a token for another tenant than the call's"],
  ] as const).map(([name, what]): CheckKindEntry => ({
    kind: `auth.reject.${name}`, group: "receiver", id: `auth.reject.${name}`, appliesTo: RECEIVER, blockedBy: AUTH_BLOCKED,
    doc: `a notification POST with ${what} gets 401 or 403 and changes nothing the bot believes; the same POST with a valid token is then applied`,
  })),
  {
    kind: "auth.accept.botframework-issuer", group: "receiver", id: "auth.accept.botframework-issuer", appliesTo: RECEIVER, blockedBy: AUTH_BLOCKED,
    doc: "a notification POST with a valid token issued by Bot Framework (https://api.botframework.com) is accepted and applied",
  },
  {
    kind: "auth.accept.rotated-key", group: "receiver", id: "auth.accept.rotated-key", appliesTo: RECEIVER, blockedBy: AUTH_BLOCKED,
    doc: "a notification POST with a valid token signed by a key published after the bot started is accepted and applied (the bot fetches the key set again; retried up to run --key-refresh-wait after its last fetch)",
  },
  {
    kind: "receiver.latency", group: "receiver", id: "receiver.latency", appliesTo: "every run that POSTs a notification",
    blockedBy: "the check that kept every notification from being POSTed (implementation/start, the create-call check of the sequences' calls)",
    doc: "every notification POST of the run is answered within the budget (run --max-latency): Graph expects a prompt 202, the work done after",
  },
];

const BY_KIND = new Map(CHECK_REGISTRY.map((e) => [e.kind, e]));

const STEP_PREFIX = "step.";

/**
 * The kind of check, the same for every subject: the part of the id after the subject
 * ("create-call.v1.0.ex01/schema" -> "schema", "sequence.x/step.established" -> "step.established");
 * an id without "/" is its kind followed by its subject ("delivery.delta-roster" -> "delivery"), or
 * is the kind itself when it names no subject ("auth.reject.no-token").
 */
export function checkKind(check: Pick<CheckResult, "id"> & { subject?: string }): string {
  const slash = check.id.indexOf("/");
  if (slash >= 0) return check.id.slice(slash + 1);
  if (check.subject !== undefined) return check.id.endsWith(`.${check.subject}`) ? check.id.slice(0, -check.subject.length - 1) : check.id;
  return check.id.split(".")[0]!;
}

/** The registry's kind of a check: a sequence's per-step checks ("step.established") are all "step". */
export function registryKind(check: Pick<CheckResult, "id"> & { subject?: string }): string {
  const kind = checkKind(check);
  return kind.startsWith(STEP_PREFIX) ? "step" : check.id.startsWith("known-defects/") ? "known-defects" : kind;
}

/** The registry entry of a check, or undefined for a kind nobody documented (the catalog test forbids that). */
export function registryEntry(check: Pick<CheckResult, "id"> & { subject?: string }): CheckKindEntry | undefined {
  return BY_KIND.get(registryKind(check));
}

/** The one-line doc of a registered kind; a kind missing here is a bug the build's tests catch, so it throws. */
export function kindDoc(kind: string): string {
  const entry = BY_KIND.get(kind);
  if (!entry) throw new Error(`check registry: no entry for the kind "${kind}" (src/harness/check-registry.ts)`);
  return entry.doc;
}

/** Where docs/checks.md documents a kind: its anchor. */
export const catalogAnchor = (kind: string): string => `check-${kind.replace(/[^A-Za-z0-9-]+/g, "-")}`;

/** What each status means, in one line: --help, docs/checks.md and the reports' legends say the same. */
export const STATUS_DOCS: ReadonlyArray<{ status: CheckResult["status"]; doc: string }> = [
  { status: "passed", doc: "the check judged the implementation, and it conforms" },
  { status: "failed", doc: "the check judged it, and it does not: a root, counted by the exit code" },
  { status: "error", doc: "the check could not be run: the implementation timed out, crashed or broke the process protocol (exit 1), or could not start at all, or the harness failed (exit 3): a root" },
  { status: "blocked", doc: "not judged, because a check it depends on did not pass; it names that check, and is folded under its root cause" },
  { status: "known", doc: "failed as a known defect says it would; does not fail the run, and passing would (an unexpected pass)" },
];

/** The exit codes of `run`, in one place for --help, docs/checks.md and the README. */
export const EXIT_CODE_DOCS: ReadonlyArray<{ code: number; doc: string }> = [
  { code: 0, doc: "every check passed (or failed as a known defect says)" },
  { code: 1, doc: "the implementation failed: a check failed, or errored because of it (timeout, crash, protocol)" },
  { code: 2, doc: "usage: an unknown option, a bad value, an --only that selects no check" },
  { code: 3, doc: "the run could not happen: the implementation could not start at all, or the harness failed (its reports are written, marked partial)" },
  { code: 130, doc: "interrupted by SIGINT (143: by SIGTERM): the reports are written, marked partial; a second signal exits at once, without them" },
  { code: 141, doc: "its stdout or stderr was closed (the reader or the parent process is gone; a shell's SIGPIPE): the run stops as if interrupted, its reports written, marked partial" },
];
