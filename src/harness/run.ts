/**
 * A conformance run: every documented scenario's requests, every sequence in its documented order,
 * and the property-based deliveries, against one implementation. The run always finishes and
 * always returns results, whatever the implementation does.
 */
import { loadContract } from "../index.js";
import { GraphMock } from "../mock-graph/graph-mock.js";
import { startGraphServer } from "../mock-graph/http-server.js";
import { interceptGraph } from "../mock-graph/in-process.js";
import { NotificationIssuer, SAMPLES_ISSUER_ORIGIN } from "../mock-graph/issuer.js";
import type { Scenario } from "../scenarios/model.js";
import { loadNotifications, loadScenarios, loadSequences, sequenceProblems } from "../sequences/load.js";
import type { Sequence } from "../sequences/model.js";
import type { JsonValue } from "../util/json.js";
import { bounded, type AdapterModule, type BotUnderTest } from "./adapter.js";
import { kindDoc } from "./check-registry.js";
import { blocked, blockerAmong, describeError, errored, isRoot, passed, type CheckBase, type CheckResult } from "./checks.js";
import { checkRequests, requestCheckBase, requestCheckIds } from "./request-checks.js";
import { NothingSelected, selector, unselecting } from "./select.js";
import { checkSequence, deliveryCheckBase, sequenceCheckBase, sequenceCheckIds } from "./sequence-checks.js";
import { Session } from "./session.js";
import type { Proof } from "./prove.js";
import { applyKnownDefects, type KnownDefect } from "./known-defects.js";
import type { ObservationVersion } from "./observation.js";
import { createCallFor } from "./preconditions.js";
import { LISTS_REMAINING, RunLimits, type StopKind } from "./run-limits.js";
import { inShard, planFingerprint, unitHash, type Shard } from "./shard.js";
import { AUTH_SEQUENCE, authCheckBase, authCheckIds, checkAuth } from "./auth-checks.js";
import { DEFAULT_MAX_LATENCY_MS, LATENCY_CHECK, latencyCheck, latencyCheckBase, summarizeLatency, type LatencySummary } from "./latency.js";

export interface RunOptions {
  adapter: AdapterModule;
  adapterName: string;
  /** Glob over scenario, sequence and check ids ("transfer-*", "*delta*"); every check when absent. */
  only?: string;
  seed: number;
  /** Property-based deliveries per sequence. */
  runs: number;
  stepTimeoutMs: number;
  onProgress?: (done: number, total: number, label: string) => void;
  /**
   * How the bot reaches the mock Graph: "in-process" (msw intercepts the bot's fetch; for
   * TypeScript adapters) or "http" (a real server on 127.0.0.1; for implementations in other processes).
   */
  graphTransport?: "in-process" | "http";
  /** Checks the implementation is known to fail (the adapter module's own list is used when absent). */
  knownDefects?: KnownDefect[];
  /** The longest a notification POST may take to be answered (receiver.latency); 3000 ms by default. */
  maxLatencyMs?: number;
  /**
   * How long after the bot's last fetch of the key set a token of a newly published key is retried
   * (auth.accept.rotated-key: a bot may rate-limit its refreshes); 30000 ms by default.
   */
  keyRefreshWaitMs?: number;
  /** The property-based delivery checks (kept apart so the run works without them). */
  deliveries?: (session: Session, sequence: Sequence, options: { seed: number; runs: number }) => Promise<CheckResult>;
  /** Stop once this many checks failed or errored (run --bail, --max-failures); the rest are not run. */
  maxFailures?: number;
  /** The whole run's deadline, ms: past it, the call in progress is cut short and every check not yet made is an error (timeout). */
  deadlineMs?: number;
  /** The circuit breaker: after this many calls in a row into the implementation timed out, every check not yet made is an error (timeout). 0 or absent: never. */
  maxConsecutiveTimeouts?: number;
  /** Aborted from outside (an interrupt, a crash of the harness), with a RunStop as its reason: the run ends now, with what it made (partial). */
  signal?: AbortSignal;
  /** Make only this shard's scenarios and sequences (run --shard i/n; src/harness/shard.ts); merge-reports joins the shards. */
  shard?: Shard;
  /** What the run reads from fixtures/ (loadRunFixtures()), already read: read afresh when absent. */
  fixtures?: RunFixtures;
}

