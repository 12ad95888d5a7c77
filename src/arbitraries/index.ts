/**
 * fast-check arbitraries derived from the published schemas.
 *
 *   import { arbitraryFor } from "./arbitraries/index.js";
 *   fc.assert(fc.property(arbitraryFor("create-call-request"), (body) => contract.validate("create-call-request", body).valid));
 *
 * Generated payloads are valid by construction: combinators are resolved into flat shapes (see
 * shapes.ts) and each shape has a generator that meets all its constraints. `annotatedArbitraryFor`
 * also returns per-location facts for the mutation helpers in mutations.ts.
 */
import type fc from "fast-check";
import type { JsonValue } from "../util/json.js";
import { UnsupportedSchemaError } from "./errors.js";
import { DEFAULT_GENERATION_OPTIONS, PayloadGenerator, type GeneratedValue, type GenerationOptions } from "./generate.js";
import { SchemaStore } from "./schema-store.js";
import { ShapeResolver } from "./shapes.js";

export { UnsupportedSchemaError } from "./errors.js";
export { SUPPORTED_KEYWORDS } from "./keywords.js";
export type { GeneratedValue, GenerationOptions, LocationFacts } from "./generate.js";
export type { ValueKind } from "./kinds.js";
export type { ExpectedError } from "./predict.js";
export { SchemaStore } from "./schema-store.js";
export * from "./mutations.js";

export interface ArbitraryOptions extends Partial<GenerationOptions> {
  /** Where the published schemas are (default: the package's schemas/). */
  schemasDir?: string;
}

/** Arbitraries for one set of published schemas; builds each schema's arbitrary once. */
export class PayloadArbitraries {
  private readonly generator: PayloadGenerator;
  private readonly built = new Map<string, fc.Arbitrary<GeneratedValue>>();

  constructor(readonly store: SchemaStore, options: Partial<GenerationOptions> = {}) {
    this.generator = new PayloadGenerator(new ShapeResolver(store), { ...DEFAULT_GENERATION_OPTIONS, ...options });
  }

  /** Operation and notification schemas: the payloads that travel on the wire. */
  messageSchemaNames(): string[] {
    return this.store.entries.filter((e) => e.kind !== "type").map((e) => e.name);
  }

  annotated(schemaName: string): fc.Arbitrary<GeneratedValue> {
    let arbitrary = this.built.get(schemaName);
    if (!arbitrary) {
      try {
        arbitrary = this.generator.forRoot(this.store.root(schemaName));
      } catch (e) {
        throw e instanceof UnsupportedSchemaError ? e.forSchema(schemaName) : e;
      }
      this.built.set(schemaName, arbitrary);
    }
    return arbitrary;
  }

  arbitrary(schemaName: string): fc.Arbitrary<JsonValue> {
    return this.annotated(schemaName).map((g) => g.value);
  }
}

const shared = new Map<string, PayloadArbitraries>();

/** The arbitraries for the given options, loaded once per process. */
export function payloadArbitraries(options: ArbitraryOptions = {}): PayloadArbitraries {
  const { schemasDir, ...generation } = options;
  const key = JSON.stringify([schemasDir ?? null, generation]);
  let instance = shared.get(key);
  if (!instance) {
    instance = new PayloadArbitraries(SchemaStore.load(schemasDir), generation);
    shared.set(key, instance);
  }
  return instance;
}

/** Valid payloads for a schema ("create-call-request", "notification-roster", "receive/call"...). */
export function arbitraryFor(schemaName: string, options?: ArbitraryOptions): fc.Arbitrary<JsonValue> {
  return payloadArbitraries(options).arbitrary(schemaName);
}

/** Valid payloads with the facts of every location, for the mutation helpers. */
export function annotatedArbitraryFor(schemaName: string, options?: ArbitraryOptions): fc.Arbitrary<GeneratedValue> {
  return payloadArbitraries(options).annotated(schemaName);
}
