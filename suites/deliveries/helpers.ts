/** What the deliveries suites share: the sequences, the documented notifications, and a conformance run of the delivery checks only. */
import type { BotUnderTest } from "../../src/harness/adapter.js";
import type { CheckResult } from "../../src/harness/checks.js";
import type { DeliveryChecks } from "../../src/harness/delivery.js";
import { runConformance } from "../../src/harness/run.js";
import type { Delivery } from "../../src/harness/runner.js";
import { loadNotifications, loadSequences } from "../../src/sequences/load.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";
import type { Sequence } from "../../src/sequences/model.js";

export const notifications = loadNotifications();
export const sequences = loadSequences();

export function sequenceNamed(id: string): Sequence {
  const found = sequences.find((s) => s.id === id);
  if (!found) throw new Error(`no sequence ${id}`);
  return found;
}

export const SEED = 20_261_123;
export const RUNS = 20;

/** A conformance run's checks (only those the pattern names), against a bot made by `createBot`, with these delivery checks (steps time out only on a hang). */
export async function conformanceChecks(createBot: () => BotUnderTest, deliveries: DeliveryChecks, only: string, { seed = SEED, runs = RUNS } = {}): Promise<CheckResult[]> {
  const result = await runConformance({ adapter: { createBot }, adapterName: "under test", seed, runs, stepTimeoutMs: STEP_TIMEOUT_MS, only, deliveries });
  return result.checks;
}

/** The step ids a plan delivers, in order, one per notification delivery or action (what the rules constrain). */
export function flatten(plan: readonly Delivery[]): string[] {
  return plan.flatMap((d) => (d.kind === "post" ? d.steps : [d.step]));
}
