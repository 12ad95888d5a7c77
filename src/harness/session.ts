/**
 * One conformance session: the mock Graph, the bot under test, and the bounded calls between them.
 * Everything that talks to an implementation goes through here, so every call has a timeout and
 * every failure becomes a diagnostic instead of an exception.
 */
import type { Contract } from "../contract/validator.js";
import type { GraphMock } from "../mock-graph/graph-mock.js";
import type { MintOptions } from "../mock-graph/issuer.js";
import type { Scenario } from "../scenarios/model.js";
import type { JsonValue } from "../util/json.js";
import { bounded, ImplementationFault, type BotUnderTest } from "./adapter.js";
import { DEFAULT_OBSERVATION_VERSION, OBSERVATION_VERSIONS, type ObservationVersion } from "./observation.js";
import { describeError, type ErrorKind } from "./checks.js";

/**
 * Why a call into the implementation did not answer: `error` says it in one line; `errorKind` is
 * set when the implementation could not answer at all (a hang, a crash, a protocol violation), and
 * absent when it answered with an error of its own (which the checks then judge).
 */
export interface CallFailure {
  error?: string;
  errorKind?: ErrorKind;
}

function failure(what: string, e: unknown): Required<Pick<CallFailure, "error">> & CallFailure {
  return { error: `${what} failed: ${describeError(e)}`, ...(e instanceof ImplementationFault ? { errorKind: e.kind } : {}) };
}

export interface SessionOptions {
  /** Longest any single call into the implementation may take. */
  stepTimeoutMs: number;
  accessToken: string;
  /** The public callback the bot is configured with (it goes in callbackUri, and in the notifications' callbackUri). */
  callbackUri: string;
  /** Aborted when the run must stop now (its deadline, an interrupt): every call in progress ends with its reason. */
  stop?: AbortSignal;
  /** After each call into the implementation: whether it timed out (the circuit breaker counts them). */
  onCallEnded?: (timedOut: boolean) => void;
  /** The bot's application id (every notification token's audience) and its own tenant. */
  appId: string;
  tenantId: string;
}

export interface DeliverOptions {
  /** The call the notifications are about: the token carries its tenant (tid). */
  callId?: string;
  /** The token: a fresh valid one by default; a forgery for the auth checks; null sends no Authorization. */
  token?: Omit<MintOptions, "tid"> & { tid?: string | null } | null;
}

/** How long start may take: twice a step (PROTOCOL.md, Lifecycle). */
export function startTimeoutMs(stepTimeoutMs: number): number {
  return 2 * stepTimeoutMs;
}

/** How long a run cut short waits for the implementation to stop. */
export const STOP_AFTER_CUT_MS = 2_000;

export class Session {
  callbackUrl = "";
  /** How long the bot took to answer each notification POST, in ms, in order (receiver.latency reads it). */
  readonly latencies: number[] = [];

  constructor(
    readonly bot: BotUnderTest,
    readonly graph: GraphMock,
    readonly contract: Contract,
    readonly scenarios: ReadonlyMap<string, Scenario>,
    readonly notifications: ReadonlyMap<string, JsonValue>,
    readonly options: SessionOptions,
  ) {}

  /** A call into the implementation: bounded by `ms` and by the run's stop, and counted. */
  private async bounded<T>(step: string, ms: number, work: () => Promise<T>): Promise<T> {
    let timedOut = false;
    try {
      return await bounded(step, ms, work, this.options.stop);
    } catch (e) {
      timedOut = e instanceof ImplementationFault && e.kind === "timeout" && !this.options.stop?.aborted;
      throw e;
    } finally {
      this.options.onCallEnded?.(timedOut);
    }
  }

