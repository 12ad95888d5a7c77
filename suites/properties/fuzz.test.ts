/**
 * Fuzz (issue 13, kept from the probe that found no crash and no disagreement): 10,000 payloads made
 * by mutating the documented ones (a value replaced by any JSON, a property dropped, an unknown one
 * added, an array item duplicated or removed, anywhere in the payload), each checked against every
 * schema the fixture claims by the three ways we validate: `validate` (the precompiled, rewritten
 * all-errors code), `isValid` (the first-error code) and plain ajv compiling the same schemas
 * without our rewrite. They must agree on every verdict, never throw, and `validate` must say why
 * whenever it refuses. Replay a failure with the seed and path fast-check prints.
 */
import fc from "fast-check";
import type { ValidateFunction } from "ajv";
import { expect, test } from "vitest";
import { loadContract } from "../../src/index.js";
import { createContractAjv } from "../../src/contract/ajv-setup.js";
import { readSchemaEntries } from "../../src/contract/registry.js";
import { loadDocumentedFixtures } from "../../src/fixtures/load.js";
import type { JsonValue } from "../../src/util/json.js";

const PAYLOADS = 10_000;

const contract = loadContract();
const entries = readSchemaEntries();
const plain = createContractAjv("all");
for (const entry of entries) plain.addSchema(entry.schema, entry.id);
const plainFor = new Map(entries.map((e) => [e.name, () => plain.getSchema(e.id) as ValidateFunction]));

const seeds = loadDocumentedFixtures()
  .filter((f) => f.data.payload !== null && f.data.schemas.length > 0)
  .map((f) => ({ file: f.file, schemas: f.data.schemas.filter((s) => plainFor.has(s)), payload: f.data.payload as JsonValue }));

type Mutation = { at: number; kind: "replace"; value: JsonValue } | { at: number; kind: "drop" } | { at: number; kind: "add"; key: string; value: JsonValue } | { at: number; kind: "duplicate" };

/** Every object and array of a value, depth first (the `at` of a mutation picks one). */
function containers(value: JsonValue, out: Array<JsonValue[] | { [k: string]: JsonValue }> = []): Array<JsonValue[] | { [k: string]: JsonValue }> {
  if (value !== null && typeof value === "object") {
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(payload: JsonValue, mutations: Mutation[]): JsonValue {
  const copy = structuredClone(payload);
  for (const m of mutations) {
    const all = containers(copy);
    if (all.length === 0) return m.kind === "replace" ? m.value : copy;
    const target = all[m.at % all.length]!;
    const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    const key = keys[m.at % Math.max(1, keys.length)];
    if (m.kind === "add" && !Array.isArray(target)) target[m.key] = m.value;
    else if (key === undefined) continue;
    else if (m.kind === "replace") (target as Record<string | number, JsonValue>)[key] = m.value;
    else if (m.kind === "drop") Array.isArray(target) ? target.splice(key as number, 1) : delete target[key as string];
    else if (m.kind === "duplicate" && Array.isArray(target)) target.push(structuredClone(target[key as number]!));
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant("replace" as const), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue> }),
  fc.record({ at: fc.nat(), kind: fc.constant("drop" as const) }),
  fc.record({ at: fc.nat(), kind: fc.constant("add" as const), key: fc.oneof(fc.string(), fc.constantFrom("@odata.type", "__proto__", "constructor", "id")), value: fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<JsonValue> }),
  fc.record({ at: fc.nat(), kind: fc.constant("duplicate" as const) }),
);

test(`validate, isValid and plain ajv agree on ${PAYLOADS.toLocaleString("en-US")} mutated documented payloads, and never throw`, () => {
  let checked = 0;
  fc.assert(
    fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
      const payload = mutate(seed.payload, mutations);
      for (const schema of seed.schemas) {
        const result = contract.validate(schema, payload);
        const first = contract.isValid(schema, payload);
        const reference = plainFor.get(schema)!()(payload) as boolean;
        expect({ schema, validate: result.valid, isValid: first }).toEqual({ schema, validate: reference, isValid: reference });
        if (!result.valid) expect(result.errors.length).toBeGreaterThan(0);
        checked++;
      }
    }),
    { numRuns: PAYLOADS, seed: 20_261_207 },
  );
  expect(checked).toBeGreaterThanOrEqual(PAYLOADS);
}, 120_000);
