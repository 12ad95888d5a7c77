/**
 * A conformance run: every documented scenario's requests, every sequence in its documented order,
 * and the property-based deliveries, against one implementation. The run always finishes and
 * always returns results, whatever the implementation does.
 */
import { setupServer } from "msw/node";
import { loadContract } from "../index.js";
import { loadDocumentedFixtures } from "../fixtures/load.js";
import { GraphMock } from "../mock-graph/graph-mock.js";
import { startGraphServer } from "../mock-graph/http-server.js";
import type { Scenario } from "../scenarios/model.js";
import { loadScenarios, loadSequences, notificationIndex, sequenceProblems } from "../sequences/load.js";
import type { Sequence } from "../sequences/model.js";
import { bounded, type AdapterModule, type BotUnderTest } from "./adapter.js";
import { describeError, fail, type CheckResult } from "./checks.js";
import { checkRequests, requestCheckIds } from "./request-checks.js";
import { selector } from "./select.js";
import { checkSequence, sequenceCheckIds } from "./sequence-checks.js";
import { Session } from "./session.js";
import type { Proof } from "./prove.js";
import { applyKnownDefects, type KnownDefect } from "./known-defects.js";
import type { ObservationVersion } from "./observation.js";

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
  /** The property-based delivery checks (kept apart so the run works without them). */
  deliveries?: (session: Session, sequence: Sequence, options: { seed: number; runs: number }) => Promise<CheckResult>;
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
  checks: CheckResult[];
}

/** The base call a transfer scenario transfers. */
export const TRANSFER_BASE_CALL = "create-call.v1.0.ex01";
export const ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.conformance-test-token";
/** The public callback every bot under test is configured with. */
export const CALLBACK_URI = "https://bot.conformance.example/api/calls";

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const contract = loadContract();
  const scenarios = loadScenarios();
  const sequences = loadSequences();
  const notifications = notificationIndex(loadDocumentedFixtures());
  const byId = new Map<string, Scenario>(scenarios.map((s) => [s.id, s]));
  for (const seq of sequences) {
    const problems = sequenceProblems(seq, scenarios, notifications);
    if (problems.length > 0) throw new Error(`fixtures/sequences/${seq.id}.json: ${problems.join("; ")}`);
  }
  const wanted = selector(options.only);
  const requestScenarios = scenarios.filter((s) => wanted(s.id) || requestCheckIds(s).some(wanted));
  const chosenSequences = sequences.filter((s) => wanted(s.id) || sequenceCheckIds(s).some(wanted) || wanted(`delivery.${s.id}`));
  const total = requestScenarios.length + chosenSequences.length * (options.deliveries ? 2 : 1);
  let done = 0;
  const progress = (label: string) => options.onProgress?.(++done, total, label);

  const { graph, close } = await startMockGraph(options.graphTransport ?? "in-process", (origin) => new GraphMock({ contract, seed: options.seed, ...(origin ? { origin } : {}) }));
  const checks: CheckResult[] = [];
  let session: Session | undefined;
  let observationVersion: ObservationVersion | undefined;
  try {
    const created = await createBot(options.adapter, options.stepTimeoutMs);
    session = created.bot && new Session(created.bot, graph, contract, byId, notifications, { stepTimeoutMs: options.stepTimeoutMs, accessToken: ACCESS_TOKEN, callbackUri: CALLBACK_URI });
    const startError = created.error ?? (await session!.start());
    if (startError || !session) {
      // The implementation never got going: every check fails with why, and the run still reports.
      const why = startError ?? "the bot could not be created";
      for (const s of requestScenarios) for (const id of requestCheckIds(s)) checks.push(fail({ id, group: "requests", subject: s.id, title: s.description }, why));
      for (const s of chosenSequences) for (const id of sequenceCheckIds(s)) checks.push(fail({ id, group: "sequences", subject: s.id, title: s.description }, why));
    } else {
      observationVersion = session.observationVersion;
      for (const scenario of requestScenarios) {
        checks.push(...(await checkScenario(session, scenario)));
        progress(scenario.id);
      }
      for (const sequence of chosenSequences) {
        checks.push(...(await checkSequence(session, sequence)));
        progress(sequence.id);
        if (options.deliveries) {
          checks.push(await options.deliveries(session, sequence, { seed: options.seed, runs: options.runs }));
          progress(`delivery.${sequence.id}`);
        }
      }
    }
  } finally {
    // Stopped whatever happened: a process whose start failed must not outlive the run.
    await session?.stop();
    await close();
  }
  return {
    adapter: options.adapterName,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    seed: options.seed,
    runs: options.runs,
    ...(observationVersion ? { observationVersion } : {}),
    checks: applyKnownDefects(checks.filter((c) => wanted(c.id) || wanted(c.subject)), options.knownDefects ?? options.adapter.knownDefects ?? [], options.only !== undefined),
  };
}

async function createBot(adapter: AdapterModule, timeoutMs: number): Promise<{ bot?: BotUnderTest; error?: string }> {
  try {
    return { bot: await bounded("createBot", timeoutMs, async () => adapter.createBot()) };
  } catch (e) {
    return { error: `createBot() failed: ${describeError(e)}` };
  }
}

/** The same mock either way: intercepted in-process with msw, or served over HTTP with msw's handlers. */
async function startMockGraph(transport: "in-process" | "http", make: (origin?: string) => GraphMock): Promise<{ graph: GraphMock; close: () => Promise<void> }> {
  if (transport === "http") {
    const server = await startGraphServer((origin) => make(origin));
    return { graph: server.graph, close: () => server.close() };
  }
  const graph = make();
  const server = setupServer(...graph.handlers);
  server.listen({ onUnhandledRequest: "bypass" });
  return { graph, close: async () => server.close() };
}

async function checkScenario(session: Session, scenario: Scenario): Promise<CheckResult[]> {
  const started = Date.now();
  let callId: string | undefined;
  let outcome: { callId?: string; error?: string };
  if (scenario.intent.operation === "transfer") {
    const base = await session.createCall(TRANSFER_BASE_CALL);
    if (!base.callId) {
      return requestCheckIds(scenario).map((id) => fail({ id, group: "requests", subject: scenario.id, title: scenario.description }, `the bot could not create the call to transfer (${TRANSFER_BASE_CALL}): ${base.error}`));
    }
    callId = base.callId;
    session.graph.clearRequests();
    outcome = await session.transfer(callId, scenario.id);
  } else {
    session.graph.clearRequests();
    outcome = await session.createCall(scenario.id);
  }
  const results = checkRequests({ scenario, contract: session.contract, accessToken: session.options.accessToken, callbackUri: session.options.callbackUri, callId }, [...session.graph.requests], outcome);
  const ms = Date.now() - started;
  return results.map((r) => ({ ...r, durationMs: ms }));
}

export { selector } from "./select.js";
