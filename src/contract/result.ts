/** What validating a payload answers; shared by `Contract` and the package's validators entry. */
import type { ContractError } from "./errors.js";

export interface ValidationResult {
  schema: string;
  valid: boolean;
  /** The errors, sorted by pointer: at most `maxErrors` of them (default DEFAULT_MAX_ERRORS). */
  errors: ContractError[];
  /**
   * Only when the list is capped: how many errors were found beyond those listed. `atLeast` when
   * collection stopped early (an array or object gave ERRORS_PER_LOOP errors), so there are more.
   * formatOmitted() says it in words.
   */
  omitted?: { count: number; atLeast: boolean };
}

export interface ValidateOptions {
  /** List at most this many errors (default DEFAULT_MAX_ERRORS); Infinity lists every one, however long that takes. */
  maxErrors?: number;
}

/** A payload with more errors than this is explained by its first ones, and "and N more". */
export const DEFAULT_MAX_ERRORS = 100;

/** Collection per array or object loop, for a list of `maxErrors`: ten raw errors per listed one leaves room for those errors.ts folds away. */
export function errorsPerLoop(maxErrors: number): number {
  return maxErrors === Infinity ? Infinity : Math.max(1_000, maxErrors * 10);
}

export class UnknownSchemaError extends Error {
  constructor(readonly requested: string, readonly known: string[]) {
    super(`unknown schema "${requested}"; known schemas: ${known.filter((n) => !n.includes("/")).join(", ")} (and send/<type>, receive/<type>)`);
  }
}
