/** exports/openapi.json is a valid OpenAPI 3.1 document, and says what the contract says. */
import { describe, expect, test } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { GRAPH_OPERATIONS, messageSchemas, notificationKinds } from "../../src/export/message-schemas.js";
import { COMPONENT_SCHEMAS } from "../../src/export/schema-refs.js";
import { getAtPointer, isObject, walkJson, type JsonObject } from "../../src/util/json.js";
import { inputs, openApi, refsOf } from "./helpers.js";

const kinds = notificationKinds(messageSchemas(inputs.published));
const components = openApi.components as { schemas: Record<string, JsonObject> };

async function validateOpenApi(document: unknown) {
  const validator = new Validator();
  // The validator may annotate what it is given: hand it a copy.
  return { result: await validator.validate(structuredClone(document) as Parameters<Validator["validate"]>[0]), version: validator.version };
}

describe("against the OpenAPI 3.1 specification (@seriousme/openapi-schema-validator)", () => {
  test("valid, as 3.1, with every $ref resolved inside the document", async () => {
    const { result, version } = await validateOpenApi(openApi);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(version).toBe("3.1");
  });

  test("the validator does check: a dangling $ref and a misplaced field are reported", async () => {
    const dangling = structuredClone(openApi) as JsonObject;
    ((dangling.components as JsonObject).schemas as JsonObject)["transfer-request"] = { $ref: `${COMPONENT_SCHEMAS}no-such-schema` };
    expect((await validateOpenApi(dangling)).result.valid).toBe(false);
    const misplaced = structuredClone(openApi) as JsonObject;
    (misplaced.webhooks as JsonObject)["notification-roster"] = { post: { requestBody: {} } }; // no responses, no content
    expect((await validateOpenApi(misplaced)).result.valid).toBe(false);
  });
});

describe("what the document says", () => {
  test("OpenAPI 3.1's default dialect (no jsonSchemaDialect, which makes Prism 5 skip request validation), Graph v1.0, a bearer token", () => {
    expect(openApi).not.toHaveProperty("jsonSchemaDialect");
    expect(openApi).toMatchObject({
      openapi: "3.1.0",
      servers: [{ url: "https://graph.microsoft.com/v1.0" }],
      components: { securitySchemes: { graphBearer: { type: "http", scheme: "bearer" } } },
    });
  });

  test.each(GRAPH_OPERATIONS.map((op) => [op.operationId, op] as const))("%s: path and method from the request schema's x-applies-to, success and Graph errors", (_id, op) => {
    const request = messageSchemas(inputs.published).find((m) => m.name === op.request)!;
    const operation = getAtPointer(openApi, `/paths/${request.appliesTo.path!.replace(/\//g, "~1")}/${request.appliesTo.method!.toLowerCase()}`) as JsonObject;
    expect(operation).toMatchObject({ operationId: op.operationId, security: [{ graphBearer: [] }] });
    expect(getAtPointer(operation, "/requestBody/content/application~1json/schema")).toEqual({ $ref: COMPONENT_SCHEMAS + op.request });
    const responses = operation.responses as JsonObject;
    expect(Object.keys(responses).sort()).toEqual([String(op.success.status), ...op.errors.map(String)].sort());
    for (const status of op.errors) {
      const response = getAtPointer(openApi, String((responses[String(status)] as JsonObject).$ref).slice(1)) as JsonObject;
      expect(getAtPointer(response, "/content/application~1json/schema")).toEqual({ $ref: `${COMPONENT_SCHEMAS}graph-error` });
    }
    const success = responses[String(op.success.status)] as JsonObject;
    if (op.success.schema) {
      expect(getAtPointer(success, "/content/application~1json/schema")).toEqual({ $ref: COMPONENT_SCHEMAS + op.success.schema });
      // The response schema's own x-applies-to agrees with the status the table gives.
      expect(messageSchemas(inputs.published).find((m) => m.name === op.success.schema)!.appliesTo.status).toBe(op.success.status);
    } else {
      expect(success.content).toBeUndefined();
    }
    if (op.success.location) expect(getAtPointer(success, "/headers/Location")).toMatchObject({ required: true, schema: { type: "string", format: "uri" } });
  });

  test("one webhook per notification kind, each answered 202", () => {
    const webhooks = openApi.webhooks as Record<string, JsonObject>;
    expect(Object.keys(webhooks).sort()).toEqual(kinds.map((k) => k.name).sort());
    expect(kinds.length).toBeGreaterThanOrEqual(4);
    for (const kind of kinds) {
      const post = webhooks[kind.name]!.post as JsonObject;
      expect(getAtPointer(post, "/requestBody/content/application~1json/schema")).toEqual({ $ref: COMPONENT_SCHEMAS + kind.name });
      expect(Object.keys(post.responses as JsonObject)).toEqual(["202"]);
    }
  });
});

describe("the embedded schemas", () => {
  test("every $ref points inside the document, at something that exists", () => {
    const refs = refsOf(openApi);
    expect(refs.length).toBeGreaterThan(50);
    for (const { pointer, ref } of refs) {
      expect(ref, pointer).toMatch(/^#\//);
      expect(getAtPointer(openApi, decodeURIComponent(ref.slice(1))), `${pointer} -> ${ref}`).toBeDefined();
    }
  });

  test("no $id or $schema is left to re-base refs or change the dialect", () => {
    for (const [pointer, node] of walkJson(components.schemas)) {
      if (!isObject(node)) continue;
      expect(node.$id, pointer).toBeUndefined();
      expect(node.$schema, pointer).toBeUndefined();
    }
  });

  test("no constraint stands beside a $ref (tools written for 3.0 would drop it)", () => {
    for (const { pointer } of refsOf(components.schemas)) {
      const node = getAtPointer(components.schemas, pointer) as JsonObject;
      expect(Object.keys(node).filter((k) => !/^(\$ref|title|description|\$comment|readOnly|x-.*)$/.test(k)), pointer).toEqual([]);
    }
  });

  test("every discriminator maps each @odata.type to the component whose tag is that const", () => {
    let seen = 0;
    for (const [pointer, node] of walkJson(components.schemas)) {
      // (A property named "discriminator" would be a schema, without a propertyName.)
      if (!isObject(node) || !isObject(node.discriminator) || typeof node.discriminator.propertyName !== "string") continue;
      seen++;
      const { propertyName, mapping } = node.discriminator as { propertyName: string; mapping: Record<string, string> };
      expect(Object.values(mapping).sort(), pointer).toEqual((node.oneOf as JsonObject[]).map((b) => b.$ref).sort());
      for (const [value, ref] of Object.entries(mapping)) {
        expect(getAtPointer(openApi, `${ref.slice(1)}/properties/${propertyName}/const`), `${pointer}: ${value}`).toBe(value);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
