/**
 * graph-calls-contract/validators: the contract's validators, compiled ahead of time (ajv's
 * standalone code, see standalone-code.ts). Importing this module compiles nothing; it answers
 * exactly as `loadContract().validate`, with the same `{ pointer, rule, message }` errors.
 *
 *   import { validate, isValid } from "graph-calls-contract/validators";
 *   validate("create-call-request", body); // { schema, valid, errors, omitted? }
 *   if (isValid("notification", body)) body.value; // typed as Notification; stops at the first error
 *
 * Both are safe on hostile input (a webhook body from anyone): time and memory stay linear in the
 * payload, and `validate` lists at most 100 errors (option maxErrors) and says how many more.
 */
import type { SchemaName, SchemaTypes } from "../../generated/index.js";
import { Contract } from "../contract/validator.js";
import { UnknownSchemaError, type ValidateOptions, type ValidationResult } from "../contract/result.js";

export type { ContractError } from "../contract/errors.js";
export { formatOmitted } from "../contract/errors.js";
export type { SchemaName, SchemaTypes } from "../../generated/index.js";
export { DEFAULT_MAX_ERRORS } from "../contract/result.js";
export { UnknownSchemaError, type ValidateOptions, type ValidationResult };

const contract = Contract.precompiled();
if (!contract) throw new Error(`graph-calls-contract/validators: no precompiled standalone.cjs next to ${import.meta.url} (run npm run build)`);

/** Every schema name, as `validate` takes it. */
export const schemaNames: readonly SchemaName[] = Object.freeze(contract.names() as SchemaName[]);

/** Validate `payload` as the named schema. Throws UnknownSchemaError for a name the contract does not have. */
export function validate(schema: SchemaName, payload: unknown, options?: ValidateOptions): ValidationResult {
  return contract!.validate(schema, payload, options);
}

/** Whether `payload` is valid as the named schema (stops at the first error); narrows it to that schema's generated type. */
export function isValid<N extends SchemaName>(schema: N, payload: unknown): payload is SchemaTypes[N] {
  return contract!.isValid(schema, payload);
}
