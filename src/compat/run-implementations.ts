/**
 * One conformance run per implementation of the list, one after the other (each run installs its
 * own mock Graph), with the same seed and the same few property-based deliveries, so the table
 * they make is the same every time.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadAdapterModule, processAdapter } from "../adapters/load.js";
import { createDeliveryChecks } from "../harness/delivery.js";
import { readKnownDefectsFile } from "../harness/known-defects.js";
import { runConformance, type RunResult } from "../harness/run.js";
import type { CompatImplementation } from "./implementations.js";

export interface CompatRunOptions {
  seed: number;
  /** Property-based deliveries per sequence. */
  runs: number;
  stepTimeoutMs: number;
  /** Where adapter paths and commands are resolved and run. */
  cwd: string;
  onImplementation?: (implementation: CompatImplementation, outcome: CompatRun) => void;
}

/**
 * What an adapter module may export beside its known defects (`typingDefects`): what its library's
 * declared types reject that the documentation sends. The requests are right, so no check fails;
 * the table lists them all the same.
 */
export interface TypingDefect {
  id: string;
  /** What the types reject: JSON pointers into the body, or an import. */
  rejects: string;
  reason: string;
}

export interface CompatRun {
  implementation: CompatImplementation;
  /** What the implementation calls itself (an adapter module's `name`, or the command). */
  name: string;
  typingDefects?: TypingDefect[];
  /** Absent when the implementation was skipped. */
  result?: RunResult;
  /** Why it did not run. */
  skipped?: string;
}

export async function runImplementations(list: readonly CompatImplementation[], options: CompatRunOptions): Promise<CompatRun[]> {
  const runs: CompatRun[] = [];
  for (const implementation of list) {
    const outcome = await runOne(implementation, options);
    options.onImplementation?.(implementation, outcome);
    runs.push(outcome);
  }
  return runs;
}

async function runOne(implementation: CompatImplementation, options: CompatRunOptions): Promise<CompatRun> {
  if (implementation.requires && !onPath(implementation.requires)) {
    return { implementation, name: implementation.command ?? implementation.adapter ?? implementation.id, skipped: `${implementation.requires} is not on PATH` };
  }
  const { adapter, name, transport } = implementation.command !== undefined
    ? processAdapter(implementation.command, options.cwd, options.stepTimeoutMs)
    : await loadAdapterModule(path.resolve(options.cwd, implementation.adapter!));
  const typingDefects = typingDefectsOf(adapter);
  const result = await runConformance({
    adapter,
    adapterName: name,
    seed: options.seed,
    runs: options.runs,
    stepTimeoutMs: options.stepTimeoutMs,
    graphTransport: transport,
    ...(implementation.knownDefects !== undefined ? { knownDefects: readKnownDefectsFile(path.resolve(options.cwd, implementation.knownDefects)) } : {}),
    ...(options.runs > 0 ? { deliveries: createDeliveryChecks({ budgetMs: 5_000 }) } : {}),
  });
  // A replay must drive the same implementation, as `run` says in its reports.
  const target = implementation.command !== undefined ? ` --command '${implementation.command.replace(/'/g, `'\\''`)}'` : ` --adapter ${implementation.adapter}`;
  for (const check of result.checks) if (check.replay) check.replay += target;
  return { implementation, name, result, ...(typingDefects.length > 0 ? { typingDefects } : {}) };
}

/** An implementation of the list that cannot be run at all (not built, not an adapter module): the list or the build is wrong. */
export { AdapterUnavailable as ImplementationUnavailable } from "../adapters/load.js";

function typingDefectsOf(module: object): TypingDefect[] {
  const list = (module as { typingDefects?: unknown }).typingDefects;
  const isDefect = (d: unknown): d is TypingDefect => typeof d === "object" && d !== null && ["id", "rejects", "reason"].every((f) => typeof (d as Record<string, unknown>)[f] === "string");
  return Array.isArray(list) ? list.filter(isDefect) : [];
}

function onPath(executable: string): boolean {
  return spawnSync(executable, ["--version"], { stdio: "ignore" }).status === 0;
}
