/**
 * Shards: `run --shard i/n` makes the i-th of n disjoint parts of a run, so a CI matrix can spread a
 * long soak over n jobs, and `merge-reports` joins their results into the report of the whole run
 * (as Playwright's shards do; the CI system is the distributed engine).
 *
 * The unit is a subject: a scenario, or a sequence with its delivery check (which needs the verdict
 * of the sequence's documented order). A unit goes to the shard its id hashes to, so the split
 * depends on nothing but the id: not on the machine, the order of the fixtures, the other fixtures
 * or --only. The auth checks go with the sequence they deliver (AUTH_SEQUENCE): they read the
 * verdicts of its documented order. Checks about the whole run are made in every shard and merged:
 * implementation/start, receiver.latency (over every POST of the run) and known-defects/*.
 *
 * The same hash names the mock Graph's ids per subject (GraphMock.beginSubject), so a subject gets
 * the same call ids in a shard as in the whole run, and the merged reports equal the unsharded ones.
 */
import { createHash } from "node:crypto";
import type { CheckResult } from "./checks.js";
import { AUTH_SEQUENCE } from "./auth-checks.js";
import { LATENCY_CHECK } from "./latency.js";

/** 1-based: shard `index` of `total`. */
export interface Shard {
  index: number;
  total: number;
}

/** A GitHub Actions matrix has at most 256 jobs; more shards than subjects would be empty anyway. */
export const MAX_SHARDS = 256;

/** "2/3" -> { index: 2, total: 3 }; anything else says what it expects. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || total > MAX_SHARDS || index < 1 || index > total) {
    throw new Error(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS}, e.g. 2/3 (got "${text}")`);
  }
  return { index, total };
}

/** 40 bits of the SHA-256 of a unit id, as 10 hex digits: the shard hash and the mock's id namespace. */
export function unitHash(unit: string): string {
  return createHash("sha256").update(unit).digest("hex").slice(0, 10);
}

/** The shard (1-based) a unit belongs to, of `total`. */
export function shardOfUnit(unit: string, total: number): number {
  return (parseInt(unitHash(unit), 16) % total) + 1;
}

export function inShard(shard: Shard | undefined, unit: string): boolean {
  return shard === undefined || shardOfUnit(unit, shard.total) === shard.index;
}

/** The unit a check is made in, or undefined for the checks about the whole run (made in every shard, merged). */
export function unitOf(check: Pick<CheckResult, "id" | "group" | "subject">): string | undefined {
  if (check.group === "run" || check.id === LATENCY_CHECK) return undefined;
  if (check.group === "receiver") return AUTH_SEQUENCE;
  return check.subject;
}

/** A fingerprint of every unit a run could make (the fixtures' subjects): shards of different contracts do not merge. */
export function planFingerprint(units: readonly string[]): string {
  return createHash("sha256").update([...units].sort().join("\n")).digest("hex").slice(0, 16);
}
