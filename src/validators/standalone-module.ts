/**
 * The generated module of precompiled validators (standalone.cjs, written next to the compiled
 * entry by `npm run build`): its file name and shape, shared by the generator and the entry.
 */
import type { ErrorObject } from "ajv";
import type { JsonObject } from "../util/json.js";

export const STANDALONE_MODULE = "standalone.cjs";

/** An ajv standalone validate function: sets `errors` (verbose: with parentSchema) when it answers false. */
export interface PrecompiledValidate {
  (payload: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface StandaloneModule {
  /** Schema name ("create-call-request", "send/call"...) -> validate function, in the registry's order. */
  validators: Record<string, PrecompiledValidate>;
  /** The published schema with this `$id`, read from the package's schemas/ on first use (error messages need a few). */
  schemaById(id: string): JsonObject | undefined;
}
