/**
 * The precompiled validators (graph-calls-contract/validators) are the contract: the build of the
 * current schemas, and the same answers as ajv compiling the schemas itself, without the rewrite
 * that keeps them linear (src/validators/standalone-code.ts): valid flag, and every error with its
 * pointer, rule and message, on every documented fixture, every invalid case, and generated
 * payloads with one mutation each. isValid, which stops at the first error, gives the same verdicts.
 */
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import type { ValidateFunction } from "ajv";
import { loadContract, UnknownSchemaError } from "../../src/index.js";
import { createContractAjv } from "../../src/contract/ajv-setup.js";
import { toContractErrors } from "../../src/contract/errors.js";
import { readSchemaEntries } from "../../src/contract/registry.js";
import { loadDocumentedFixtures, loadInvalidCases } from "../../src/fixtures/load.js";
import { annotatedArbitraryFor, applyMutation, breakTypeMutations, dropRequiredMutations, payloadArbitraries } from "../../src/arbitraries/index.js";
import path from "node:path";
import { Contract } from "../../src/contract/validator.js";
import { standaloneModuleFiles } from "../../src/validators/standalone-code.js";
import { STANDALONE_MODULES } from "../../src/validators/standalone-module.js";
import { isValid, schemaNames, validate } from "../../src/validators/index.js";
import type { SchemaName } from "../../generated/index.js";
import { requireBuild, STANDALONE_DIR } from "./helpers.js";

const contract = loadContract();

/** The control: ajv's own compilation of the published schemas, as it generates it (no rewrite). */
const entries = readSchemaEntries();
const plainAjv = createContractAjv("all");
for (const entry of entries) plainAjv.addSchema(entry.schema, entry.id);
const byId = new Map(entries.map((e) => [e.id, e.schema]));
function control(schema: string, payload: unknown) {
  const fn = plainAjv.getSchema(entries.find((e) => e.name === schema)!.id) as ValidateFunction;
  const valid = fn(payload) as boolean;
  return { schema, valid, errors: valid ? [] : toContractErrors(fn.errors ?? [], { payload, schemaById: (id) => byId.get(id) }) };
}

beforeAll(requireBuild);

test.each(["all", "first"] as const)("the built %s-errors modules are the build of the current schemas, and no other module is left beside them (else: npm run build)", (mode) => {
  const expected = standaloneModuleFiles(entries, STANDALONE_DIR, mode);
  for (const { file, code } of expected) {
    expect(fs.readFileSync(path.join(STANDALONE_DIR, file), "utf8") === code, `${file} is stale: run npm run build`).toBe(true);
  }
  const partsDir = STANDALONE_MODULES[mode].replace(/\.cjs$/, "");
  expect(fs.readdirSync(path.join(STANDALONE_DIR, partsDir)).map((name) => `${partsDir}/${name}`).sort()).toEqual(expected.slice(1).map(({ file }) => file).sort());
});

test("loadContract() is the precompiled contract, and Contract.load() compiles the same code now", () => {
  expect(contract.names()).toEqual(Contract.precompiled()!.names());
  const body = { callbackUri: "https://bot.example.com/cb", targets: [], requestedModalities: ["audio", "audio"] };
  expect(Contract.load().validate("create-call-request", body)).toEqual(contract.validate("create-call-request", body));
});

test("the validators know exactly the contract's schemas, in its order", () => {
  expect([...schemaNames]).toEqual(contract.names());
});

describe("the same answers as ajv's own compilation, and isValid the same verdicts", () => {
  const documented = loadDocumentedFixtures().flatMap(({ file, data }) => data.payload === null ? [] : data.schemas.map((schema) => ({ file, schema, payload: data.payload })));

  test.each(documented)("$file as $schema", ({ schema, payload }) => {
    expect(validate(schema as SchemaName, payload)).toEqual(control(schema, payload));
    expect(isValid(schema as SchemaName, payload)).toBe(control(schema, payload).valid);
  });

  test.each(loadInvalidCases().map(({ file, data }) => ({ file, ...data })))("invalid case $file", ({ schema, payload }) => {
    const result = validate(schema as SchemaName, payload);
    expect(result.valid).toBe(false);
    expect(result).toEqual(control(schema, payload));
    expect(isValid(schema as SchemaName, payload)).toBe(false);
  });

  const messageSchemas = payloadArbitraries().messageSchemaNames();
  test.each(messageSchemas)("generated %s payloads, as they are and with one required property dropped or one value of another type", (schema) => {
    const store = payloadArbitraries().store;
    fc.assert(fc.property(annotatedArbitraryFor(schema), (generated) => {
      const variants = [generated.value, ...[...dropRequiredMutations(generated), ...breakTypeMutations(generated, store)].map((m) => applyMutation(generated.value, m))];
      for (const payload of variants) {
        const expected = control(schema, payload);
        expect(validate(schema as SchemaName, payload)).toEqual(expected);
        expect(isValid(schema as SchemaName, payload)).toBe(expected.valid);
      }
    }), { numRuns: 15, seed: 20_251_123 });
    // The notification kinds carry the whole received calling surface (incoming calls, operations,
    // typed call and participant metadata): building their arbitraries and checking every mutation of
    // 15 payloads takes several seconds alone, and far more beside other suites on two cores.
  }, 90_000);
});

test("a schema the contract does not have is the library's UnknownSchemaError", () => {
  expect(() => validate("create-cal-request" as SchemaName, {})).toThrow(UnknownSchemaError);
  expect(() => validate("toString" as SchemaName, {})).toThrow(UnknownSchemaError);
});

test("isValid answers as validate", () => {
  const { payload } = loadInvalidCases()[0]!.data;
  expect(isValid(loadInvalidCases()[0]!.data.schema as SchemaName, payload)).toBe(false);
});
