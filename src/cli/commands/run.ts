/** `graph-calls-contract run`: the conformance run of an implementation (the bundled reference by default). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AdapterUnavailable, framingOption, loadAdapterModule, processAdapter, shellQuote, type LoadedAdapter } from "../../adapters/load.js";
import { killAll } from "../../adapters/children.js";
import { readKnownDefectsFile, type KnownDefect } from "../../harness/known-defects.js";
import { describeError, errored, isRoot, type CheckResult } from "../../harness/checks.js";
import { deliveryChecks } from "../../harness/delivery.js";
import { proveCatalog, PROVE_KEY_REFRESH_WAIT_MS, PROVE_MAX_LATENCY_MS, type Proof, type ProveOptions } from "../../harness/prove.js";
import { DEFAULT_KEY_REFRESH_WAIT_MS, runConformance, type RunOptions, type RunResult } from "../../harness/run.js";
import type { RunStop } from "../../harness/run-limits.js";
import { NothingSelected } from "../../harness/select.js";
import { DEFAULT_MAX_LATENCY_MS } from "../../harness/latency.js";
import { parseShard, type Shard } from "../../harness/shard.js";
import { printOutcome, publishReports } from "../run-output.js";
import { partialNote } from "../../reports/model.js";
import { PROJECT_ROOT } from "../../util/paths.js";
import { EXIT, UsageError, writeLine, type CliIO, type Command } from "../command.js";
import { onOutputClosed } from "../closed-output.js";
import { phaseProgress } from "../progress.js";
import { DEFAULT_DEADLINE_S, DEFAULT_MAX_CONSECUTIVE_TIMEOUTS, usage } from "../usage/run.js";

export const REFERENCE_ADAPTER = path.join(PROJECT_ROOT, "dist", "implementations", "reference", "index.js");

export const runCommand: Command = {
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        adapter: { type: "string" },
        command: { type: "string" },
        framing: { type: "string" },
        only: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string", default: "20" },
        "step-timeout": { type: "string", default: "5000" },
        "max-latency": { type: "string", default: String(DEFAULT_MAX_LATENCY_MS) },
        "key-refresh-wait": { type: "string", default: String(DEFAULT_KEY_REFRESH_WAIT_MS) },
        reports: { type: "string", default: "reports" },
        prove: { type: "boolean" },
        "known-defects": { type: "string" },
        deadline: { type: "string", default: String(DEFAULT_DEADLINE_S) },
        "max-consecutive-timeouts": { type: "string", default: String(DEFAULT_MAX_CONSECUTIVE_TIMEOUTS) },
        shard: { type: "string" },
      },
      strict: true,
    });
    const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : integer("--seed", values.seed, 0, 0x7fffffff);
    const runs = integer("--runs", values.runs, 0, 10_000);
    const stepTimeoutMs = integer("--step-timeout", values["step-timeout"], 10, 600_000);
    const deadlineS = integer("--deadline", values.deadline, 0, 7 * 24 * 3600);
    const maxConsecutiveTimeouts = integer("--max-consecutive-timeouts", values["max-consecutive-timeouts"], 0, 10_000);
    const maxLatencyMs = integer("--max-latency", values["max-latency"], 1, 600_000);
    const keyRefreshWaitMs = integer("--key-refresh-wait", values["key-refresh-wait"], 0, 600_000);
    const shard = values.shard === undefined ? undefined : shardOption(values.shard, values.seed, values.prove);
    if (values.adapter && values.command) throw new UsageError("--adapter and --command are exclusive: a module, or a command");
    const elapsedMs = () => performance.now() - (io.startedAt ?? 0);
    if (values.framing !== undefined && values.command === undefined) throw new UsageError("--framing frames the process protocol: it goes with --command");
    const { adapter, name, transport } = await chooseAdapter(values.command, values.adapter, io.cwd, stepTimeoutMs, values.framing);

    writeLine(io.stderr, `graph-calls-contract run: ${name}, seed ${seed}, ${runs} delivery run(s) per sequence${values.only ? `, only ${values.only}` : ""}${shard ? `, shard ${shard.index}/${shard.total}` : ""}`);
    const options: RunOptions = {
      adapter,
      adapterName: name,
      seed,
      runs,
      stepTimeoutMs,
      maxLatencyMs,
      keyRefreshWaitMs,
      graphTransport: transport,
      ...(values["known-defects"] ? { knownDefects: readKnownDefects(path.resolve(io.cwd, values["known-defects"])) } : {}),
      onProgress: phaseProgress(io.stderr, "checks", (total) => `${total} to run (scenarios and sequences)`, elapsedMs),
      ...(runs > 0 ? { deliveries: deliveryChecks } : {}),
      ...(values.only ? { only: values.only } : {}),
      ...(deadlineS > 0 ? { deadlineMs: deadlineS * 1000 } : {}),
      maxConsecutiveTimeouts,
      ...(shard ? { shard } : {}),
    };
    // The proof runs the catalog, not this implementation: it needs nothing from this run but the options, so its
    // worker processes start now, beside the checks (the run's own waits, and the catalog's, overlap), instead of after.
    const proof = values.prove ? startProof({ seed, runs: Math.min(runs, 10), stepTimeoutMs: Math.min(stepTimeoutMs, 2_000), maxLatencyMs: Math.min(maxLatencyMs, PROVE_MAX_LATENCY_MS), keyRefreshWaitMs: Math.min(keyRefreshWaitMs, PROVE_KEY_REFRESH_WAIT_MS), onVariant: phaseProgress(io.stderr, "proof", (total) => `proving the checks with ${total} faulty implementations`, elapsedMs) }) : undefined;
    let ended: Awaited<ReturnType<typeof runToTheEnd>>;
    try {
      ended = await runToTheEnd(options, io, proof?.stop);
    } catch (e) {
      // A run that could not begin (an --only that selects nothing) ends the command: its proof with it.
      await proof?.stop();
      throw e;
    }
    const { result, signal } = ended;
    // A replay must drive the same implementation: name it after the check's own arguments.
    const target = values.command !== undefined ? ` --command ${shellQuote(values.command)}${values.framing ? ` --framing ${values.framing}` : ""}` : values.adapter ? ` --adapter ${shellQuote(values.adapter)}` : "";
    for (const check of result.checks) if (check.replay) check.replay += target;
    // The proof ends before the summary is printed, so that its line times the whole command (the build of
    // `npm run conformance` included: scripts/conformance.js runs this CLI in the process that built).
    const partial = partialNote(result);
    const phases: Array<[string, number]> = [["checks", result.durationMs]];
    // A partial run's proof would outlast what stopped it (an interrupt, a closed output, the deadline) by minutes: stopped, and said.
    if (proof && partial) await proof.stop();
    if (proof && !partial) {
      result.proof = await proof.result;
      phases.push(["proof", proof.durationMs()]);
    }
    printOutcome(result, io, { elapsedMs: elapsedMs(), phases });
    if (values.prove && partial) writeLine(io.stdout, `proof: not run: the run is partial (${result.stopped!.kind})`);
    if (result.proof) writeLine(io.stdout, `proof: ${result.proof.variants.length} faulty implementations; ${result.proof.unproven.length === 0 ? "every check fails for at least one of them" : `${result.proof.unproven.length} check(s) fail for none of them: ${result.proof.unproven.join(", ")}`}`);
    publishReports(result, values.reports, io, "run");
    return signal ? signalExitCode(signal) : exitCode(result.checks, result.stopped);
  },
};

/**
 * The run, and a result whatever happens to it: the first SIGINT or SIGTERM stops it (the step in
 * progress is cut short, the implementation killed) and it returns what it made, which the reports
 * then mark partial; a second one exits at once, without reports. Its stdout or stderr found closed
 * (EPIPE: the reader or the parent is gone) stops it the same way, exit 141. A crash of the harness (an
 * exception nothing caught, thrown by it or by an in-process adapter) stops it the same way, and a
 * run that cannot even begin still gives one error check saying why.
 */