/** The committed fixtures a run reads: the scenarios, the sequences, and the notifications those deliver. */
export interface RunFixtures {
  scenarios: Scenario[];
  sequences: Sequence[];
  notifications: Map<string, JsonValue>;
}

/** Read the fixtures a run reads, and refuse a sequence that does not hold together (a clear error before anything runs). */
export function loadRunFixtures(): RunFixtures {
  const scenarios = loadScenarios();
  const sequences = loadSequences();
  const notifications = loadNotifications();
  for (const seq of sequences) {
    const problems = sequenceProblems(seq, scenarios, notifications);
    if (problems.length > 0) throw new Error(`fixtures/sequences/${seq.id}.json: ${problems.join("; ")}`);
  }
  return { scenarios, sequences, notifications };
}

export interface RunResult {
  adapter: string;
  /** Which checks the catalog of faulty implementations proves (run --prove), when it ran. */
  proof?: Proof;
  startedAt: string;
  durationMs: number;
  seed: number;
  runs: number;
  /** The observation version the implementation spoke (PROTOCOL.md, Versions), once it started. */
  observationVersion?: ObservationVersion;
  /** How long the bot took to answer the notification POSTs. */
  latency?: LatencySummary;
  checks: CheckResult[];
  /**
   * The run stopped before its end (its deadline, the circuit breaker, --max-failures, an interrupt,
   * a crash): why, and how many scenarios and sequences it did not judge. The reports call it partial.
   */
  stopped?: { kind: StopKind; reason: string; subjectsNotRun: number };
  /** A shard of a run (run --shard): which, and what merge-reports needs to join the shards into the whole run. */
  shard?: ShardInfo;
}

export interface ShardInfo extends Shard {
  /** planFingerprint of every scenario and sequence the contract has: shards of different contracts do not merge. */
  plan: string;
  only?: string;
  /** The known defects the run applied: merge-reports names the entries that matched no check of the whole run. */
  knownDefects: KnownDefect[];
}

/** The check that the implementation could start: every other check needs it. */
export const START_CHECK = "implementation/start";
export const DEFAULT_KEY_REFRESH_WAIT_MS = 30_000;

