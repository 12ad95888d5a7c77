import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { arbitraryFor } from "graph-calls-contract/arbitraries";
import { handleNotification } from "../src/notifications.js";

describe("the notification endpoint", () => {
  test("accepts and reads every call-state notification the contract allows", () => {
    fc.assert(fc.property(arbitraryFor("notification-call-state"), (body) => {
      const handled = handleNotification(body);
      expect(handled.accepted).toBe(true);
      // One state per notification; an empty batch ({"value": []}, erratum EMPTY_BATCH) carries none.
      if (handled.accepted) expect(handled.states).toHaveLength((body as { value: unknown[] }).value.length);
    }), { numRuns: 100 });
  }, 60_000); // building the call-state arbitrary (the whole received call) takes seconds on a busy machine

  test("accepts every notification the contract allows, whatever its kind", () => {
    fc.assert(fc.property(arbitraryFor("notification"), (body) => {
      expect(body).toMatchContract("notification");
      expect(handleNotification(body).accepted).toBe(true);
    }), { numRuns: 100 });
  });

  test("refuses a body Graph never sends, with the contract's reasons", () => {
    expect(handleNotification({ value: [{ changeType: "renamed" }] })).toEqual({
      accepted: false,
      errors: [
        '/value/0: item 0 of "value" must name its resource: resourceUrl (or, in older notifications, resource)',
        '/value/0/changeType: "changeType" must be one of "created", "updated", "deleted" (got "renamed")',
      ],
    });
  });

  test("the matcher also works inside other assertions (asymmetric)", () => {
    const received = fc.sample(arbitraryFor("notification-roster"), { numRuns: 1, seed: 7 })[0];
    expect({ status: 202, body: received }).toEqual({ status: 202, body: expect.toMatchContract("notification-roster") });
  });
});
