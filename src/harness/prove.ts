/**
 * Proving the checks: run a catalog of faulty implementations (each one documented bug) and see
 * which checks catch something. A check no variant fails is a check nobody has proven can fail;
 * the reports list those.
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../util/paths.js";
import type { BotUnderTest } from "./adapter.js";
import { createDeliveryChecks } from "./delivery.js";
import { killMatrix, type KillMatrix } from "./kill-matrix.js";
import { loadRunFixtures, runConformance, type RunFixtures, type RunOptions, type RunResult } from "./run.js";
import { loadScenarios, loadSequences } from "../sequences/load.js";
import { authCheckIds } from "./auth-checks.js";
import { LATENCY_CHECK } from "./latency.js";
import { requestCheckIds } from "./request-checks.js";
import { selector } from "./select.js";
import { sequenceCheckIds } from "./sequence-checks.js";

export interface ProvingVariant {
  id: string;
  bug: string;
  /** A short step timeout for a variant whose bug is a hang. */
  stepTimeoutMs?: number;
  /**
   * The checks the variant is made to fail (globs, as FaultyVariant.expectedFailures and the keys
   * of its messages). When given, its run is the scenarios and sequences they name, each with all
   * its checks, and the delivery checks they name (targetOf): the rest of a full run only repeats
   * the reference's passes (in the catalog of 56, the targeted runs leave the kill matrix's
   * unproven and collateral-only checks exactly as full runs do, for a fifth of the checks run).
   * Without it (the reference, the alternatives) the run is a full one.
   */
  expectedFailures?: readonly string[];
  messages?: Readonly<Record<string, RegExp>>;
  /** Subjects the bug needs run before those (FaultyVariant.runsAfter): part of the targeted run too. */
  runsAfter?: readonly string[];
  createBot(): BotUnderTest | Promise<BotUnderTest>;
}

export interface Proof extends KillMatrix {
  variants: Array<{ id: string; bug: string; failing: string[] }>;
}