/** The base call a transfer scenario transfers. */
export const TRANSFER_BASE_CALL = "create-call.v1.0.ex01";
export const ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.conformance-test-token";
/** The public callback every bot under test is configured with. */
export const CALLBACK_URI = "https://bot.conformance.example/api/calls";
/** The bot's application id (the audience of every notification token) and its own tenant. */
export const APP_ID = "3f6b8a52-9c1d-4e7a-b0f4-6d2e8c5a1b97";
export const TENANT_ID = "c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21";

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const contract = loadContract();
  const { scenarios, sequences, notifications } = options.fixtures ?? loadRunFixtures();
  const byId = new Map<string, Scenario>(scenarios.map((s) => [s.id, s]));
  const wanted = selector(options.only);
  if (options.only !== undefined) {
    // Every pattern must select a check: a typo would otherwise leave a CI job green that checks nothing.
    const deliveryIds = sequences.map((s) => `delivery.${s.id}`);
    const ids = [...scenarios.flatMap((s) => [s.id, ...requestCheckIds(s)]), ...sequences.flatMap((s) => [s.id, ...sequenceCheckIds(s)]), ...(options.deliveries ? deliveryIds : []), ...authCheckIds(), LATENCY_CHECK, "receiver"];
    const none = unselecting(options.only, ids);
    const off = (pattern: string) => !options.deliveries && deliveryIds.some(selector(pattern));
    if (none.length > 0) throw new NothingSelected(none.map((n) => (off(n.pattern) ? { ...n, note: "the delivery checks are off: --runs 0" } : n)));
  }
  const allSequences = sequences.filter((s) => wanted(s.id) || sequenceCheckIds(s).some(wanted) || wanted(`delivery.${s.id}`));
  const here = (unit: string) => inShard(options.shard, unit);
  const requestScenarios = scenarios.filter((s) => here(s.id) && (wanted(s.id) || requestCheckIds(s).some(wanted)));
  const chosenSequences = allSequences.filter((s) => here(s.id));
  // A delivery check costs `runs` plans: only where it is asked for (--only naming a sequence's checks alone does not ask for it).
  const delivered = new Set(options.deliveries ? chosenSequences.filter((s) => wanted(s.id) || wanted(`delivery.${s.id}`)).map((s) => s.id) : []);
  const authSequence = sequences.find((s) => s.id === AUTH_SEQUENCE);
  if (!authSequence) throw new Error(`fixtures/sequences/${AUTH_SEQUENCE}.json is missing: the auth checks deliver its notifications`);
  const allAuthChecks = authCheckIds().filter((id) => wanted(id) || wanted("receiver"));
  const authChecks = here(AUTH_SEQUENCE) ? allAuthChecks : [];
  // Nothing of the whole run POSTs: receiver.latency times the auth sequence's documented order, in its shard.
  const measureAlone = allSequences.length === 0 && allAuthChecks.length === 0;
  // A shard without a sequence makes no receiver.latency: the POSTs it times are in the other shards.
  const latencyWanted = (wanted(LATENCY_CHECK) || wanted("receiver")) && (chosenSequences.length > 0 || authChecks.length > 0 || (measureAlone && here(AUTH_SEQUENCE)));
  const maxLatencyMs = options.maxLatencyMs ?? DEFAULT_MAX_LATENCY_MS;
  const total = requestScenarios.length + chosenSequences.length + delivered.size + (authChecks.length > 0 ? 1 : 0);
  let done = 0;
  const progress = (label: string) => options.onProgress?.(++done, total, label);

  const limits = new RunLimits({ ...pick(options, "deadlineMs", "maxConsecutiveTimeouts", "maxFailures", "signal") });
  const { graph, close } = await startMockGraph(options.graphTransport ?? "in-process", async (origin) => {
    // Over HTTP the issuer shares the mock's 127.0.0.1 origin; in-process it answers where the samples look.
    const issuer = await NotificationIssuer.create({ origin: origin ?? SAMPLES_ISSUER_ORIGIN, appId: APP_ID });
    return new GraphMock({ contract, seed: options.seed, tenantId: TENANT_ID, issuer, ...(origin ? { origin } : {}) });
  });
  const checks: CheckResult[] = [];
  let session: Session | undefined;
  let observationVersion: ObservationVersion | undefined;
  let stopped: RunResult["stopped"];
  // Checks run only to give receiver.latency POSTs to time (not reported): what blocks it, if anything.
  let measured: CheckResult[] = [];
  const startBase: CheckBase = { id: START_CHECK, group: "run", subject: "implementation", title: kindDoc("start") };
  // Each scenario and sequence, with the checks it makes, in run order.
  const subjects: Subject[] = [
    ...requestScenarios.map((scenario): Subject => {
      const bases = requestCheckIds(scenario).map((id) => requestCheckBase(scenario, aspectOf(id)));
      return { bases, run: async () => {
        graph.beginSubject(unitHash(scenario.id));
        const made = await guarded(bases, () => checkScenario(session!, scenario));
        progress(scenario.id);
        return made;
      } };
    }),
    ...chosenSequences.map((sequence): Subject => {
      const bases = sequenceCheckIds(sequence).map((id) => sequenceCheckBase(sequence, aspectOf(id)));
      return { bases: delivered.has(sequence.id) ? [...bases, deliveryCheckBase(sequence, options.seed)] : bases, run: async () => {
        graph.beginSubject(unitHash(sequence.id));
        const own = await guarded(bases, () => checkSequence(session!, sequence));
        progress(sequence.id);
        if (!delivered.has(sequence.id)) return own;
        const delivery = await deliveryCheck(session!, sequence, own, options);
        progress(`delivery.${sequence.id}`);
        return [...own, delivery];
      } };
    }),
    // Last: the rotation check wants a key set the bot fetched a while ago.
    ...(authChecks.length > 0 ? [{ bases: authChecks.map(authCheckBase), run: async () => {
      graph.beginSubject(unitHash("receiver"));
      const prior = checks.filter((c) => c.subject === AUTH_SEQUENCE && c.group === "sequences");
      const made = await guarded(authChecks.map(authCheckBase), () => checkAuth(session!, authSequence, { keyRefreshWaitMs: options.keyRefreshWaitMs ?? DEFAULT_KEY_REFRESH_WAIT_MS, wanted: (id) => authChecks.includes(id), prior }));
      progress("auth");
      return made;
    } }] : []),
  ];
  // An interrupt or a crash: what the run was doing is dropped, and nothing more is made.
  const dropped = () => limits.stop !== undefined && !LISTS_REMAINING.has(limits.stop.kind);
  try {
    const startedAt = Date.now();
    const created = await createBot(options.adapter, options.stepTimeoutMs, limits.signal);
    session = created.bot && new Session(created.bot, graph, contract, byId, notifications, { stepTimeoutMs: options.stepTimeoutMs, accessToken: ACCESS_TOKEN, callbackUri: CALLBACK_URI, stop: limits.signal, onCallEnded: (timedOut) => limits.callEnded(timedOut), appId: APP_ID, tenantId: TENANT_ID });
    const startError = created.error ?? (await session!.start());
    if (dropped()) {
      stopped = { ...limits.stop!, subjectsNotRun: subjects.length };
    } else if (startError || !session) {
      // The implementation never got going: one error, and every check blocked by it, so the reports still say what would have run.
      const start = errored(startBase, "start", startError ?? "the bot could not be created", undefined, Date.now() - startedAt);
      checks.push(start);
      const why = `the implementation did not start: ${start.message}`;
      for (const subject of subjects) for (const base of subject.bases) checks.push(blocked(base, START_CHECK, why));
      if (latencyWanted) checks.push(blocked(latencyCheckBase(), START_CHECK, why));
    } else {
      observationVersion = session.observationVersion;
      checks.push(passed(startBase, Date.now() - startedAt));
      let next = 0;
      for (; next < subjects.length && !limits.stop; next++) {
        const made = await subjects[next]!.run();
        if (dropped()) break;
        checks.push(...made);
        limits.record(made);
      }
      if (limits.stop) {
        const rest = subjects.slice(next);
        // The deadline and the circuit breaker are the implementation's doing: what they left unmade is an error each, listed now.
        if (LISTS_REMAINING.has(limits.stop.kind)) for (const subject of rest) for (const base of subject.bases) checks.push(errored(base, "timeout", `not run: ${limits.stop.reason}`));
        stopped = { ...limits.stop, subjectsNotRun: rest.length };
      }
      // --only receiver.latency selects nothing that POSTs: the documented order of the auth sequence gives it POSTs to time (its own checks are not reported).
      if (!limits.stop && latencyWanted && session.latencies.length === 0 && measureAlone) {
        graph.beginSubject(unitHash(AUTH_SEQUENCE));
        measured = await guarded(sequenceCheckIds(authSequence).map((id) => sequenceCheckBase(authSequence, aspectOf(id))), () => checkSequence(session!, authSequence));
      }
    }
  } finally {
    limits.dispose();
    // Stopped whatever happened: a process whose start failed must not outlive the run.
    await session?.stop();
    await close();
  }
  const latency = summarizeLatency(session?.latencies ?? [], maxLatencyMs);
  if (dropped()) {
    // An interrupt or a crash: receiver.latency is not made either.
  } else if (latency.posts > 0) checks.push(latencyCheck(latency));
  else if (latencyWanted && checks.some((c) => c.id === START_CHECK && c.status === "passed")) {
    // Nothing was POSTed although the bot started: what kept the POSTs from happening is the root.
    const by = blockerAmong([...checks.filter((c) => c.group !== "run"), ...measured]);
    checks.push(by ? blocked(latencyCheckBase(), by.id, `no notification was POSTed: ${by.message}`) : errored(latencyCheckBase(), "internal", "no notification was POSTed, and no check says why"));
  }
  // Checks about the run itself are kept whatever --only says: without them the rest means nothing.
  const selected = checks.filter((c) => c.group === "run" || wanted(c.id) || wanted(c.subject));
  const knownDefects = options.knownDefects ?? options.adapter.knownDefects ?? [];
  return {
    adapter: options.adapterName,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    seed: options.seed,
    runs: options.runs,
    ...(observationVersion ? { observationVersion } : {}),
    latency,
    // A shard names no unused entry: merge-reports does, over the whole run.
    checks: applyKnownDefects(selected, knownDefects, options.only !== undefined || options.shard !== undefined),
    ...(stopped ? { stopped } : {}),
    ...(options.shard ? { shard: { ...options.shard, plan: planFingerprint([...scenarios, ...sequences].map((s) => s.id)), ...(options.only !== undefined ? { only: options.only } : {}), knownDefects: [...knownDefects] } } : {}),
  };
}

