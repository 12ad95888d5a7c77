/** graph-calls-contract/vitest: expect(body).toMatchContract(name), its failure messages and its diff. */
import { describe, expect, test } from "vitest";
import "../../src/vitest/index.js";
import { toMatchContract } from "../../src/vitest/index.js";
// (Without a build, importing the matcher fails with "run npm run build": it uses the precompiled validators.)

const request = {
  callbackUri: "https://bot.example.com/api/calls",
  targets: [{ identity: { user: { id: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" } } }],
  requestedModalities: ["audio"],
  mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
};
const broken = { ...request, callbackURL: "https://bot.example.com/api/calls", tenantId: "86dc81db-c112-4228-9222-63f3esaa1edb" };

/** The error an assertion throws, so its message and diff can be read. */
function failure(assertion: () => void): Error & { actual?: unknown; expected?: unknown } {
  try {
    assertion();
  } catch (error) {
    return error as Error;
  }
  throw new Error("the assertion did not fail");
}

describe("toMatchContract", () => {
  test("passes for a valid payload, and .not passes for an invalid one", () => {
    expect(request).toMatchContract("create-call-request");
    expect(broken).not.toMatchContract("create-call-request");
  });

  test("a failure lists each error as /pointer: message (rule), after a summary of the rules", () => {
    expect(failure(() => expect(broken).toMatchContract("create-call-request")).message).toBe([
      "expected the payload to match create-call-request, but it has 2 errors (1 additionalProperties, 1 format):",
      '  /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
      '  /tenantId: "tenantId" must be a valid uuid (got "86dc81db-c112-4228-9222-63f3esaa1edb") (format)',
    ].join("\n"));
  });

  test("the diff is the error lines against none, one per line", () => {
    const error = failure(() => expect(broken).toMatchContract("create-call-request"));
    expect(error.expected).toEqual([]);
    expect(error.actual).toEqual([
      '/callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
      '/tenantId: "tenantId" must be a valid uuid (got "86dc81db-c112-4228-9222-63f3esaa1edb") (format)',
    ]);
  });

  test("the payload itself is (root), as the CLI prints it", () => {
    const { targets: _targets, ...withoutTargets } = request;
    expect(failure(() => expect(withoutTargets).toMatchContract("create-call-request")).message).toContain(
      "  (root): the payload must have targets (to place a call) or meetingInfo (to join a meeting) (anyOf)",
    );
  });

  test(".not fails on a valid payload, saying so", () => {
    expect(failure(() => expect(request).not.toMatchContract("create-call-request")).message).toBe("expected the payload not to match create-call-request, but it is valid");
  });

  test("as an asymmetric matcher inside toEqual", () => {
    expect({ status: 201, body: request }).toEqual({ status: 201, body: expect.toMatchContract("create-call-request") });
    expect({ body: broken }).not.toEqual({ body: expect.toMatchContract("create-call-request") });
  });

  test("an unknown schema name throws, listing the known ones", () => {
    // @ts-expect-error: the name is checked at compile time too
    expect(() => expect(request).toMatchContract("create-cal-request")).toThrowError(/unknown schema "create-cal-request"; known schemas: create-call-request/);
  });

  test("the matcher function is exported, for an expect of one's own", () => {
    expect(toMatchContract(request, "create-call-request").pass).toBe(true);
  });
});
