/**
 * The schema-derived arbitraries on a synthetic schema that uses every keyword they support (the
 * published schemas use fewer): generated values validate, every branch is reached, mutations
 * predict the contract's errors, and unsupported schemas are refused by name and keyword.
 *
 * On failure fast-check prints the counterexample, its seed and path. Replay exactly that run:
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/properties/arbitraries.test.ts -t "<test name>"
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Contract } from "../../src/contract/validator.js";
import {
  applyMutation, breakTypeMutations, dropRequiredMutations, PayloadArbitraries, SchemaStore, UnsupportedSchemaError, type Mutation,
} from "../../src/arbitraries/index.js";
import { getAtPointer, type JsonObject, type JsonValue } from "../../src/util/json.js";
import { check, pairs } from "./harness.js";

const ID_BASE = "https://graph-calls-contract.dev/schemas/";

/** An operation using every supported keyword; the discriminated type lives in its own file, as published types do. */
const KITCHEN_SINK: JsonObject = {
  type: "object",
  properties: {
    nullableCount: { type: ["integer", "null"], minimum: 3, maximum: 9 },
    ratio: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 2 },
    word: { type: "string", minLength: 2, maxLength: 5 },
    digits: { type: "string", pattern: "^[0-9]+$", minLength: 3 },
    when: { type: "string", format: "date-time" },
    id: { type: "string", format: "uuid" },
    link: { type: "string", format: "uri", pattern: "^https://" },
    path: { type: "string", pattern: "^/", allOf: [{ pattern: "^/(a|b)/[^/]+$" }] },
    state: { type: "string", "x-extensible-enum": ["on", "off", "unknownFutureValue"] },
    tags: { type: "array", items: { enum: ["x", "y", "z"] }, minItems: 2, maxItems: 3, uniqueItems: true },
    notFoo: { type: "string", not: { const: "foo" }, maxLength: 3 },
    either: { anyOf: [{ type: "boolean" }, { type: "string", const: "maybe" }] },
    eitherSaid: { anyOf: [{ type: "boolean" }, { type: "string", const: "maybe" }], "x-message": { anyOf: "must be a flag or \"maybe\"" } },
    kind: { $ref: "../send/kind.json" },
    resource: { $ref: "#/$defs/resource" },
  },
  required: ["kind", "resource", "tags"],
  additionalProperties: false,
  $defs: {
    resource: { if: { type: "array" }, then: { items: { $ref: "#/$defs/tagged" }, maxItems: 2 }, else: { $ref: "#/$defs/tagged" } },
    tagged: {
      type: "object",
      properties: { t: { type: "string" } },
      required: ["t"],
      allOf: [{
        if: { properties: { t: { const: "a" } }, required: ["t"] },
        then: { properties: { a: { type: "integer" } }, required: ["a"] },
        else: { properties: { b: { type: "string" } }, required: ["b"] },
      }],
    },
  },
};

