/**
 * The documented examples attached to both documents: every one valid against the schema it is
 * attached to, by the project's ajv (the document's own embedded schemas) and by the contract
 * (the published schema of the same name); every documented payload is either attached or left
 * out with the reason, and a left-out one is exactly one the contract rejects.
 */
import { describe, expect, test } from "vitest";
import { loadContract } from "../../src/index.js";
import { checkDocumented } from "../../src/fixtures/check.js";
import { loadInvalidCases } from "../../src/fixtures/load.js";
import { graphError } from "../../src/mock-graph/graph-mock.js";
import { GRAPH_ERROR_RESPONSES, type GraphErrorStatus } from "../../src/export/graph-error.js";
import { COMPONENT_SCHEMAS, componentName } from "../../src/export/schema-refs.js";
import { isObject, walkJson, type JsonObject } from "../../src/util/json.js";
import { asyncApi, asyncApiExamples, documentSchemas, inputs, openApi, openApiExamples, type AttachedExample } from "./helpers.js";

const contract = loadContract();
const fixtures = new Map(inputs.fixtures.map((f) => [f.id, f]));
const documents = [
  { name: "openapi", document: openApi, examples: openApiExamples(), schemas: documentSchemas(openApi, "2020-12") },
  { name: "asyncapi", document: asyncApi, examples: asyncApiExamples(), schemas: documentSchemas(asyncApi, "draft-07") },
];
const schemaName = (ref: string) => ref.slice(COMPONENT_SCHEMAS.length);

/** Every fixture -> schema pair the document could attach: documented payloads claiming a schema the document has examples for. */
function claims(examples: AttachedExample[], leftOut: Array<{ name: string; schema: string }>): Array<{ fixture: string; schema: string }> {
  const schemas = new Set([...examples.map((e) => schemaName(e.schemaRef)), ...leftOut.map((l) => l.schema)]);
  return inputs.fixtures.filter((f) => f.payload !== null).flatMap((f) => f.schemas.filter((s) => schemas.has(s)).map((schema) => ({ fixture: f.id, schema })));
}

/** Every x-left-out-examples entry, with the schema of the media type or message it sits in. */
function leftOutOf(document: JsonObject): Array<{ name: string; schema: string; reason: string }> {
  const out: Array<{ name: string; schema: string; reason: string }> = [];
  for (const [, node] of walkJson(document)) {
    if (!isObject(node) || !Array.isArray(node["x-left-out-examples"])) continue;
    const holder = (isObject(node.schema) ? node.schema : node.payload) as JsonObject;
    for (const entry of node["x-left-out-examples"] as JsonObject[]) out.push({ name: String(entry.name), schema: schemaName(String(holder.$ref)), reason: String(entry.reason) });
  }
  return out;
}

describe.each(documents)("$name examples", ({ document, examples, schemas }) => {
  test.each(examples.map((e) => [`${e.name} at ${e.where}`, e] as const))("%s is valid", (_label, example) => {
    const validate = schemas.validator(example.schemaRef);
    expect(validate(example.payload), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(contract.validate(schemaName(example.schemaRef), example.payload).errors).toEqual([]);
  });

  test("named after their fixture, the payload as documented, the summary naming the document and example", () => {
    for (const example of examples) {
      const fixture = fixtures.get(example.name);
      expect(fixture, example.name).toBeDefined();
      expect(example.payload).toEqual(fixture!.payload);
      const { page, language, apiVersion, example: ex } = fixture!.provenance;
      expect(example.summary).toContain(`${page} (${language}, ${apiVersion}) example ${ex.number}`);
    }
  });

  test("every documented payload is attached or left out, and left out exactly when the contract rejects it", () => {
    const leftOut = leftOutOf(document);
    const attached = new Set(examples.map((e) => `${e.name} ${schemaName(e.schemaRef)}`));
    const omitted = new Set(leftOut.map((l) => `${l.name} ${l.schema}`));
    for (const { fixture, schema } of claims(examples, leftOut)) {
      const rejected = checkDocumented(contract, inputs.decisions, fixtures.get(fixture)!).find((c) => c.schema === schema)!.expected.length > 0;
      expect(rejected ? omitted : attached, `${fixture} as ${schema}`).toContain(`${fixture} ${schema}`);
    }
    expect(attached.size + omitted.size).toBe(claims(examples, leftOut).length);
    for (const entry of leftOut) {
      expect(contract.validate(entry.schema, fixtures.get(entry.name)!.payload).valid).toBe(false);
      expect(entry.reason).toMatch(/^Invalid as /);
    }
  });

  test("the embedded schemas reject what the contract rejects: every invalid case of a schema the document has", () => {
    const components = (document.components as JsonObject).schemas as JsonObject;
    const cases = loadInvalidCases().filter(({ data }) => componentName(`${data.schema}.json`) in components);
    expect(cases.length).toBeGreaterThan(0);
    for (const { file, data } of cases) {
      expect(schemas.validator(COMPONENT_SCHEMAS + componentName(`${data.schema}.json`))(data.payload), file).toBe(false);
    }
  });

  test("every embedded schema is a valid schema of its dialect", () => {
    for (const [name, schema] of Object.entries((document.components as JsonObject).schemas as JsonObject)) {
      expect(schemas.ajv.validateSchema(schema as JsonObject), `${name}: ${schemas.ajv.errorsText()}`).toBe(true);
    }
  });
});

test("the documents attach every documented payload that is valid, and leave out the rest", () => {
  const attachable = inputs.fixtures.filter((f) => f.payload !== null);
  expect(openApiExamples().length + leftOutOf(openApi).length).toBe(attachable.length);
  expect(leftOutOf(openApi).length).toBeGreaterThan(0); // the documents' malformed tenant ids
  expect(asyncApiExamples().length).toBe(attachable.filter((f) => f.provenance.role === "notification").length);
});

test.each(Object.keys(GRAPH_ERROR_RESPONSES).map(Number) as GraphErrorStatus[])("the mock Graph's %i error body is a graph-error", async (status) => {
  const validate = documentSchemas(openApi, "2020-12").validator(`${COMPONENT_SCHEMAS}graph-error`);
  for (const details of [undefined, ["/a: first", "/b: second"]]) {
    const body = JSON.parse(graphError(status, GRAPH_ERROR_RESPONSES[status].name, "message", details).body) as unknown;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  }
  expect(validate({ error: { message: "no code" } })).toBe(false);
});