async function runToTheEnd(options: RunOptions, io: CliIO, stopProof?: () => Promise<void>): Promise<{ result: RunResult; signal?: NodeJS.Signals }> {
  const stop = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(signalExitCode(signal));
    received = signal;
    // The proof's workers, beside the run, stop with it (the run's result decides nothing for them now).
    void stopProof?.();
    writeLine(io.stderr, `graph-calls-contract run: ${signal}: stopping the run and writing a partial report (${signal} again to exit at once, without it)`);
    stop.abort({ kind: "interrupted", reason: `interrupted by ${signal}` } satisfies RunStop);
  };
  const onCrash = (error: unknown) => {
    writeLine(io.stderr, `graph-calls-contract run: internal error: ${describeError(error)}; stopping the run and writing a partial report`);
    if (!stop.signal.aborted) stop.abort({ kind: "crash", reason: `the harness crashed: ${describeError(error)}` } satisfies RunStop);
  };
  const signals = ["SIGINT", "SIGTERM"] as const;
  for (const signal of signals) process.on(signal, onSignal);
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  // Nobody reads the run any more (a reader that stopped, a parent that died): stop it as a shell's SIGPIPE would, reports still written.
  const onClosed = () => {
    if (received) return;
    received = "SIGPIPE";
    stop.abort({ kind: "interrupted", reason: "its output was closed (EPIPE): nobody reads the run any more" } satisfies RunStop);
  };
  const unwatch = [io.stdout, io.stderr].map((stream) => onOutputClosed(stream, onClosed));
  const started = Date.now();
  try {
    const result = await runConformance({ ...options, signal: stop.signal });
    return { result, ...(received && result.stopped?.kind === "interrupted" ? { signal: received } : {}) };
  } catch (e) {
    if (e instanceof NothingSelected) throw new UsageError(e.message);
    const reason = `the harness failed before the run could end: ${describeError(e)}`;
    const check = errored({ id: "harness", group: "run", subject: "harness", title: "the harness runs to its end" }, "internal", reason, e instanceof Error && e.stack ? e.stack.split("\n").slice(1, 6).map((l) => l.trim()) : undefined);
    return { result: { adapter: options.adapterName, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, seed: options.seed, runs: options.runs, checks: [check], stopped: { kind: "crash", reason, subjectsNotRun: 0 } } };
  } finally {
    // The run has ended: nothing it started outlives it, nor keeps this process waiting (a bot cut short that did not stop in its grace).
    killAll();
    for (const signal of signals) process.off(signal, onSignal);
    for (const off of unwatch) off();
    process.off("uncaughtException", onCrash);
    process.off("unhandledRejection", onCrash);
  }
}

