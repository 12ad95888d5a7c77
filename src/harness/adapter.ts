/**
 * The adapter contract: how the harness drives an implementation under test (a calling bot or
 * the calling layer of one). The bot talks to Graph over HTTP at the base URL it is given and
 * never knows it is under test; notifications reach it as HTTP requests to its callback.
 *
 * A TypeScript implementation exports `createBot(): BotUnderTest` from a module
 * (`graph-calls-contract run --adapter ./my-bot.js`); other languages use the process protocol.
 */
import type { CreateCallIntent, TransferIntent } from "../scenarios/model.js";
import type { CallObservation, ObservationVersion } from "./observation.js";
import type { KnownDefect } from "./known-defects.js";
import type { ErrorKind } from "./checks.js";

export interface BotEnvironment {
  /** Graph's versioned root, e.g. https://graph.microsoft.com/v1.0 (intercepted by the mock Graph). */
  graphBaseUrl: string;
  /** The bearer token to send in Authorization headers. */
  accessToken: string;
  /**
   * The public https URL Graph must call back: what the bot puts in callbackUri. (In production a
   * bot is configured with it; behind it, the bot listens wherever it likes.)
   */
  callbackUri: string;
  /**
   * The bot's application id: the audience (`aud`) of every notification token. A bot must refuse
   * a notification whose token is not for it (PROTOCOL.md, "Notification tokens").
   */
  appId: string;
  /** The bot's own tenant: the tenant of a call whose create call request names none. */
  tenantId: string;
  /**
   * Graph's OpenID configuration: its `jwks_uri` publishes the keys notification tokens are signed
   * with. Under test it is served by the mock (on 127.0.0.1 for a process, intercepted in-process).
   */
  openIdConfigurationUrl: string;
}

export interface BotUnderTest {
  /**
   * The observation version `observe` answers in (PROTOCOL.md, "Versions"): 2 gives a failed
   * transfer's resultInfo its own field (transferResult) and keeps `result` for the call's
   * termination; 1 (what an adapter that does not say speaks) has one `result` for both. Read
   * once start() has answered, so a bot may decide it then.
   */
  readonly observationVersion?: ObservationVersion;
  /**
   * Prepare; answer with the URL the harness can POST notifications to (for an in-process bot any
   * URL: the request is handed to handleNotification; for a process, where it listens on 127.0.0.1).
   */
  start(env: BotEnvironment): Promise<{ callbackUrl: string }>;
  /** Place the call a scenario describes (POST /communications/calls); answer with the call id Graph returned. */
  createCall(intent: CreateCallIntent): Promise<{ callId: string }>;
  /** Transfer a call as a scenario describes (POST /communications/calls/{callId}/transfer). */
  transfer(callId: string, intent: TransferIntent): Promise<void>;
  /** One HTTP request to the callback, as Graph sends it; the bot answers with an HTTP response. */
  handleNotification(request: Request): Promise<Response>;
  /** What the bot believes about a call, in its observation version. */
  observe(callId: string): Promise<CallObservation>;
  stop(): Promise<void>;
}

/** What an adapter module exports. */
export interface AdapterModule {
  createBot(): BotUnderTest | Promise<BotUnderTest>;
  /** A short name for reports. */
  name?: string;
  /** Checks this implementation is known to fail, with why (see known-defects.ts). */
  knownDefects?: KnownDefect[];
}

/**
 * The implementation could not answer at all (it hung, died, or broke the protocol), as opposed to
 * answering with an error of its own: the checks concerned are errors, not failures.
 */
export class ImplementationFault extends Error {
  constructor(message: string, readonly kind: Exclude<ErrorKind, "internal">) {
    super(message);
  }
}

export class StepTimeout extends ImplementationFault {
  constructor(readonly step: string, readonly ms: number) {
    super(`${step} did not finish within ${ms} ms`, "timeout");
  }
}

/**
 * Every call into an implementation is bounded: a hang becomes a diagnostic, never a stuck run.
 * `stop`, when given, cuts the call short too (the run's deadline, an interrupt): its reason, an
 * Error, is what the call rejects with, and no call starts once it is aborted.
 */
export async function bounded<T>(step: string, ms: number, work: () => Promise<T>, stop?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onStop: (() => void) | undefined;
  try {
    if (stop?.aborted) throw stop.reason;
    return await Promise.race([
      Promise.resolve().then(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(step, ms)), ms);
        if (stop) stop.addEventListener("abort", (onStop = () => reject(stop.reason)), { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onStop) stop!.removeEventListener("abort", onStop);
  }
}
