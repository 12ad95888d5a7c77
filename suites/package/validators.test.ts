/**
 * The precompiled validators (graph-calls-contract/validators) are the contract: the build of the
 * current schemas, and the same answers as `loadContract().validate` (valid flag, and every error
 * with its pointer, rule and message) on every documented fixture, every invalid case, and
 * generated payloads with one mutation each.
 */
import fs from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { loadContract, UnknownSchemaError } from "../../src/index.js";
import { readSchemaEntries } from "../../src/contract/registry.js";
import { loadDocumentedFixtures, loadInvalidCases } from "../../src/fixtures/load.js";
import { annotatedArbitraryFor, applyMutation, breakTypeMutations, dropRequiredMutations, payloadArbitraries } from "../../src/arbitraries/index.js";
import { standaloneModuleCode } from "../../src/validators/standalone-code.js";
import { isValid, schemaNames, validate } from "../../src/validators/index.js";
import type { SchemaName } from "../../generated/index.js";
import { requireBuild, STANDALONE_DIR, STANDALONE_FILE } from "./helpers.js";

const contract = loadContract();

beforeAll(requireBuild);

test("the built standalone.cjs is the build of the current schemas (else: npm run build)", () => {
  const expected = standaloneModuleCode(readSchemaEntries(), STANDALONE_DIR);
  expect(fs.readFileSync(STANDALONE_FILE, "utf8") === expected, `${STANDALONE_FILE} is stale: run npm run build`).toBe(true);
});

test("the validators know exactly the contract's schemas, in its order", () => {
  expect([...schemaNames]).toEqual(contract.names());
});

describe("the same answers as loadContract().validate", () => {
  const documented = loadDocumentedFixtures().flatMap(({ file, data }) => data.payload === null ? [] : data.schemas.map((schema) => ({ file, schema, payload: data.payload })));

  test.each(documented)("$file as $schema", ({ schema, payload }) => {
    expect(validate(schema as SchemaName, payload)).toEqual(contract.validate(schema, payload));
  });

  test.each(loadInvalidCases().map(({ file, data }) => ({ file, ...data })))("invalid case $file", ({ schema, payload }) => {
    const result = validate(schema as SchemaName, payload);
    expect(result.valid).toBe(false);
    expect(result).toEqual(contract.validate(schema, payload));
  });

  const messageSchemas = payloadArbitraries().messageSchemaNames();
  test.each(messageSchemas)("generated %s payloads, as they are and with one required property dropped or one value of another type", (schema) => {
    const store = payloadArbitraries().store;
    fc.assert(fc.property(annotatedArbitraryFor(schema), (generated) => {
      const variants = [generated.value, ...[...dropRequiredMutations(generated), ...breakTypeMutations(generated, store)].map((m) => applyMutation(generated.value, m))];
      for (const payload of variants) expect(validate(schema as SchemaName, payload)).toEqual(contract.validate(schema, payload));
    }), { numRuns: 15, seed: 20_251_123 });
  });
});

test("a schema the contract does not have is the library's UnknownSchemaError", () => {
  expect(() => validate("create-cal-request" as SchemaName, {})).toThrow(UnknownSchemaError);
  expect(() => validate("toString" as SchemaName, {})).toThrow(UnknownSchemaError);
});

test("isValid answers as validate", () => {
  const { payload } = loadInvalidCases()[0]!.data;
  expect(isValid(loadInvalidCases()[0]!.data.schema as SchemaName, payload)).toBe(false);
});
