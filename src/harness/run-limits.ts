/**
 * What ends a run before its end, so that no implementation can make it last for ever and every
 * way it ends still gives a result (PROTOCOL.md, "Run limits"):
 * - the run's deadline: the call in progress is cut short, and every check not yet made is an
 *   error (timeout), listed at once;
 * - the circuit breaker: after N calls in a row into the implementation timed out, it is taken for
 *   hung: the call in progress is cut short, and every check not yet made is an error (timeout),
 *   listed at once;
 * - --max-failures: the run stops after that many failed or errored checks, the rest not listed;
 * - an interrupt (SIGINT, SIGTERM) or a crash of the harness: the subject in progress is dropped,
 *   the rest not listed.
 * Whichever it is, the result says `stopped` (why, and how many subjects were not judged), and the
 * reports mark the run as partial.
 */
import { ImplementationFault } from "./adapter.js";
import type { CheckResult } from "./checks.js";

export type StopKind = "deadline" | "circuit-breaker" | "max-failures" | "interrupted" | "crash";

export interface RunStop {
  kind: StopKind;
  reason: string;
}

/** Stops whose remaining checks are listed as errors: the implementation's doing. The others leave them out. */
export const LISTS_REMAINING: ReadonlySet<StopKind> = new Set(["deadline", "circuit-breaker"]);

/** A call into the implementation cut short because the run must stop. */
export class RunCut extends ImplementationFault {
  constructor(readonly stop: RunStop) {
    super(stop.reason, "timeout");
  }
}

export interface RunLimitOptions {
  /** The whole run, ms (absent: none). */
  deadlineMs?: number;
  /** Calls in a row into the implementation that may time out before the rest are errors (absent or 0: never). */
  maxConsecutiveTimeouts?: number;
  /** Failed or errored checks after which the run stops (absent: never). */
  maxFailures?: number;
  /** Aborted from outside (an interrupt, a crash): its reason is a RunStop. */
  signal?: AbortSignal;
}

export class RunLimits {
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;
  private consecutiveTimeouts = 0;
  private roots = 0;
  private stopped?: RunStop;
  private readonly onOuterAbort = () => this.cut(this.options.signal!.reason as RunStop);

  constructor(private readonly options: RunLimitOptions) {
    if (options.deadlineMs !== undefined) {
      this.timer = setTimeout(() => this.cut({ kind: "deadline", reason: `the run's deadline passed (${formatSeconds(options.deadlineMs!)}, run --deadline)` }), options.deadlineMs);
      this.timer.unref();
    }
    if (options.signal?.aborted) this.onOuterAbort();
    else options.signal?.addEventListener("abort", this.onOuterAbort, { once: true });
  }

  /** Aborted, with a RunCut as its reason, when calls in progress must end now. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the run must not start another subject, if it must not. */
  get stop(): RunStop | undefined {
    return this.stopped;
  }

  /** After each subject: its checks, which may reach --max-failures. */
  record(checks: readonly CheckResult[]): void {
    if (this.stopped) return;
    this.roots += checks.filter((c) => c.status === "failed" || c.status === "error").length;
    if (this.options.maxFailures !== undefined && this.roots >= this.options.maxFailures) this.stopped = { kind: "max-failures", reason: `stopped after ${this.roots} failed or errored check(s) (--max-failures ${this.options.maxFailures})` };
  }

  /** After each call into the implementation: N timeouts in a row trip the circuit breaker, which cuts the run now. */
  callEnded(timedOut: boolean): void {
    this.consecutiveTimeouts = timedOut ? this.consecutiveTimeouts + 1 : 0;
    const max = this.options.maxConsecutiveTimeouts ?? 0;
    if (max > 0 && this.consecutiveTimeouts >= max) this.cut({ kind: "circuit-breaker", reason: `${max} calls in a row into the implementation timed out: it is taken for hung (run --max-consecutive-timeouts)` });
  }

  /** Release the timer and the outer signal. */
  dispose(): void {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener("abort", this.onOuterAbort);
  }

  private cut(stop: RunStop): void {
    if (this.controller.signal.aborted) return;
    // An interrupt or a crash outranks a stop already decided between subjects: it is why the run ends now.
    if (!this.stopped || !LISTS_REMAINING.has(stop.kind)) this.stopped = stop;
    this.controller.abort(new RunCut(stop));
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
