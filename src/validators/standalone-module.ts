/**
 * The generated modules of precompiled validators, written next to the compiled entry by
 * `npm run build` (dist/src/validators/): their file names, their shape, and how they are found.
 */
import { createRequire } from "node:module";
import type { ErrorObject } from "../contract/errors.js";
import type { JsonObject } from "../util/json.js";

/** "all": every error, verbose (for messages); "first": stops at the first error (for isValid). */
export type ErrorMode = "all" | "first";

export const STANDALONE_MODULES: Record<ErrorMode, string> = { all: "standalone.cjs", first: "standalone-first.cjs" };
/** The module `validate` uses. */
export const STANDALONE_MODULE = STANDALONE_MODULES.all;

/** An ajv standalone validate function: sets `errors` (in "all" mode with parentSchema) when it answers false. */
export interface PrecompiledValidate {
  (payload: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidatorsModule {
  /** Schema name ("create-call-request", "send/call"...) -> validate function, in the registry's order. */
  validators: Record<string, PrecompiledValidate>;
  /** Each array or object loop stops after adding `cap` errors (see standalone-code.ts); `cutShort` says whether one did since `begin`. */
  collection: { begin(cap: number): void; cutShort(): boolean };
  /** The published schema with this `$id`, read from the package's schemas/ on first use (error messages need a few). */
  schemaById(id: string): JsonObject | undefined;
}

/**
 * The package has the modules next to this one (dist/src/validators/). In a checkout, where vitest
 * runs the sources (src/validators/), the ones `npm run build` wrote into dist/ are used.
 * Undefined when there is none (nothing built).
 */
export function findStandaloneModule(mode: ErrorMode): ValidatorsModule | undefined {
  const require = createRequire(import.meta.url);
  const file = STANDALONE_MODULES[mode];
  for (const candidate of [`./${file}`, `../../dist/src/validators/${file}`]) {
    let resolved: string;
    try {
      resolved = require.resolve(candidate);
    } catch {
      continue;
    }
    return require(resolved) as ValidatorsModule;
  }
  return undefined;
}