/** "create-call.v1.0.ex01/schema" -> "schema". */
const aspectOf = (id: string): string => id.slice(id.indexOf("/") + 1);

/**
 * A subject's checks, or, when the harness itself throws while making them (a bug of ours, not of
 * the implementation), each of its checks as an internal error: the run goes on and says so.
 */
async function guarded(bases: readonly CheckBase[], make: () => Promise<CheckResult[]>): Promise<CheckResult[]> {
  try {
    return await make();
  } catch (e) {
    return bases.map((base) => errored(base, "internal", `the harness failed: ${describeError(e)}`, e instanceof Error && e.stack ? e.stack.split("\n").slice(1, 6).map((l) => l.trim()) : undefined));
  }
}

/** A scenario or a sequence: the checks it makes, and how to make them. */
interface Subject {
  bases: CheckBase[];
  run: () => Promise<CheckResult[]>;
}

function pick<T extends object, K extends keyof T>(from: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}

/**
 * The property-based deliveries assume the documented order works: when it did not, the delivery
 * check is blocked by the sequence's first check that did not pass (or by what blocked that one).
 */
async function deliveryCheck(session: Session, sequence: Sequence, own: readonly CheckResult[], options: RunOptions): Promise<CheckResult> {
  const by = blockerAmong(own);
  if (by) return blocked(deliveryCheckBase(sequence, options.seed), by.id, `the documented order does not pass: ${by.message}`);
  return guarded([deliveryCheckBase(sequence, options.seed)], async () => [await options.deliveries!(session, sequence, { seed: options.seed, runs: options.runs })]).then((r) => r[0]!);
}

