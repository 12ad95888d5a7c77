/**
 * The generated modules of precompiled validators, written next to the compiled entry by
 * `npm run build` (dist/src/validators/): their file names, their shape, and how they are found.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "../util/paths.js";
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
 * The modules `npm run build` wrote into the package's dist/src/validators/: next to this module in
 * the package, and in a checkout also for the sources vitest runs (src/validators/) and for the
 * CLI's bundled commands (dist/src/cli/commands/*.bundle.js), hence found from the package root
 * rather than from this module. Undefined when there is none (nothing built).
 */
export function findStandaloneModule(mode: ErrorMode): ValidatorsModule | undefined {
  const file = path.join(PROJECT_ROOT, "dist", "src", "validators", STANDALONE_MODULES[mode]);
  if (!fs.existsSync(file)) return undefined;
  return createRequire(import.meta.url)(file) as ValidatorsModule;
}
