/** fidelity.callback compares URLs as RFC 3986 does: the scheme and host in any case are the same callback, another path is not. */
import { describe, expect, test } from "vitest";
import { loadContract } from "../../src/index.js";
import type { CapturedRequest } from "../../src/mock-graph/graph-mock.js";
import { checkRequests } from "../../src/harness/request-checks.js";
import { CALLBACK_URI } from "../../src/harness/run.js";
import { loadScenarios } from "../../src/sequences/load.js";
import { createCallBody } from "../../implementations/reference/requests.js";

const contract = loadContract();
const scenario = loadScenarios().find((s) => s.id === "create-call.v1.0.ex01")!;

function fidelity(callbackUri: string) {
  if (scenario.intent.operation !== "create-call") throw new Error("not a create-call scenario");
  const body = createCallBody(scenario.intent, callbackUri);
  const request: CapturedRequest = { seq: 1, method: "POST", url: "https://graph.microsoft.com/v1.0/communications/calls", path: "/communications/calls", version: "v1.0", headers: { "content-type": "application/json", authorization: "Bearer t" }, bodyText: JSON.stringify(body), body, status: 201, callId: "c1" };
  return checkRequests({ scenario, contract, accessToken: "t", callbackUri: CALLBACK_URI }, [request], { callId: "c1" }).find((c) => c.id.endsWith("/fidelity.callback"))!;
}

describe("fidelity.callback", () => {
  test.each([CALLBACK_URI, CALLBACK_URI.replace("https://bot.conformance", "HTTPS://Bot.Conformance"), CALLBACK_URI.replace(".example/", ".example:443/")])("%s is the configured callback", (uri) => {
    expect(fidelity(uri).status).toBe("passed");
  });

  test("another path is another callback", () => {
    const check = fidelity(CALLBACK_URI.replace("/api/calls", "/API/calls"));
    expect(check.status).toBe("failed");
    expect(check.message).toMatch(/the request says "https:\/\/bot\.conformance\.example\/API\/calls"/);
  });
});