export interface ProveOptions {
  seed: number;
  /** Delivery plans per sequence and variant: a few are enough to show the catalog's delivery bugs. */
  runs: number;
  stepTimeoutMs: number;
  /** receiver.latency's budget and auth.accept.rotated-key's wait for the variants (short: the catalog's bugs are far over them). */
  maxLatencyMs?: number;
  keyRefreshWaitMs?: number;
  onVariant?: (done: number, total: number, id: string) => void;
  /** Stops a proof in worker processes (proveCatalog): the workers are killed and the proof rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a proof run uses unless told otherwise: the reference answers in-process POSTs in milliseconds, and refreshes its keys within a second. */
export const PROVE_MAX_LATENCY_MS = 1_500;
export const PROVE_KEY_REFRESH_WAIT_MS = 3_000;

let fixtures: RunFixtures | undefined;

/**
 * The fixtures every variant's run reads, read once per process: a worker makes dozens of runs, and
 * reading and checking the fixtures again was a tenth of a targeted run's CPU. Frozen, because every
 * run of the process shares them: a run (the harness, or a variant's bot given a scenario's intent)
 * that wrote into one would throw, instead of changing the verdicts of the runs after it.
 */
function proofFixtures(): RunFixtures {
  if (!fixtures) {
    const read = loadRunFixtures();
    deepFreeze(read.scenarios);
    deepFreeze(read.sequences);
    for (const body of read.notifications.values()) deepFreeze(body);
    fixtures = read;
  }
  return fixtures;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** One run per variant, one at a time in this process (each run installs its own interception of fetch). */
export async function runVariants(variants: readonly ProvingVariant[], options: ProveOptions): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const shared = proofFixtures();
  for (const [i, v] of variants.entries()) {
    const stepTimeoutMs = v.stepTimeoutMs ?? options.stepTimeoutMs;
    const only = v.expectedFailures ? targetOf([...v.expectedFailures, ...Object.keys(v.messages ?? {}), ...(v.runsAfter ?? [])]) : undefined;
    const run: RunOptions = {
      adapter: { createBot: () => v.createBot() },
      adapterName: v.id,
      fixtures: shared,
      ...(only ? { only } : {}),
      seed: options.seed,
      runs: options.runs,
      stepTimeoutMs,
      maxLatencyMs: options.maxLatencyMs ?? PROVE_MAX_LATENCY_MS,
      keyRefreshWaitMs: options.keyRefreshWaitMs ?? PROVE_KEY_REFRESH_WAIT_MS,
      // A hanging variant's plans each cost a step timeout: give it a budget of a few.
      // No shrinking: a variant's failing plan proves the check; its smallest form proves nothing more (it was 2/3 of the catalog's CPU).
      ...(options.runs > 0 ? { deliveries: createDeliveryChecks({ budgetMs: v.stepTimeoutMs ? 4 * v.stepTimeoutMs : 5_000, shrink: false }) } : {}),
    };
    results.push(await runConformance(run));
    options.onVariant?.(i + 1, variants.length, v.id);
  }
  return results;
}

/**
 * The subjects whose checks the patterns name, as a `run --only` list: scenario ids, sequence
 * subjects (`sequence.<id>`) and delivery checks. The run keeps every check of each subject, so a
 * check the variant blocks (its precondition fails first) is seen blocked as in a full run. Empty
 * when the patterns name nothing (the run is then a full one, and the kill matrix suite says which
 * pattern names no check).
 */
export function targetOf(patterns: readonly string[]): string {
  const wanted = selector(patterns.join(","));
  const subjects = new Set(conformanceCheckIds(true).filter(wanted).map((id) => (id.includes("/") ? id.slice(0, id.indexOf("/")) : id)));
  return [...subjects].join(",");
}

let checkIds: { withDeliveries: string[]; without: string[] } | undefined;

/** Every conformance check a full run has (what the proof must prove), in run order; delivery checks when the run has deliveries. */
export function conformanceCheckIds(deliveries: boolean): string[] {
  if (!checkIds) {
    const requests = loadScenarios().flatMap(requestCheckIds);
    const sequences = loadSequences();
    const receiver = [...authCheckIds(), LATENCY_CHECK];
    checkIds = {
      without: [...requests, ...sequences.flatMap(sequenceCheckIds), ...receiver],
      withDeliveries: [...requests, ...sequences.flatMap((s) => [...sequenceCheckIds(s), `delivery.${s.id}`]), ...receiver],
    };
  }
  return deliveries ? checkIds.withDeliveries : checkIds.without;
}

export async function proveChecks(variants: readonly ProvingVariant[], options: ProveOptions): Promise<Proof> {
  return proofOf(variants, await runVariants(variants, options), options);
}

/** The proof of a compiled catalog module (exporting FAULTY_VARIANTS), its variants run in worker processes. */
export async function proveCatalog(catalogFile: string, options: ProveOptions & { workers?: number }): Promise<Proof> {
  const { variants, results } = await runCatalog(catalogFile, options);
  return proofOf(variants, results, options);
}

/** The matrix over every check of a full run: a check no variant's run even has is unproven, not forgotten. */
function proofOf(variants: readonly ProvingVariant[], results: RunResult[], options: ProveOptions): Proof {
  const matrix = killMatrix(results, conformanceCheckIds(options.runs > 0));
  const bugOf = new Map(variants.map((v) => [v.id, v.bug]));
  return { ...matrix, variants: matrix.variants.map((row) => ({ ...row, bug: bugOf.get(row.id) ?? "" })) };
}

/**
 * Every variant of a compiled catalog module, run in `workers` processes (default: one per core),
 * each taking the next variant when it is done: the proof is dozens of full runs, and msw's
 * interception of fetch is per process, so processes, not threads or promises, run them side by
 * side. Results come back in the catalog's order, as runVariants gives them.
 */
export async function runCatalog(catalogFile: string, options: ProveOptions & { workers?: number }): Promise<{ variants: readonly ProvingVariant[]; results: RunResult[] }> {
  const variants = ((await import(pathToFileURL(catalogFile).href)) as { FAULTY_VARIANTS: readonly ProvingVariant[] }).FAULTY_VARIANTS;
  const { onVariant, workers: wanted, signal, ...runOptions } = options;
  signal?.throwIfAborted();
  const count = Math.max(1, Math.min(wanted ?? os.availableParallelism(), variants.length));
  const results: RunResult[] = new Array(variants.length);
  const order = dispatchOrder(variants, runOptions.runs);
  let next = 0;
  let done = 0;
  const children: ChildProcess[] = [];
  const killChildren = () => { for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(); };
  let onAbort: (() => void) | undefined;
  try {
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => { killChildren(); reject(signal!.reason); };
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    aborted.catch(() => {}); // when nobody aborts, nobody awaits it
    await Promise.race([aborted, Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
      const child = fork(workerFile(), [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
      children.push(child);
      let current = -1;
      const send = () => {
        if (next >= order.length) {
          child.disconnect();
          resolve();
          return;
        }
        current = order[next++]!;
        child.send({ catalog: catalogFile, index: current, options: runOptions });
      };
      child.on("message", (message: { index: number; result?: RunResult; error?: string }) => {
        if (message.error !== undefined || !message.result) return reject(new Error(`proof: the run of ${variants[message.index]?.id} failed in its worker: ${message.error}`));
        results[message.index] = message.result;
        onVariant?.(++done, variants.length, variants[message.index]!.id);
        send();
      });
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        if (current >= 0 && results[current] === undefined) reject(new Error(`proof: the worker running ${variants[current]?.id} exited (${signal ?? code}) before answering`));
      });
      send();
    })))]);
  } finally {
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    killChildren();
    // Gone when this returns, however it ends: a stopped proof leaves no worker behind its command.
    await Promise.all(children.map((child) => child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once("exit", resolve))));
  }
  return { variants, results };
}

