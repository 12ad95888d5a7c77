/**
 * Property-based deliveries, one check per sequence (`delivery.<sequence-id>`): real delivery is
 * at-least-once, batched and not strictly ordered, so a bot must end in the sequence's documented
 * state, and answer every POST with a 2xx, under every delivery the docs allow (delivery/plan.ts
 * says which). fast-check generates the plans from the run's seed, executes each against the bot
 * (each plan creates its own call), and shrinks a failing plan to a minimal one, which is run once
 * more to record its timeline. The same seed and runs find and shrink the same plan again, so the
 * replay command needs nothing else.
 *
 *   runConformance({ ..., deliveries: deliveryChecks })
 */
import fc from "fast-check";
import { endsOf } from "../sequences/expectations.js";
import type { Sequence } from "../sequences/model.js";
import { describeError, errored, failed, passed, type CheckResult, type ErrorKind } from "./checks.js";
import type { Vocabulary } from "./delivery/alterations.js";
import { describePlan, planArbitrary, type PlanLimits } from "./delivery/plan.js";
import { deliveryVerdict } from "./delivery/verdict.js";
import { deliveryCheckBase } from "./sequence-checks.js";
import type { RunOptions } from "./run.js";
import { callOfDelivery, documentedPlan, executePlan, type Delivery, type PlanResult } from "./runner.js";
import type { Session } from "./session.js";

export { buildPlan, DEFAULT_PLAN_LIMITS, describePlan, planArbitrary, planChoicesArbitrary, type PlanChoices, type PlanContext, type PlanLimits } from "./delivery/plan.js";
export { allowedOrder, DeliveryRules, duplicateSlots } from "./delivery/order.js";
export { defaultVocabulary, enumSlots, resolveAlteration, type AlterationChoice, type Vocabulary } from "./delivery/alterations.js";

/** What runConformance takes as `deliveries`. */
export type DeliveryChecks = NonNullable<RunOptions["deliveries"]>;

export interface DeliveryCheckOptions {
  /**
   * Longest the plans of one sequence may take, search and shrinking together. Checked between
   * plans (a plan under way finishes, bounded by the step timeouts), so nothing keeps running
   * against the bot once the check has answered.
   */
  budgetMs: number;
  limits?: Partial<PlanLimits>;
  vocabulary?: Vocabulary;
  /**
   * Shrink a failing plan to a minimal one (default). The proof turns it off: it needs to know that
   * a check fails, not the smallest plan that shows it, and shrinking is most of a failing check's cost.
   */
  shrink?: boolean;
}

export const DEFAULT_DELIVERY_BUDGET_MS = 20_000;

export function createDeliveryChecks(options: Partial<DeliveryCheckOptions> = {}): DeliveryChecks {
  const budgetMs = options.budgetMs ?? DEFAULT_DELIVERY_BUDGET_MS;
  const context = { ...(options.limits ? { limits: options.limits } : {}), ...(options.vocabulary ? { vocabulary: options.vocabulary } : {}) };

  return async (session, sequence, { seed, runs }) => {
    const started = Date.now();
    const base = deliveryCheckBase(sequence, seed);
    let outOfTime = false;
    let lastProblems: string[] = [];
    const property = fc.asyncProperty(planArbitrary(sequence, { notifications: session.notifications, ...context }), async (plan) => {
      if (Date.now() - started >= budgetMs) {
        outOfTime = true;
        throw new fc.PreconditionFailure(true); // stops the search (or the shrinking) between plans, without failing
      }
      const { problems } = await deliver(session, sequence, plan);
      if (problems.length > 0) lastProblems = problems;
      return problems.length === 0;
    });
    const details = await fc.check(property, { seed, numRuns: runs, endOnFailure: options.shrink === false });
    const budgetNote = outOfTime ? `; the time budget (${budgetMs} ms) ran out` : "";

    if (details.counterexample === null) {
      const ran = details.numRuns < runs ? `${details.numRuns} of ${runs} delivery plans ran before the time budget (${budgetMs} ms) ran out` : `${details.numRuns} delivery plans ran`;
      return passed({ ...base, message: `${ran}: each ended in the documented state with every POST answered 2xx` }, Date.now() - started);
    }

    const [plan] = details.counterexample;
    const replayed = await deliver(session, sequence, plan);
    const problems = replayed.problems.length > 0 ? replayed.problems : lastProblems.length > 0 ? lastProblems : [describeError(details.errorInstance)];
    const notes = [
      describePlan(plan) === describePlan(documentedPlan(sequence)) ? "the documented delivery itself" : "",
      replayed.problems.length === 0 ? "it passed when run once more: the bot does not answer the same delivery the same way" : "",
    ].filter(Boolean);
    const message = `${problems.join("; ")}, delivering ${describePlan(plan)}${notes.length ? ` (${notes.join("; ")})` : ""}`;
    // The POST that shows it: the first the bot did not acknowledge or could not answer, else the last (the end state).
    const timeline = replayed.result.timeline;
    const shown = timeline.find((t) => t.errorKind || t.status === null || t.status < 200 || t.status > 299) ?? timeline.at(-1);
    const body = shown && replayed.result.bodies.get(shown.post);
    const evidence = { ...base, timeline, replay: replayCommand(sequence, seed, runs), ...(shown && body !== undefined ? { delivered: { post: shown.post, body } } : {}) };
    const found = [`found after ${details.numRuns} plan(s), shrunk ${details.numShrinks} time(s)${budgetNote}`, `fast-check path ${details.counterexamplePath}`];
    return replayed.errorKind
      ? errored(evidence, replayed.errorKind, message, found, Date.now() - started)
      : failed(evidence, message, found, Date.now() - started);
  };
}

/** The delivery checks with the default budget and plan limits: pass as runConformance's `deliveries`. */
export const deliveryChecks: DeliveryChecks = createDeliveryChecks();

export function replayCommand(sequence: Sequence, seed: number, runs: number): string {
  return `npx graph-calls-contract run --only delivery.${sequence.id} --seed ${seed} --runs ${runs}`;
}

/** Execute a plan and judge it; the last POST carries the end expectation, so the timeline shows any mismatch where it is. */
async function deliver(session: Session, sequence: Sequence, plan: readonly Delivery[]): Promise<{ result: PlanResult; problems: string[]; errorKind?: ErrorKind }> {
  try {
    const last = plan.at(-1);
    const ends = endsOf(sequence, session.observationVersion);
    // The last POST shows, in the timeline, the end expectation of the call it is about.
    const lastEnd = last && ends.find(([name]) => name === callOfDelivery(sequence, last))?.[1];
    const result = await executePlan(session, sequence, plan, (d) => (d === last ? lastEnd : undefined));
    return { result, ...deliveryVerdict(ends, result) };
  } catch (e) {
    return { result: { timeline: [], bodies: new Map() }, problems: [`the harness could not deliver the plan: ${describeError(e)}`], errorKind: "internal" };
  }
}
