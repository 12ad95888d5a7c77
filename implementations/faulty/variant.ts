/**
 * A faulty variant: the reference bot with one documented bug, and what the conformance run must
 * say about it. Each variant module exports its `variant` and, from it, `name` and `createBot`, so
 * it is also an adapter module (`graph-calls-contract run --adapter dist/implementations/faulty/<id>.js`).
 */
import type { BotUnderTest } from "../../src/harness/adapter.js";
import type { ObservationVersion } from "../../src/harness/observation.js";
import { REFERENCE_PARTS, ReferenceBot, type BotParts } from "../reference/bot.js";

export interface FaultyVariant {
  id: string;
  /** The bug, in one line. */
  bug: string;
  /** Where the docs or Graph's behaviour make it a bug. */
  why: string;
  /**
   * Check ids the variant must fail, as globs in the syntax of `run --only` ("*" is any text; a
   * scenario or sequence id alone covers all its checks): "sequence.transfer-*-failed/end",
   * "delivery.delta-roster". Every check a glob matches must fail, and each glob must match some
   * check.
   */
  expectedFailures: string[];
  /** For some of those checks, what the failure message (or its details) must say. */
  messages?: Record<string, RegExp>;
  /**
   * Scenarios or sequences (globs) the bug needs to have run before the checks it fails, when it
   * carries state from earlier calls: the proof runs only the subjects a variant names
   * (src/harness/prove.ts, targetOf), so these are named too.
   */
  runsAfter?: string[];
  /** A step timeout for its run, when the bug is a hang (so the run stays short). */
  stepTimeoutMs?: number;
  /** The adapter module's name. */
  name: string;
  createBot(): BotUnderTest;
}

export type VariantSpec = Omit<FaultyVariant, "name">;

export function faulty(spec: VariantSpec): FaultyVariant {
  return { ...spec, name: spec.id };
}

/**
 * A bot factory: the reference with some parts replaced. Pass a function when a part keeps
 * per-bot memory, so that every bot gets its own. The bot speaks the reference's observation
 * version unless one is given.
 */
export function withParts(parts: Partial<BotParts> | (() => Partial<BotParts>), observationVersion?: ObservationVersion): () => BotUnderTest {
  return () => new ReferenceBot({ ...REFERENCE_PARTS, ...(typeof parts === "function" ? parts() : parts) }, observationVersion);
}
