/** junit.xml from the hand-made run: structure CI reporters read, failure evidence, escaping. */
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/reports/junit.js";
import { visibleControls } from "../../src/reports/text.js";
import { FAILING, NASTY_MESSAGE, sampleRun } from "./sample-run.js";
import { elementsNamed, parseXml } from "./xml.js";

const run = sampleRun();

describe("junit.xml", () => {
  const xml = renderJunit(run);
  const root = parseXml(xml);
  const cases = elementsNamed(root, "testcase");

  it("is well-formed, with totals on the root", () => {
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toMatchObject({ tests: "12", failures: "5", errors: "1", skipped: "1", time: "2.345", timestamp: run.startedAt });
  });

  it("has one testsuite per group and subject, named group/subject, counting its own cases", () => {
    const suites = elementsNamed(root, "testsuite");
    expect(suites.map((s) => s.attributes.name)).toEqual(["requests/create-call.v1.0.ex01", "requests/call-transfer.v1.0.ex01", "sequences/delta-roster", "sequences/call-terminated", "deliveries/delta-roster", "deliveries/call-terminated"]);
    expect(suites[0]!.attributes).toMatchObject({ tests: "4", failures: "2", skipped: "1" });
    const properties = Object.fromEntries(elementsNamed(suites[4]!, "property").map((p) => [p.attributes.name, p.attributes.value]));
    expect(properties).toEqual({ group: "deliveries", adapter: "sample-bot", seed: "42", runs: "25" });
  });

  it("has one testcase per check: classname = subject, name = id, a time", () => {
    expect(cases.map((c) => c.attributes.name)).toEqual(run.checks.map((c) => c.id));
    expect(cases.every((c, i) => c.attributes.classname === run.checks[i]!.subject && c.attributes.time === "0.012")).toBe(true);
  });

  it("puts the message in the failure and the evidence, timeline and replay in its text", () => {
    const failure = (id: string) => elementsNamed(cases.find((c) => c.attributes.name === id)!, "failure")[0]!;
    expect(failure(FAILING.request).attributes).toEqual({ message: "no Authorization header", type: "http.authorization" });
    expect(failure(FAILING.sequence).text).toContain('POST 2: delta-1 -> 202; MISMATCH participants: expected ["p-1"], observed []');
    const delivery = failure(FAILING.delivery).text;
    expect(delivery).toContain("seed: 1234");
    expect(delivery).toContain("replay: npx graph-calls-contract conformance --only delivery.delta-roster --seed 1234");
    expect(delivery).toContain("POST 1: [established + delta-1 + delta-2] (batch) -> 202");
    expect(cases.filter((c) => c.children.length > 0)).toHaveLength(7); // 5 failures, an error, a blocked check
  });

  it("escapes markup and shows the characters XML forbids", () => {
    const nasty = elementsNamed(cases.find((c) => c.attributes.name === FAILING.nasty)!, "failure")[0]!;
    expect(nasty.attributes.message).toBe(visibleControls(NASTY_MESSAGE));
    expect(nasty.text).toContain(`message: ${visibleControls(NASTY_MESSAGE)}`);
    expect(nasty.text).toContain("/tenantId: must be a valid uuid <format>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
