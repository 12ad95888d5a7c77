/** The contract's error messages: pointers at the fault, messages that say what and why, no noise, no throw. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { Contract, loadContract } from "../../src/index.js";

const contract = loadContract();

const request = () => ({
  "@odata.type": "#microsoft.graph.call",
  callbackUri: "https://bot.example.com/callback",
  targets: [{ identity: { user: { id: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" } } }],
  requestedModalities: ["audio"],
  mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
});

describe("messages", () => {
  test("a misspelled property is named at its own pointer, with the likely intended name", () => {
    const body = { ...request(), callbackURL: "x" } as Record<string, unknown>;
    expect(contract.validate("create-call-request", body).errors).toContainEqual({
      pointer: "/callbackURL",
      rule: "additionalProperties",
      message: 'unknown property "callbackURL" (did you mean "callbackUri"?)',
    });
  });

  test("a property Graph sets is refused with the reason, not as merely unknown", () => {
    const { errors } = contract.validate("create-call-request", { ...request(), state: "established" });
    expect(errors).toEqual([{ pointer: "/state", rule: "additionalProperties", message: 'property "state" is set by Graph (read-only): a bot must not send it' }]);
  });

  test("an unknown media config kind lists the kinds that exist", () => {
    const { errors } = contract.validate("create-call-request", { ...request(), mediaConfig: { "@odata.type": "#microsoft.graph.fooMediaConfig" } });
    expect(errors).toEqual([{
      pointer: "/mediaConfig/@odata.type",
      rule: "discriminator",
      message: '"@odata.type" must be one of #microsoft.graph.appHostedMediaConfig, #microsoft.graph.serviceHostedMediaConfig (got "#microsoft.graph.fooMediaConfig")',
    }]);
  });

  test("a wrong type inside a nullable property reports the inner fault only, not the null branch", () => {
    const n = {
      value: [{
        changeType: "updated",
        resourceUrl: "/communications/calls/1",
        resourceData: { "@odata.type": "#microsoft.graph.call", state: "established", resultInfo: { code: true } },
      }],
    };
    expect(contract.validate("notification", n).errors).toEqual([
      { pointer: "/value/0/resourceData/resultInfo/code", rule: "type", message: '"code" must be an integer or a string (got boolean true)' },
    ]);
  });

  test("a number beyond a double (1e400 parses as Infinity) is shown as such, not as null", () => {
    const body = JSON.parse(JSON.stringify(request()).replace(/}$/, ',"ringingTimeoutInSeconds":1e400}'));
    expect(body.ringingTimeoutInSeconds).toBe(Infinity);
    expect(contract.validate("create-call-request", body).errors).toEqual([
      { pointer: "/ringingTimeoutInSeconds", rule: "type", message: '"ringingTimeoutInSeconds" must be an integer or null (got number Infinity, out of the range of a double)' },
    ]);
  });

  test("callbackUri: the https scheme in any case (RFC 3986 3.1) is accepted; no host is refused (fixtures/invalid has the cases)", () => {
    for (const callbackUri of ["HTTPS://Bot.Example.com/callback", "Https://bot.example.com:8443/cb?x=1", "https://[2001:db8::1]/cb"]) {
      expect(contract.validate("create-call-request", { ...request(), callbackUri }).errors, callbackUri).toEqual([]);
    }
  });

  test("an anyOf with its own message reports that message alone", () => {
    const { targets: _t, ...body } = request();
    expect(contract.validate("create-call-request", body).errors).toEqual([
      { pointer: "", rule: "anyOf", message: "the payload must have targets (to place a call) or meetingInfo (to join a meeting)" },
    ]);
  });
});

test("a discriminated oneOf under $defs (no $id of its own) fails with errors, never an exception", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-schemas-"));
  try {
    fs.mkdirSync(path.join(dir, "operations"));
    fs.writeFileSync(path.join(dir, "operations", "pet.json"), JSON.stringify({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://example.test/operations/pet.json",
      "x-profile": "receive",
      type: "object",
      properties: { kind: { $ref: "#/$defs/kind" } },
      $defs: {
        kind: { type: "object", properties: { "@odata.type": { type: "string" } }, required: ["@odata.type"], discriminator: { propertyName: "@odata.type" }, oneOf: [{ $ref: "#/$defs/cat" }, { $ref: "#/$defs/dog" }] },
        cat: { type: "object", properties: { "@odata.type": { const: "#cat" } }, required: ["@odata.type"] },
        dog: { type: "object", properties: { "@odata.type": { const: "#dog" } }, required: ["@odata.type"] },
      },
    }));
    const result = Contract.load(dir).validate("pet", { kind: { "@odata.type": "#bird" } });
    expect(result.valid).toBe(false);
    expect(result.errors.map(({ pointer, rule }) => ({ pointer, rule }))).toEqual([{ pointer: "/kind/@odata.type", rule: "discriminator" }]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