/**
 * The order the workers take the variants in (results still come back in the catalog's): first the
 * runs that wait on a clock (a variant with its own step timeout hangs or answers late; one expected
 * to fail auth.accept.rotated-key waits out the key refresh wait; receiver.latency, a late answer),
 * then the widest runs (a full run, or a targeted one of many subjects), so that no long run starts
 * last while the other workers have nothing left: taken in catalog order, the key-refresh variant
 * alone kept one worker busy seconds after the other had finished.
 */
export function dispatchOrder(variants: readonly ProvingVariant[], runs: number): number[] {
  // A delivery check is `runs` plays of its sequence; a scenario or a sequence, one.
  const size = (subjects: string) => subjects.split(",").reduce((n, subject) => n + (subject.startsWith("delivery.") ? runs : 1), 0);
  const cost = variants.map((v) => {
    const named = [...(v.expectedFailures ?? ["*"]), ...Object.keys(v.messages ?? {})];
    const waits = v.stepTimeoutMs !== undefined || CLOCK_CHECKS.some(selector(named.join(",")));
    return { waits, size: size(targetOf([...named, ...(v.runsAfter ?? [])])) };
  });
  return variants.map((_, i) => i).sort((a, b) => Number(cost[b]!.waits) - Number(cost[a]!.waits) || cost[b]!.size - cost[a]!.size);
}

/** The checks whose verdict needs a wait (a run that expects to fail one waits it out). */
const CLOCK_CHECKS = ["auth.accept.rotated-key", LATENCY_CHECK];

/** The compiled worker next to this module; from the sources (vitest), the build's. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts") ? path.join(PROJECT_ROOT, "dist", "src", "harness", "prove-worker.js") : path.join(path.dirname(here), "prove-worker.js");
}
