/** exports/asyncapi.json is a valid AsyncAPI 3 document: the bot's callback as a channel, one message per notification kind. */
import { describe, expect, test } from "vitest";
import { Parser, type Diagnostic } from "@asyncapi/parser";
import { messageSchemas, notificationKinds } from "../../src/export/message-schemas.js";
import { COMPONENT_SCHEMAS } from "../../src/export/schema-refs.js";
import { formatJson, getAtPointer, isObject, walkJson, type JsonObject } from "../../src/util/json.js";
import { asyncApi, inputs, refsOf } from "./helpers.js";

const kinds = notificationKinds(messageSchemas(inputs.published));
const parser = new Parser();

/** 3.0.0 on purpose: it is what AsyncAPI tools support today; the parser only hints that 3.1.0 exists. */
const ACCEPTED_HINTS = new Set(["asyncapi-latest-version"]);

async function parse(document: unknown) {
  const { document: parsed, diagnostics } = await parser.parse(formatJson(document));
  return { parsed, problems: diagnostics.filter((d: Diagnostic) => !ACCEPTED_HINTS.has(String(d.code))) };
}

/**
 * Parsing takes a few seconds (the document holds the whole calling surface: every notification kind,
 * operations included): once for every test that reads the document, and a parse may take far longer
 * beside other suites on two cores, hence the timeouts.
 */
const PARSE_TIMEOUT_MS = 90_000;
const exported = parse(asyncApi);

describe("against the AsyncAPI 3 specification (@asyncapi/parser)", () => {
  test("parses with no error, warning or hint beyond the version hint", async () => {
    const { parsed, problems } = await exported;
    expect(problems.map((d) => `${d.code} ${d.path.join("/")}: ${d.message}`)).toEqual([]);
    expect(parsed?.version()).toBe("3.0.0");
  }, PARSE_TIMEOUT_MS);

  test("the parser does check: a message's payload schema with a wrong keyword value is an error, named at its pointer", async () => {
    // A small control document shaped like the export (its info, content type and first message, the
    // payload a component schema) rather than a broken copy of the whole export: parsing the export
    // costs ~17 CPU s, the control one a tenth of that, and the error it must give is the one pinned here.
    const [name, message] = Object.entries((asyncApi.components as JsonObject).messages as Record<string, JsonObject>)[0]!;
    const control = (schema: JsonObject) => ({
      asyncapi: asyncApi.asyncapi,
      info: asyncApi.info,
      defaultContentType: asyncApi.defaultContentType,
      channels: { c: { address: null, messages: { [name]: { $ref: `#/components/messages/${name}` } } } },
      operations: { receive: { action: "receive", channel: { $ref: "#/channels/c" }, messages: [{ $ref: `#/channels/c/messages/${name}` }] } },
      components: { messages: { [name]: { ...message, payload: { $ref: "#/components/schemas/s" } } }, schemas: { s: schema } },
    });
    const sound = await parse(control({ type: "object", properties: { id: { type: "string" } } }));
    expect(sound.problems.map((d) => `${d.code} ${d.path.join("/")}: ${d.message}`)).toEqual([]);
    const { parsed, problems } = await parse(control({ type: 12, properties: { id: { type: "string" } } }));
    expect(parsed).toBeUndefined();
    expect(problems.filter((d) => d.severity === 0).map((d) => d.path.join("/"))).toContain("components/schemas/s/type");
  }, PARSE_TIMEOUT_MS);
});

describe("what the document says", () => {
  test("one channel, the bot's callback, receiving one message per notification kind", async () => {
    const { parsed } = await exported;
    const channels = parsed!.channels().all();
    expect(channels.map((c) => c.id())).toEqual(["commsNotifications"]);
    expect(channels[0]!.messages().all().map((m) => m.id()).sort()).toEqual(kinds.map((k) => k.name).sort());
    const operations = parsed!.operations().all();
    expect(operations.map((o) => [o.id(), o.action()])).toEqual([["receiveCommsNotifications", "receive"]]);
    expect(operations[0]!.messages().all().map((m) => m.id()).sort()).toEqual(kinds.map((k) => k.name).sort());
    expect(getAtPointer(asyncApi, "/operations/receiveCommsNotifications/bindings/http/method")).toBe("POST");
  }, PARSE_TIMEOUT_MS);

  test.each(kinds.map((k) => [k.name] as const))("message %s: JSON, its payload the notification schema of that name", (name) => {
    const message = getAtPointer(asyncApi, `/components/messages/${name}`) as JsonObject;
    expect(message).toMatchObject({ name, contentType: "application/json", payload: { $ref: COMPONENT_SCHEMAS + name } });
  });

  test("every $ref points inside the document, at something that exists; no $id, $schema or OpenAPI discriminator is left", () => {
    for (const { pointer, ref } of refsOf(asyncApi)) {
      expect(ref, pointer).toMatch(/^#\//);
      expect(getAtPointer(asyncApi, decodeURIComponent(ref.slice(1))), `${pointer} -> ${ref}`).toBeDefined();
    }
    for (const [pointer, node] of walkJson((asyncApi.components as JsonObject).schemas)) {
      if (!isObject(node)) continue;
      expect([node.$id, node.$schema], pointer).toEqual([undefined, undefined]);
      if (isObject(node.discriminator)) expect(node.discriminator.propertyName, pointer).toBeUndefined();
    }
  });
});
