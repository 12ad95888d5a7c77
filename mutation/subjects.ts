/**
 * What a mutant of the reference bot is judged by: the conformance run itself, cut into subjects
 * (each sequence in its documented order, each request scenario, each receiver check (a forged or a
 * rotated token, the POSTs' latency), each sequence's property-based deliveries, and each sequence again with the reference speaking observation version 1, which the
 * kill matrix holds to version 1's meaning too), so that per-test coverage runs only the subjects
 * that reach a mutant. A subject fails when any check of its part of the run fails: the mutant is then killed by that check.
 *
 * Loaded by the Stryker test runner (runner.ts) from the sandbox, where implementations/reference/
 * is the instrumented copy.
 */
import { REFERENCE_PARTS, ReferenceBot } from "../implementations/reference/bot.js";
import { authCheckIds } from "../src/harness/auth-checks.js";
import { createDeliveryChecks } from "../src/harness/delivery.js";
import { LATENCY_CHECK } from "../src/harness/latency.js";
import { runConformance, type RunOptions } from "../src/harness/run.js";
import { loadScenarios, loadSequences } from "../src/sequences/load.js";

/** The seed and the number of delivery plans of every mutation run: fixed, so a mutant's verdict never depends on the draw; 10 plans as the kill matrix (every delivery bug of the catalog shows within them), which keeps a run on one worker within half an hour on a shared machine. */
export const MUTATION_SEED = 1;
export const MUTATION_RUNS = 10;
const STEP_TIMEOUT_MS = 2_000;

export interface Subject {
  /** Stable: "sequence.<id>", "<scenario id>", "auth.<kind>.<id>", "receiver.latency", "delivery.<id>" (a `run --only` pattern), "v1:sequence.<id>". */
  id: string;
  /** The checks of this subject that failed, as "<check id>: <message>" (none: it passed). */
  run(): Promise<string[]>;
}

/**
 * In the order they run: the documented sequences and the requests first (each a few
 * milliseconds, and most mutants die there), then the receiver checks (the token checks of
 * implementations/reference/auth.ts are reached by nothing else), the property-based deliveries last.
 */
export function subjects(): Subject[] {
  const sequences = loadSequences().map((s) => s.id);
  const scenarios = loadScenarios().map((s) => s.id);
  return [
    ...sequences.map((id) => subject(`sequence.${id}`, false)),
    ...scenarios.map((id) => subject(id, false)),
    ...sequences.map((id) => subject(`sequence.${id}`, false, 1)),
    ...[...authCheckIds(), LATENCY_CHECK].map((id) => subject(id, false)),
    ...sequences.map((id) => subject(`delivery.${id}`, true)),
  ];
}

function subject(only: string, deliveries: boolean, observationVersion?: 1): Subject {
  const options: RunOptions = {
    adapter: { createBot: () => (observationVersion ? new ReferenceBot(REFERENCE_PARTS, observationVersion) : new ReferenceBot()) },
    adapterName: observationVersion ? "reference (observation version 1)" : "reference",
    only,
    seed: MUTATION_SEED,
    runs: MUTATION_RUNS,
    stepTimeoutMs: STEP_TIMEOUT_MS,
    // The first failing plan kills the mutant: shrinking it would only explain the failure.
    ...(deliveries ? { deliveries: createDeliveryChecks({ shrink: false }) } : {}),
  };
  return {
    id: observationVersion ? `v${observationVersion}:${only}` : only,
    async run() {
      const result = await runConformance(options);
      if (result.checks.length === 0) return [`${only}: the run has no such check`];
      return result.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.message ?? c.status}`);
    },
  };
}
