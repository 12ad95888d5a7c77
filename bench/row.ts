/**
 * One benchmark row: a subject and the baseline it is compared to, both doing the same work, timed
 * alternately in the same process and run (bench/measure.ts). A row is one small module under
 * bench/rows/ exporting a `Row` (or several), listed once in bench/rows/index.ts; see bench/README.md.
 */
import type { Bounds, Stats } from "./measure.js";

export interface Side {
  /** What this side does, in words ("validate(create-call-request)", "JSON.parse of the same text"). */
  name: string;
  run(): unknown | Promise<unknown>;
}

interface Common {
  /** Runs once before measuring: a wrong answer makes the row fail loudly (peers must agree with us). */
  check?(): void | Promise<void>;
  /** Releases what prepare started (servers, files). */
  close?(): void | Promise<void>;
}

/** A row timed by the bench: both sides called alternately (bench/measure.ts). */
export interface Timed extends Common {
  subject: Side;
  baseline: Side;
  /** Overrides of the timing bounds (slow rows: fewer, longer samples). */
  bounds?: Partial<Bounds>;
}

/** A row comparing amounts other than time (a heap before and after a run): it measures both sides itself. */
export interface Amounts extends Common {
  measure(): Promise<{ subject: Stats; baseline: Stats }>;
}

export type Prepared = Timed | Amounts;

export interface Goal {
  /** The row meets its goal when median(subject) / median(baseline) <= max. */
  max: number;
  /**
   * A growth check (errors linear in their number, memory across calls, extraction size): robust to a
   * noisy machine because both sides are the same code at two sizes, so CI fails on it. Other goals
   * are printed, never failed on: absolute speed depends on who else uses the machine.
   */
  growth?: boolean;
}

export interface Row {
  /** Short and stable: `npm run bench -- --only <id>`. */
  id: string;
  /** What is measured, one line. */
  title: string;
  /** The baseline in words, and why it is the floor to compare with. */
  baseline: string;
  goal?: Goal;
  /** Too slow for `--quick` (CI): only in the full bench. */
  slow?: boolean;
  /** Reads inputs and builds both sides; throws MissingInput when an input is absent. */
  prepare(context: BenchContext): Promise<Prepared> | Prepared;
}

export interface BenchContext {
  quick: boolean;
  /** The package root (the checkout being measured). */
  root: string;
}

/** An input the row needs is absent: the bench says which and how to get it, and fails (unless --allow-missing). */
export class MissingInput extends Error {}
