/**
 * graph-calls-contract: the public API.
 *
 *   import { loadContract } from "graph-calls-contract";
 *   const contract = loadContract();
 *   contract.validate("create-call-request", body); // { valid, errors: [{ pointer, rule, message }] }
 */
import { Contract } from "./contract/validator.js";

export { Contract, UnknownSchemaError, type ValidationResult } from "./contract/validator.js";
export type { ContractError } from "./contract/errors.js";
export type { SchemaEntry, SchemaKind } from "./contract/registry.js";
export { detectSchema, type Detection } from "./contract/detect.js";
export type { Profile } from "./schema-build/profiles.js";

let shared: Contract | undefined;

/** The contract compiled from the package's schemas, compiled once per process. */
export function loadContract(): Contract {
  shared ??= Contract.load();
  return shared;
}

/** Validate `payload` as the named schema with the shared contract. */
export function validate(schema: string, payload: unknown) {
  return loadContract().validate(schema, payload);
}

/** Every schema name with its kind, profile and description. */
export function listSchemas() {
  return loadContract().entries.map(({ name, kind, profile, title, description }) => ({ name, kind, profile, title, description }));
}
