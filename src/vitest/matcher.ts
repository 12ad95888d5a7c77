/**
 * The `toMatchContract` matcher: a payload against a schema of the contract, with the precompiled
 * validators (nothing to compile when a suite starts). On failure, the message lists each error
 * as the CLI does, and actual/expected are the error lines against none, so vitest's diff shows
 * exactly the errors, one per line.
 */
import type { SchemaName } from "../../generated/index.js";
import { formatContractError, type ContractError } from "../contract/errors.js";
import { validate } from "../validators/index.js";

export interface ContractMatchResult {
  pass: boolean;
  message: () => string;
  actual?: string[];
  expected?: string[];
}

export function toMatchContract(received: unknown, schema: SchemaName): ContractMatchResult {
  const { valid, errors } = validate(schema, received);
  if (valid) return { pass: true, message: () => `expected the payload not to match ${schema}, but it is valid` };
  const lines = errors.map(formatContractError);
  return {
    pass: false,
    message: () => [`expected the payload to match ${schema}, but ${errorSummary(errors)}:`, ...lines.map((line) => `  ${line}`)].join("\n"),
    actual: lines,
    expected: [],
  };
}

/** "it has 3 errors (2 required, 1 format)": how many, and of which rules. */
export function errorSummary(errors: ContractError[]): string {
  const byRule = new Map<string, number>();
  for (const { rule } of errors) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  const rules = [...byRule].map(([rule, count]) => `${count} ${rule}`).join(", ");
  return `it has ${errors.length} error${errors.length === 1 ? "" : "s"} (${rules})`;
}
