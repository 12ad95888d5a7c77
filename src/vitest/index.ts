/**
 * graph-calls-contract/vitest: `expect(body).toMatchContract("create-call-request")`.
 *
 * Importing this module registers the matcher (put it in a vitest setup file, or import it in a
 * suite) and types it: the schema name is checked against the contract's names at compile time.
 */
import { expect } from "vitest";
import type { SchemaName } from "../../generated/index.js";
import { toMatchContract } from "./matcher.js";

export { toMatchContract, errorSummary, type ContractMatchResult } from "./matcher.js";

expect.extend({ toMatchContract });

declare module "vitest" {
  interface Assertion<T = any> {
    /** The payload is valid as the named schema of the contract; on failure, each error as `/pointer: message (rule)`. */
    toMatchContract(schema: SchemaName): T;
  }
  interface AsymmetricMatchersContaining {
    /** Inside toEqual/toHaveBeenCalledWith...: any value valid as the named schema. */
    toMatchContract(schema: SchemaName): unknown;
  }
}
