/** What validating a payload answers; shared by `Contract` (run-time compilation) and the precompiled validators. */
import type { ContractError } from "./errors.js";

export interface ValidationResult {
  schema: string;
  valid: boolean;
  errors: ContractError[];
}

export class UnknownSchemaError extends Error {
  constructor(readonly requested: string, readonly known: string[]) {
    super(`unknown schema "${requested}"; known schemas: ${known.filter((n) => !n.includes("/")).join(", ")} (and send/<type>, receive/<type>)`);
  }
}
