/** junit.xml from the hand-made run: structure CI reporters read, failure evidence, escaping. */
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/reports/junit.js";
import { checkKind } from "../../src/reports/model.js";
import { visibleControls } from "../../src/reports/text.js";
import { FAILING, NASTY_MESSAGE, SAMPLE_LATENCY, sampleRun } from "./sample-run.js";
import { elementsNamed, parseXml } from "./xml.js";

const run = sampleRun();
const LATENCY_PROPERTIES = ["latency.posts", "latency.p50Ms", "latency.p99Ms", "latency.maxMs", "latency.budgetMs", "latency.overBudget"];

describe("junit.xml", () => {
  const xml = renderJunit(run);
  const root = parseXml(xml);
  const cases = elementsNamed(root, "testcase");
  /** A check's test case: classname = its subject, name = its kind. */
  const caseOf = (id: string) => {
    const check = run.checks.find((c) => c.id === id)!;
    return cases.find((c) => c.attributes.classname === check.subject && c.attributes.name === checkKind(check))!;
  };

  it("is well-formed, with totals on the root", () => {
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toMatchObject({ tests: "12", failures: "5", errors: "1", skipped: "1", time: "2.345", timestamp: run.startedAt });
  });

  it("leads with a 'root causes' suite of the roots, then one testsuite per group and subject with the rest, counting its own cases", () => {
    const suites = elementsNamed(root, "testsuite");
    expect(suites.map((s) => s.attributes.name)).toEqual(["root causes", "requests/create-call.v1.0.ex01", "requests/call-transfer.v1.0.ex01", "sequences/delta-roster", "sequences/call-terminated", "deliveries/call-terminated"]);
    expect(suites[0]!.attributes).toMatchObject({ tests: "6", failures: "5", errors: "1", skipped: "0" });
    expect(elementsNamed(suites[0]!, "testcase").map((c) => `${c.attributes.classname} ${c.attributes.name}`)[0]).toBe("create-call.v1.0.ex01 http.authorization"); // the cause that blocks a check comes first
    const causes = elementsNamed(suites[0]!, "property").map((p) => p.attributes.name);
    expect(causes).toEqual(["root cause 1", "root cause 2", "root cause 3", "root cause 4", "root cause 5", "root cause 6", ...LATENCY_PROPERTIES]);
    expect(suites[1]!.attributes).toMatchObject({ tests: "2", failures: "0", skipped: "1" });
    const properties = Object.fromEntries(elementsNamed(suites[5]!, "property").map((p) => [p.attributes.name, p.attributes.value]));
    expect(properties).toEqual({ group: "deliveries", adapter: "sample-bot", seed: "42", runs: "25", "latency.posts": "9", "latency.p50Ms": "12", "latency.p99Ms": "140", "latency.maxMs": "140", "latency.budgetMs": "3000", "latency.overBudget": "0" });
  });

  it("gives every testsuite the notification POSTs' latency as properties, and none when nothing was POSTed", () => {
    const names = (xml: string) => elementsNamed(parseXml(xml), "testsuite").map((s) => elementsNamed(s, "property").map((p) => p.attributes.name).filter((n) => n!.startsWith("latency.")));
    expect(names(renderJunit(run)).every((n) => n.join() === LATENCY_PROPERTIES.join())).toBe(true);
    const quiet = names(renderJunit({ ...run, latency: { ...SAMPLE_LATENCY, posts: 0 } }));
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.flat()).toEqual([]);
  });

  it("has one testcase per check, once: classname = subject, name = the kind (not repeating the class), a time", () => {
    expect(cases).toHaveLength(run.checks.length);
    for (const check of run.checks) expect(caseOf(check.id), check.id).toBeDefined();
    expect(new Set(cases.map((c) => `${c.attributes.classname} ${c.attributes.name}`)).size).toBe(cases.length);
    expect(cases.every((c) => c.attributes.time === "0.012" && !c.attributes.name!.includes(c.attributes.classname!))).toBe(true);
  });

  it("skips a blocked check naming the check and the root cause that blocked it", () => {
    const skipped = elementsNamed(caseOf("create-call.v1.0.ex01/result.call-id"), "skipped")[0]!;
    expect(skipped.attributes.message).toBe(`blocked by ${FAILING.request} (root cause 1: http.authorization): Graph answered 401: no Authorization header`);
  });

  it("puts the message in the failure and the evidence, timeline and replay in its text", () => {
    const failure = (id: string) => elementsNamed(caseOf(id), "failure")[0]!;
    expect(failure(FAILING.request).attributes).toEqual({ message: "root cause 1: no Authorization header", type: "http.authorization" });
    expect(failure(FAILING.request).text).toContain("root cause 1: http.authorization: no Authorization header (1 check failed, 1 blocked)");
    expect(failure(FAILING.sequence).text).toContain('POST 2: delta-1 -> 202; MISMATCH participants: expected ["p-1"], observed []');
    const delivery = failure(FAILING.delivery).text;
    expect(delivery).toContain("seed: 1234");
    expect(delivery).toContain("replay: npx graph-calls-contract conformance --only delivery.delta-roster --seed 1234");
    expect(delivery).toContain("POST 1: [established + delta-1 + delta-2] (batch) -> 202");
    expect(cases.filter((c) => c.children.length > 0)).toHaveLength(7); // 5 failures, an error, a blocked check
  });

  it("escapes markup and shows the characters XML forbids", () => {
    const nasty = elementsNamed(caseOf(FAILING.nasty), "failure")[0]!;
    expect(nasty.attributes.message).toMatch(new RegExp(`^root cause \\d: ${visibleControls(NASTY_MESSAGE).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(nasty.text).toContain(`message: ${visibleControls(NASTY_MESSAGE)}`);
    expect(nasty.text).toContain("/tenantId: must be a valid uuid <format>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});
