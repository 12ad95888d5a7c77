/** The observation model: how expectations compare, sets of accepted values, and what each version is held to. */
import { describe, expect, test } from "vitest";
import { compareObservation, describeExpected, EMPTY_OBSERVATION, expectationFor, type ExpectedObservation } from "../../src/harness/observation.js";
import { mismatchLines } from "../../src/harness/runner.js";
import { expectedOf } from "../../src/sequences/expectations.js";
import { loadNotifications, loadScenarios, loadSequences, sequenceProblems } from "../../src/sequences/load.js";
import type { Sequence } from "../../src/sequences/model.js";

const FAILED = { code: 500, subcode: 7000 };
const HUNG_UP = { code: 200, subcode: 5001 };
const observed = (fields: object) => ({ ...EMPTY_OBSERVATION, ...fields });

describe("comparing an observation with an expectation", () => {
  test("a set of accepted values passes any of them and fails anything else, saying which were accepted", () => {
    const expected: ExpectedObservation = { transfer: { anyOf: ["transferring", "failed"] } };
    expect(compareObservation(expected, observed({ transfer: "failed" }))).toEqual([]);
    expect(compareObservation(expected, observed({ transfer: "transferring" }))).toEqual([]);
    expect(mismatchLines(expected, observed({ transfer: "completed" }))).toEqual(['transfer: expected one of "transferring" | "failed", observed "completed"']);
  });

  test("a resultInfo compares on the properties expected, in any order, whatever else the implementation adds", () => {
    expect(compareObservation({ result: FAILED }, observed({ result: { subcode: 7000, code: 500 } }))).toEqual([]);
    expect(compareObservation({ result: FAILED }, observed({ result: { ...FAILED, message: "why" } }))).toEqual([]);
    expect(compareObservation({ result: { code: 0, subcode: null } }, observed({ result: { code: 0 } }))).toEqual([]);
    expect(mismatchLines({ result: FAILED }, observed({ result: { code: 500, subcode: null } }))).toEqual(['result: expected {"code":500,"subcode":7000}, observed {"code":500,"subcode":null}']);
    expect(mismatchLines({ result: FAILED }, observed({ result: { code: "500", subcode: "7000" } }))).toHaveLength(1);
    expect(mismatchLines({ result: null }, observed({ result: FAILED }))).toEqual(['result: expected null, observed {"code":500,"subcode":7000}']);
  });

  test("lists compare as sets; a missing field reads as null, and shows as missing when it matters", () => {
    expect(compareObservation({ participants: ["b", "a"] }, observed({ participants: ["a", "b"] }))).toEqual([]);
    expect(compareObservation({ transferResult: null }, { state: null })).toEqual([]);
    expect(mismatchLines({ transferResult: FAILED }, observed({ transferResult: undefined }))).toEqual(['transferResult: expected {"code":500,"subcode":7000}, observed "(missing)"']);
  });

  test("reports show a set of accepted values as such, any other value as JSON", () => {
    expect(describeExpected({ anyOf: ["completed", "accepted"] })).toBe('one of "completed" | "accepted"');
    expect(describeExpected(FAILED)).toBe('{"code":500,"subcode":7000}');
    expect(describeExpected({ anyOf: "x" })).toBe('{"anyOf":"x"}');
  });
});

describe("what each observation version is held to", () => {
  test("version 2: the expectation as written", () => {
    const expected: ExpectedObservation = { transfer: "failed", transferResult: FAILED, result: null };
    expect(expectationFor(expected, 2)).toBe(expected);
  });

  test("version 1: no transferResult; result is the termination's when there is one, otherwise the transfer's", () => {
    expect(expectationFor({ state: "established", transferResult: FAILED, result: null }, 1)).toEqual({ state: "established", result: FAILED });
    expect(expectationFor({ transferResult: { code: 0, subcode: 7015 }, result: { code: 0, subcode: 7015 } }, 1)).toEqual({ result: { code: 0, subcode: 7015 } });
    expect(expectationFor({ transferResult: FAILED, result: HUNG_UP }, 1)).toEqual({ result: HUNG_UP });
    expect(expectationFor({ transferResult: null, result: null }, 1)).toEqual({ result: null });
  });

  test("version 1: result is not checked when the expectation does not say enough to tell", () => {
    expect(expectationFor({ state: "established", result: null }, 1)).toEqual({ state: "established" });
    expect(expectationFor({ transferResult: FAILED }, 1)).toEqual({});
  });

  test("version 1: sets of accepted values carry over, merged", () => {
    expect(expectationFor({ transferResult: { anyOf: [FAILED, null] }, result: { anyOf: [null, HUNG_UP] } }, 1)).toEqual({ result: { anyOf: [FAILED, null, HUNG_UP] } });
    expect(expectationFor({ transferResult: HUNG_UP, result: { anyOf: [null, HUNG_UP] } }, 1)).toEqual({ result: HUNG_UP });
  });

  test("a sequence's v1 entry replaces fields for version 1 only", () => {
    const sequence = loadSequences().find((s) => s.id === "transfer-ends-while-transferring")!;
    expect(expectedOf(sequence, "end", 2)!.transfer).toEqual({ anyOf: ["transferring", "failed"] });
    expect(expectedOf(sequence, "end", 1)!.transfer).toEqual({ anyOf: ["transferring", "failed", "completed"] });
    expect(expectedOf(sequence, "end", 1)!.result).toEqual(HUNG_UP);
    expect(expectedOf(sequence, "transfer", 1)).toBeUndefined();
  });
});

describe("a sequence's expectations are checked before a run", () => {
  const scenarios = loadScenarios();
  const notifications = loadNotifications();
  const base = loadSequences().find((s) => s.id === "transfer-ends-while-transferring")!;
  const problems = (change: (s: Sequence) => void) => {
    const s = structuredClone(base);
    change(s);
    return sequenceProblems(s, scenarios, notifications);
  };

  test("the sequence as committed has none", () => {
    expect(problems(() => {})).toEqual([]);
  });

  test("a field the observation does not have, and a set of fewer than two values", () => {
    expect(problems((s) => { (s.end as Record<string, unknown>).transferOutcome = "failed"; })).toEqual(["end: transferOutcome is not a field of the observation"]);
    expect(problems((s) => { s.end.transfer = { anyOf: ["failed"] }; })).toEqual(["end: transfer accepts any of fewer than two values"]);
  });

  test("a v1 entry without its reason, or naming a step that expects nothing", () => {
    expect(problems((s) => { s.v1!.because = ""; })).toEqual(["v1 must say, in because, why protocol version 1 is held to something else"]);
    expect(problems((s) => { s.v1!.steps = { transfer: { transfer: "none" } }; })).toEqual(["v1 names step transfer, which expects nothing"]);
  });
});