const KIND: JsonObject = {
  type: "object",
  properties: { "@odata.type": { type: "string" } },
  required: ["@odata.type"],
  discriminator: { propertyName: "@odata.type" },
  oneOf: [{ $ref: "cat.json" }, { $ref: "dog.json" }],
};
const CAT: JsonObject = { type: "object", properties: { "@odata.type": { const: "#cat" }, lives: { type: "integer", minimum: 1 } }, required: ["@odata.type", "lives"], additionalProperties: false };
const DOG: JsonObject = { type: "object", properties: { "@odata.type": { const: "#dog" }, good: { const: true } }, required: ["@odata.type"], additionalProperties: false };

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A schemas folder holding the given schemas, by published path ("operations/x.json", "send/y.json"). */
function schemasFolder(schemas: Record<string, JsonObject>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-arbitraries-"));
  tempDirs.push(dir);
  for (const [file, body] of Object.entries(schemas)) {
    const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${ID_BASE}${file}`, "x-profile": "send", ...body };
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(schema));
  }
  return dir;
}

describe("arbitraries on a schema using every supported keyword", () => {
  const dir = schemasFolder({ "operations/kitchen-sink.json": KITCHEN_SINK, "send/kind.json": KIND, "send/cat.json": CAT, "send/dog.json": DOG });
  const contract = Contract.load(dir);
  const arbitraries = new PayloadArbitraries(SchemaStore.load(dir));
  const samples = fc.sample(arbitraries.arbitrary("kitchen-sink"), { numRuns: 400, seed: 20 });
  const seen = (pointer: string) => samples.map((s) => getAtPointer(s, pointer)).filter((v) => v !== undefined);

  it("generates only valid values", () => {
    check(fc.property(arbitraries.arbitrary("kitchen-sink"), (value) => {
      expect(pairs(contract.validate("kitchen-sink", value).errors)).toEqual([]);
    }));
  });

  it("reaches every branch: nullable types, discriminated kinds, if/then/else both ways, anyOf", () => {
    expect(new Set(seen("/nullableCount").map((v) => v === null))).toEqual(new Set([true, false]));
    expect(new Set(seen("/kind/@odata.type"))).toEqual(new Set(["#cat", "#dog"]));
    expect(new Set(seen("/resource").map(Array.isArray))).toEqual(new Set([true, false]));
    expect(new Set(seen("/resource/t").map((t) => t === "a"))).toEqual(new Set([true, false]));
    expect(new Set(seen("/either").map((v) => typeof v))).toEqual(new Set(["boolean", "string"]));
  });

  it("gives evolvable enums their members and, now and then, a never-seen value", () => {
    const states = seen("/state") as string[];
    expect(states.filter((s) => ["on", "off", "unknownFutureValue"].includes(s)).length).toBeGreaterThan(states.length / 2);
    expect(states.some((s) => !["on", "off", "unknownFutureValue"].includes(s))).toBe(true);
  });

  it("leaves optional properties out as often as it puts them in", () => {
    const present = seen("/word").length / samples.length;
    expect(present).toBeGreaterThan(0.3);
    expect(present).toBeLessThan(0.7);
  });

  /** What the contract answers for a mutation, next to what the mutation predicts, when they differ. */
  function mispredicted(value: JsonValue, mutations: Mutation[]): string[] {
    return mutations.flatMap((m) => {
      const actual = pairs(contract.validate("kitchen-sink", applyMutation(value, m)).errors);
      const expected = m.expect.valid ? [] : pairs(m.expect.errors);
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${m.description}: expected ${expected.join(", ")}; got ${actual.join(", ")}`];
    });
  }

  it("predicts the contract's errors for every drop-required mutation", () => {
    check(fc.property(arbitraries.annotated("kitchen-sink"), (g) => {
      expect(mispredicted(g.value, dropRequiredMutations(g))).toEqual([]);
    }));
  });

  it("predicts the contract's errors for every break-type mutation", () => {
    check(fc.property(arbitraries.annotated("kitchen-sink"), (g) => {
      expect(mispredicted(g.value, breakTypeMutations(g, arbitraries.store))).toEqual([]);
    }));
  });
});

describe("unsupported schemas are refused by name and keyword", () => {
  const dir = schemasFolder({
    "operations/with-pattern-properties.json": { type: "object", patternProperties: { "^x-": { type: "string" } } },
    "operations/with-overlapping-one-of.json": { oneOf: [{ type: "string" }, { type: "string", minLength: 2 }] },
    "operations/with-unknown-format.json": { type: "string", format: "ipv6" },
  });
  const arbitraries = new PayloadArbitraries(SchemaStore.load(dir));

  it.each([
    ["with-pattern-properties", "patternProperties"],
    ["with-overlapping-one-of", "oneOf"],
    ["with-unknown-format", "format"],
  ])("%s: names the schema and %s", (schema, keyword) => {
    let error: unknown;
    try {
      fc.sample(arbitraries.arbitrary(schema), 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedSchemaError);
    expect((error as Error).message).toContain(`"${schema}"`);
    expect((error as Error).message).toContain(`"${keyword}"`);
  });
});
