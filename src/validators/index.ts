/**
 * graph-calls-contract/validators: the contract's validators, compiled ahead of time (ajv's
 * standalone code, see standalone-code.ts). Importing this module compiles nothing; it answers
 * exactly as `loadContract().validate`, with the same `{ pointer, rule, message }` errors.
 *
 *   import { validate, isValid } from "graph-calls-contract/validators";
 *   validate("create-call-request", body); // { schema, valid, errors }
 *   if (isValid("notification", body)) body.value; // typed as Notification
 */
import { createRequire } from "node:module";
import type { SchemaName, SchemaTypes } from "../../generated/index.js";
import { toContractErrors } from "../contract/errors.js";
import { UnknownSchemaError, type ValidationResult } from "../contract/result.js";
import { STANDALONE_MODULE, type StandaloneModule } from "./standalone-module.js";

export type { ContractError } from "../contract/errors.js";
export type { SchemaName, SchemaTypes } from "../../generated/index.js";
export { UnknownSchemaError, type ValidationResult };

const standalone = loadStandalone();

/** Every schema name, as `validate` takes it. */
export const schemaNames: readonly SchemaName[] = Object.freeze(Object.keys(standalone.validators) as SchemaName[]);

/** Validate `payload` as the named schema. Throws UnknownSchemaError for a name the contract does not have. */
export function validate(schema: SchemaName, payload: unknown): ValidationResult {
  const validator = Object.hasOwn(standalone.validators, schema) ? standalone.validators[schema] : undefined;
  if (!validator) throw new UnknownSchemaError(schema, [...schemaNames]);
  const valid = validator(payload);
  const errors = valid ? [] : toContractErrors(validator.errors ?? [], { payload, schemaById: standalone.schemaById });
  return { schema, valid, errors };
}

/** Whether `payload` is valid as the named schema; narrows it to that schema's generated type. */
export function isValid<N extends SchemaName>(schema: N, payload: unknown): payload is SchemaTypes[N] {
  return validate(schema, payload).valid;
}

/**
 * The package has standalone.cjs next to this module (dist/src/validators/). In a checkout, where
 * vitest runs the sources (src/validators/), the one `npm run build` wrote into dist/ is used.
 */
function loadStandalone(): StandaloneModule {
  const require = createRequire(import.meta.url);
  const candidates = [`./${STANDALONE_MODULE}`, `../../dist/src/validators/${STANDALONE_MODULE}`];
  for (const candidate of candidates) {
    const file = resolvable(require, candidate);
    if (file) return require(file) as StandaloneModule;
  }
  throw new Error(`graph-calls-contract/validators: no precompiled ${STANDALONE_MODULE} next to ${import.meta.url} (run npm run build)`);
}

function resolvable(require: NodeJS.Require, specifier: string): string | undefined {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}
