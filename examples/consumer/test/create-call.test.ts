import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { validate } from "graph-calls-contract/validators";
import type { CreateCallRequest } from "graph-calls-contract/types";
import { buildCreateCallRequest, type CallUser } from "../src/create-call.js";

const alice: CallUser = {
  callbackUri: "https://bot.example.com/api/calls",
  tenantId: "0f6b2c7e-5a55-4c43-9a1e-9f7e5d8a2b11",
  userId: "112f7296-5fa4-42ca-bae8-6a692b15d4b8",
  displayName: "Alice",
};

const callUsers: fc.Arbitrary<CallUser> = fc.record(
  {
    callbackUri: fc.webUrl({ validSchemes: ["https"] }),
    tenantId: fc.uuid(),
    userId: fc.uuid(),
    displayName: fc.string(),
    deltaRoster: fc.boolean(),
  },
  { requiredKeys: ["callbackUri", "tenantId", "userId"] },
);

describe("the create call request the bot builds", () => {
  test("matches the contract", () => {
    expect(buildCreateCallRequest(alice)).toMatchContract("create-call-request");
  });

  test("matches the contract for any user, tenant and callback", () => {
    fc.assert(fc.property(callUsers, (user) => {
      expect(buildCreateCallRequest(user)).toMatchContract("create-call-request");
    }), { numRuns: 200 });
  });

  test("validated without the matcher: the same verdict from the precompiled validators", () => {
    expect(validate("create-call-request", buildCreateCallRequest(alice))).toEqual({ schema: "create-call-request", valid: true, errors: [] });
  });
});

describe("what the contract catches", () => {
  // A typo that TypeScript lets through once the body is widened (e.g. built from a JSON template).
  const misspelled = { ...buildCreateCallRequest(alice), callbackURL: "https://bot.example.com/api/calls" } as Record<string, unknown>;

  test("a misspelled property does not match", () => {
    expect(misspelled).not.toMatchContract("create-call-request");
  });

  test("the failure message lists each error as /pointer: message (rule)", () => {
    expect(() => expect(misspelled).toMatchContract("create-call-request")).toThrowError(
      'expected the payload to match create-call-request, but it has 1 error (1 additionalProperties):\n  /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
    );
  });

  test("an id that is not a GUID is refused with the format rule", () => {
    const body: CreateCallRequest = buildCreateCallRequest({ ...alice, tenantId: "86dc81db-c112-4228-9222-63f3esaa1edb" });
    expect(validate("create-call-request", body).errors).toEqual([
      { pointer: "/tenantId", rule: "format", message: '"tenantId" must be a valid uuid (got "86dc81db-c112-4228-9222-63f3esaa1edb")' },
    ]);
  });

  test("schema names are checked by the compiler", () => {
    // @ts-expect-error: not a schema of the contract
    expect(() => expect({}).toMatchContract("create-cal-request")).toThrowError(/unknown schema "create-cal-request"/);
  });
});
