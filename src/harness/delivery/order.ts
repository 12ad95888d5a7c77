/**
 * What the docs allow about the order in which a sequence's steps reach the bot, and where a
 * duplicate may land.
 *
 * Order: two steps keep their documented order unless one `unordered` group holds both, or they
 * are notifications about different calls: Graph notifies each call on its own and promises no
 * order between calls, so a bot with several calls sees their notifications interleaved in any
 * way. Actions (the transfer) belong to no group, so they keep their place relative to
 * everything, and a group's steps stay between the steps that surround the group.
 *
 * Duplicates (at-least-once delivery): a duplicate is a re-delivery of the same notification, so it
 * obeys the same order as its original. It lands after the original, anywhere before the first
 * later delivery of a step the docs put after the original: right after it, or later among the
 * steps of its own unordered group (which may arrive in any order anyway), never past the next
 * step outside the group nor past an action. Landing later would show the bot a state going
 * backwards, a delivery the docs do not allow and that no bot can tell from a real change: a copy
 * of `transferring` after `failed` put the call back to established looks like a new transfer, a
 * copy of `established` after the bot asked for a transfer looks like the transfer failing.
 * Invariant: whenever the docs put step a before step b, every delivery of a precedes every
 * delivery of b.
 */
import { callOf, isNotificationStep, type Sequence } from "../../sequences/model.js";

export class DeliveryRules {
  /** Step ids in documented order. */
  readonly steps: readonly string[];
  /** Notification step ids in documented order (what can be duplicated, batched and altered). */
  readonly notifications: readonly string[];
  private readonly position: ReadonlyMap<string, number>;
  private readonly group: ReadonlyMap<string, number>;
  /** The call each notification step is about. */
  private readonly callOfNotification: ReadonlyMap<string, string>;

  constructor(sequence: Sequence) {
    this.steps = sequence.steps.map((s) => s.id);
    this.notifications = sequence.steps.filter(isNotificationStep).map((s) => s.id);
    this.position = new Map(this.steps.map((id, i) => [id, i]));
    this.group = new Map((sequence.unordered ?? []).flatMap((g, i) => g.steps.map((id) => [id, i] as const)));
    this.callOfNotification = new Map(sequence.steps.filter(isNotificationStep).map((s) => [s.id, callOf(s)]));
  }

  isNotification(id: string): boolean {
    return this.notifications.includes(id);
  }

  /** The call a notification step is about (undefined for an action). */
  callOf(id: string): string | undefined {
    return this.callOfNotification.get(id);
  }

  /** Whether every delivery of `a` must come before every delivery of `b`. */
  mustPrecede(a: string, b: string): boolean {
    const sameGroup = this.group.has(a) && this.group.get(a) === this.group.get(b);
    const callA = this.callOfNotification.get(a);
    const callB = this.callOfNotification.get(b);
    const otherCalls = callA !== undefined && callB !== undefined && callA !== callB;
    return !sameGroup && !otherCalls && this.indexOf(a) < this.indexOf(b);
  }

  private indexOf(id: string): number {
    const at = this.position.get(id);
    if (at === undefined) throw new Error(`no step ${id}`);
    return at;
  }
}

/**
 * An order the docs allow, from one sort key per step (`keys[i]` for the i-th documented step):
 * among the steps whose predecessors are all placed, the smallest key goes next, ties in
 * documented order. Every allowed order has keys (its positions), all zeros is the documented
 * order, and each key moves only its own step, so fast-check shrinks them one at a time.
 */
export function allowedOrder(rules: DeliveryRules, keys: readonly number[]): string[] {
  const key = (id: string) => keys[rules.steps.indexOf(id)] ?? 0;
  const placed: string[] = [];
  const left = [...rules.steps];
  while (left.length > 0) {
    const ready = left.filter((s) => left.every((t) => !rules.mustPrecede(t, s)));
    const next = ready.reduce((best, s) => (key(s) < key(best) ? s : best));
    placed.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return placed;
}

/** The positions a duplicate of `step` may be inserted at in `deliveries` (see the rule above): first..last inclusive. */
export function duplicateSlots(rules: DeliveryRules, deliveries: readonly string[], step: string): { first: number; last: number } {
  const original = deliveries.indexOf(step);
  if (original === -1) throw new Error(`${step} is not delivered, so it cannot be duplicated`);
  const bound = deliveries.findIndex((other, i) => i > original && rules.mustPrecede(step, other));
  return { first: original + 1, last: bound === -1 ? deliveries.length : bound };
}
