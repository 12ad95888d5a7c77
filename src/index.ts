/**
 * graph-calls-contract: the public API.
 *
 *   import { loadContract } from "graph-calls-contract";
 *   const contract = loadContract();
 *   contract.validate("create-call-request", body); // { valid, errors: [{ pointer, rule, message }] }
 */
import { Contract, type ValidateOptions } from "./contract/validator.js";

export { Contract, DEFAULT_MAX_ERRORS, UnknownSchemaError, type ValidateOptions, type ValidationResult } from "./contract/validator.js";
export { formatOmitted, type ContractError } from "./contract/errors.js";
export type { SchemaEntry, SchemaKind } from "./contract/registry.js";
export { detectSchema, type Detection } from "./contract/detect.js";
export type { Profile } from "./schema-build/profiles.js";

let shared: Contract | undefined;

/**
 * The contract of the package's schemas, once per process: the validators `npm run build`
 * precompiled (loading them compiles nothing), or, in a checkout that was never built, compiled now.
 */
export function loadContract(): Contract {
  shared ??= Contract.precompiled() ?? Contract.load();
  return shared;
}

/** Validate `payload` as the named schema with the shared contract. */
export function validate(schema: string, payload: unknown, options?: ValidateOptions) {
  return loadContract().validate(schema, payload, options);
}

/** Every schema name with its kind, profile and description. */
export function listSchemas() {
  return loadContract().entries.map(({ name, kind, profile, title, description }) => ({ name, kind, profile, title, description }));
}