/** What a shell reports for a process a signal ended: 128 + the signal's number (130 for SIGINT, 143 for SIGTERM). */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}

/** --shard i/n: every shard must run the same seed (merge-reports refuses shards of different seeds), and the proof is not sharded. */
function shardOption(text: string, seed: string | undefined, prove: boolean | undefined): Shard {
  let shard: Shard;
  try {
    shard = parseShard(text);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (seed === undefined) throw new UsageError("--shard needs --seed: every shard of a run must run the same seed (a CI matrix can pass its run id)");
  if (prove) throw new UsageError("--shard and --prove are exclusive: the proof runs the faulty implementations against every check; run it once, unsharded");
  return shard;
}

function integer(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${option} must be an integer from ${min} to ${max} (got "${text}")`);
  return n;
}

/** --command, --adapter, or the bundled reference; one that cannot be used is a usage error, said in one line. */
async function chooseAdapter(command: string | undefined, module: string | undefined, cwd: string, stepTimeoutMs: number, framing: string | undefined): Promise<LoadedAdapter> {
  try {
    if (command !== undefined) return processAdapter(command, cwd, stepTimeoutMs, framingOption(framing));
    if (!module && !fs.existsSync(REFERENCE_ADAPTER)) throw new AdapterUnavailable(`the reference implementation is not built (${REFERENCE_ADAPTER}); run npm run build`);
    return await loadAdapterModule(module ? path.resolve(cwd, module) : REFERENCE_ADAPTER);
  } catch (e) {
    throw e instanceof AdapterUnavailable ? new UsageError(e.message) : e;
  }
}

function readKnownDefects(file: string): KnownDefect[] {
  try {
    return readKnownDefectsFile(file);
  } catch (e) {
    throw new UsageError(`--known-defects ${(e as Error).message}`);
  }
}

interface RunningProof {
  result: Promise<Proof>;
  /** From its start to its end (it runs beside the checks, so the two phases overlap). */
  durationMs(): number;
  /** Kill its workers and wait until they are gone; its result is then never awaited. */
  stop(): Promise<void>;
}

/** The proof of the bundled catalog, started now in its worker processes. */
function startProof(options: ProveOptions): RunningProof {
  const file = catalogFile();
  const started = performance.now();
  let ended: number | undefined;
  const abort = new AbortController();
  const result = proveCatalog(file, { ...options, signal: abort.signal }).finally(() => { ended = performance.now(); });
  // Until the run has ended nobody awaits it: a failure must not count as the harness's crash meanwhile (it is thrown when awaited).
  result.catch(() => {});
  return {
    result,
    durationMs: () => (ended ?? performance.now()) - started,
    stop: async () => {
      abort.abort(new Error("the proof was stopped: the run is partial"));
      await result.catch(() => {});
    },
  };
}

/** The bundled catalog of faulty implementations (implementations/faulty/), compiled; proveCatalog runs it in worker processes. */
function catalogFile(): string {
  const file = path.join(PROJECT_ROOT, "dist", "implementations", "faulty", "index.js");
  if (!fs.existsSync(file)) throw new UsageError(`the catalog of faulty implementations is not built (${file}); run npm run build`);
  return file;
}

/**
 * 3: the run itself could not happen (the implementation did not start, the harness failed or
 * crashed: its reports are partial); 1: a check failed (a run cut by its deadline or the circuit
 * breaker has errors, so it is 1); 0: none did. An interrupted run exits 128 + the signal instead.
 */
export function exitCode(checks: readonly CheckResult[], stopped?: RunResult["stopped"]): number {
  if (stopped?.kind === "crash") return EXIT.internal;
  if (checks.some((c) => c.status === "error" && (c.errorKind === "start" || c.errorKind === "internal"))) return EXIT.internal;
  return checks.some(isRoot) ? EXIT.failed : EXIT.ok;
}