async function createBot(adapter: AdapterModule, timeoutMs: number, stop: AbortSignal): Promise<{ bot?: BotUnderTest; error?: string }> {
  try {
    return { bot: await bounded("createBot", timeoutMs, async () => adapter.createBot(), stop) };
  } catch (e) {
    return { error: `createBot() failed: ${describeError(e)}` };
  }
}

/** The same mock either way: intercepted in-process with msw, or served over HTTP with msw's handlers. */
export async function startMockGraph(transport: "in-process" | "http", make: (origin?: string) => Promise<GraphMock>): Promise<{ graph: GraphMock; close: () => Promise<void> }> {
  if (transport === "http") {
    const server = await startGraphServer((origin) => make(origin));
    return { graph: server.graph, close: () => server.close() };
  }
  const graph = await make();
  const interception = interceptGraph(graph);
  return { graph, close: async () => interception.close() };
}

async function checkScenario(session: Session, scenario: Scenario): Promise<CheckResult[]> {
  const started = performance.now();
  let callId: string | undefined;
  let outcome: Awaited<ReturnType<Session["createCall"]>>;
  if (scenario.intent.operation === "transfer") {
    const base = await createCallFor(session, TRANSFER_BASE_CALL);
    if ("blocker" in base) {
      const by = base.blocker;
      // Not judged, so not timed: the time went into the base call, which its own scenario reports.
      return requestCheckIds(scenario).map((id) => blocked(requestCheckBase(scenario, aspectOf(id)), by.id, by.message));
    }
    callId = base.callId;
    session.graph.clearRequests();
    outcome = await session.transfer(callId, scenario.id);
  } else {
    session.graph.clearRequests();
    outcome = await session.createCall(scenario.id);
  }
  // Each check carries its own time: http.sent the bot's call (what it took to send), the others their judging.
  const driveMs = performance.now() - started;
  const results = checkRequests({ scenario, contract: session.contract, accessToken: session.options.accessToken, callbackUri: session.options.callbackUri, ...(callId ? { callId } : {}) }, [...session.graph.requests], outcome);
  return results.map((r) => (r.id.endsWith("/http.sent") ? { ...r, durationMs: driveMs + r.durationMs } : r));
}

export { selector } from "./select.js";
