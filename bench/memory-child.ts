/**
 * A long conformance run in a process of its own, for the heap it leaves behind (bench/rows/memory.ts):
 * `node --expose-gc memory-child.js <calls>` runs the reference bot in-process through `calls`
 * delivery plans of one sequence (each plan creates its own call: `run --only
 * delivery.outgoing-call-lifecycle --runs <calls>`), after a shorter warm-up run of the same kind, and
 * prints one JSON line: the heap after a full garbage collection before the long run, at the end of
 * its deliveries (the session still open), and after it returned (its result still held, as the CLI
 * holds it to write the reports).
 */
import { ReferenceBot } from "../implementations/reference/bot.js";
import { createDeliveryChecks } from "../src/harness/delivery.js";
import { runConformance } from "../src/harness/run.js";

export const MEMORY_SEQUENCE = "outgoing-call-lifecycle";

export interface MemoryResult {
  calls: number;
  warmupCalls: number;
  /** heapUsed after a full collection, bytes. */
  before: number;
  during: number;
  after: number;
  wallMs: number;
  /** The delivery check's message: how many plans ran. */
  message: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const calls = Number(process.argv[2]);
if (!Number.isInteger(calls) || calls < 1) throw new Error("usage: node --expose-gc memory-child.js <calls>");
const warmupCalls = Math.min(500, calls);

/** heapUsed once what can be collected is: two full collections around the finalizers they let run (FinalizationRegistry callbacks are tasks). */
async function settled(): Promise<number> {
  gc!();
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  gc!();
  return process.memoryUsage().heapUsed;
}

let during = 0;
// No time budget: the run must make every call it is asked for.
const inner = createDeliveryChecks({ budgetMs: 24 * 3600_000 });
const run = (runs: number, measure: boolean) => runConformance({
  adapter: { createBot: () => new ReferenceBot() },
  adapterName: "reference",
  seed: 1,
  runs,
  stepTimeoutMs: 20_000,
  only: `delivery.${MEMORY_SEQUENCE}`,
  deliveries: async (session, sequence, options) => {
    const made = await inner(session, sequence, options);
    if (measure) during = await settled();
    return made;
  },
});

await run(warmupCalls, false);
const before = await settled();
const started = Date.now();
const result = await run(calls, true);
const wallMs = Date.now() - started;
const after = await settled();
const check = result.checks.find((c) => c.id === `delivery.${MEMORY_SEQUENCE}`);
if (check?.status !== "passed") throw new Error(`the run's delivery check did not pass: ${JSON.stringify(check)?.slice(0, 500)}`);
const out: MemoryResult = { calls, warmupCalls, before, during, after, wallMs, message: check.message ?? "" };
process.stdout.write(JSON.stringify(out) + "\n");