  /** Undefined when the implementation started; otherwise why not. */
  async start(): Promise<string | undefined> {
    try {
      // Twice a step, as PROTOCOL.md promises: a JVM or .NET process takes seconds to boot.
      const { callbackUrl } = await this.bounded("start", startTimeoutMs(this.options.stepTimeoutMs), () => this.bot.start({
        graphBaseUrl: this.graph.baseUrl,
        accessToken: this.options.accessToken,
        callbackUri: this.options.callbackUri,
        appId: this.options.appId,
        tenantId: this.options.tenantId,
        openIdConfigurationUrl: this.graph.issuer?.openIdConfigurationUrl ?? "",
      }));
      if (typeof callbackUrl !== "string" || !/^https?:\/\//.test(callbackUrl)) return `start() answered a callbackUrl that is not an http(s) URL: ${JSON.stringify(callbackUrl)}`;
      this.callbackUrl = callbackUrl;
      const version = this.bot.observationVersion;
      if (version !== undefined && !OBSERVATION_VERSIONS.includes(version)) return `the implementation speaks observation version ${JSON.stringify(version)}, which this harness does not know (it knows ${OBSERVATION_VERSIONS.join(", ")})`;
      return undefined;
    } catch (e) {
      return failure("start()", e).error;
    }
  }

  /** The observation version the implementation speaks (known once it started): what its observations mean. */
  get observationVersion(): ObservationVersion {
    return this.bot.observationVersion ?? DEFAULT_OBSERVATION_VERSION;
  }

  async stop(): Promise<void> {
    try {
      // Longer than a step: stopping a process includes a grace period and a kill, and the run
      // must not return while the implementation is still alive. After a cut (the deadline, the
      // breaker, an interrupt) it is taken for hung: the second PROTOCOL.md's stop allows, and one to
      // kill it, not a step that would outlast the deadline (the caller kills what is left).
      await bounded("stop", this.options.stop?.aborted ? STOP_AFTER_CUT_MS : this.options.stepTimeoutMs + 5_000, () => this.bot.stop());
    } catch {
      // A bot that cannot stop has already been judged on what it did; the run goes on.
    }
  }

  /** Ask the bot to create the call a scenario describes; the call id or why not. */
  async createCall(scenarioId: string): Promise<{ callId?: string } & CallFailure> {
    const scenario = this.scenarios.get(scenarioId);
    if (scenario?.intent.operation !== "create-call") return { error: `no create-call scenario ${scenarioId}`, errorKind: "internal" };
    try {
      const { callId } = await this.bounded("createCall", this.options.stepTimeoutMs, () => this.bot.createCall(scenario.intent as Extract<Scenario["intent"], { operation: "create-call" }>));
      return typeof callId === "string" ? { callId } : { error: `createCall() answered no call id (${JSON.stringify(callId)})` };
    } catch (e) {
      return failure("createCall()", e);
    }
  }

  /** Ask the bot to transfer a call as a scenario describes; `replacesCallId` replaces the scenario's (a consultative transfer of a real call). */
  async transfer(callId: string, scenarioId: string, replacesCallId?: string): Promise<CallFailure> {
    const scenario = this.scenarios.get(scenarioId);
    if (scenario?.intent.operation !== "transfer") return { error: `no transfer scenario ${scenarioId}`, errorKind: "internal" };
    const intent = scenario.intent as Extract<Scenario["intent"], { operation: "transfer" }>;
    try {
      await this.bounded("transfer", this.options.stepTimeoutMs, () => this.bot.transfer(callId, replacesCallId === undefined ? intent : { ...intent, replacesCallId }));
      return {};
    } catch (e) {
      return failure("transfer()", e);
    }
  }

  /** POST a body to the bot's callback, as Graph does: JSON, with a freshly minted token. */
  async deliver(body: JsonValue, options: DeliverOptions = {}): Promise<{ status: number | null } & CallFailure> {
    this.graph.rosters.sent(body); // sent before it arrives: a bot that re-reads the roster while handling it sees it in Graph's
    try {
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      const token = await this.token(options);
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
      const request = new Request(this.callbackUrl, { method: "POST", headers, body: JSON.stringify(body) });
      const started = performance.now();
      // Recorded whatever happens: a POST left unanswered until the step timeout took at least that long.
      const response = await this.bounded("handleNotification", this.options.stepTimeoutMs, () => this.bot.handleNotification(request))
        .finally(() => this.latencies.push(Math.round((performance.now() - started) * 10) / 10));
      if (!(response instanceof Response)) return { status: null, error: `handleNotification() answered something that is not an HTTP response: ${JSON.stringify(response)?.slice(0, 80)}`, errorKind: "protocol" };
      return { status: response.status };
    } catch (e) {
      return { status: null, ...failure("handleNotification()", e) };
    }
  }

  private async token(options: DeliverOptions): Promise<string | undefined> {
    const issuer = this.graph.issuer;
    if (options.token === null || !issuer) return undefined;
    const tid = options.token?.tid !== undefined ? options.token.tid : (options.callId ? this.graph.tenantOf(options.callId) : undefined) ?? this.options.tenantId;
    return issuer.mint({ ...options.token, tid });
  }

  async observe(callId: string): Promise<{ observed?: unknown } & CallFailure> {
    try {
      return { observed: await this.bounded("observe", this.options.stepTimeoutMs, () => this.bot.observe(callId)) };
    } catch (e) {
      return failure("observe()", e);
    }
  }
}
