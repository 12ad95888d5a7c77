/** Known defects in every format: visible, not failures, and an unexpected pass is a failure. */
import { describe, expect, test } from "vitest";
import { applyKnownDefects } from "../../src/harness/known-defects.js";
import { renderHtml } from "../../src/reports/html.js";
import { renderJunit } from "../../src/reports/junit.js";
import { renderSummaryMarkdown } from "../../src/reports/markdown.js";
import { toResultsV2 } from "../../src/reports/results-json.js";
import { elementsNamed, parseXml } from "./xml.js";
import { resultsValidator } from "./results-validator.js";
import { FAILING, sampleRun } from "./sample-run.js";

const REASON = "the SDK's serializer drops joinMeetingId (known since 1.0.0-preview.90)";

function runWithKnownDefect() {
  const run = sampleRun();
  run.checks = applyKnownDefects(run.checks, [{ checks: FAILING.request, reason: REASON }]);
  return run;
}

describe("applyKnownDefects", () => {
  const run = sampleRun();

  test("a failing check a defect names becomes known, with the reason", () => {
    const [known] = applyKnownDefects(run.checks, [{ checks: FAILING.request, reason: REASON }]).filter((c) => c.id === FAILING.request);
    expect(known).toMatchObject({ status: "known", knownDefect: REASON });
  });

  test("a passing check a defect names fails as an unexpected pass", () => {
    const passing = run.checks.find((c) => c.status === "passed")!;
    const [after] = applyKnownDefects(run.checks, [{ checks: passing.id, reason: REASON }]).filter((c) => c.id === passing.id);
    expect(after!.status).toBe("failed");
    expect(after!.message).toMatch(/^unexpected pass: this known defect no longer happens/);
  });

  test("an entry that matches only blocked checks fails, naming the root to list instead", () => {
    const blocked = run.checks.find((c) => c.status === "blocked")!;
    const after = applyKnownDefects(run.checks, [{ checks: blocked.id, reason: REASON }]);
    expect(after.find((c) => c.id === blocked.id)).toMatchObject({ status: "blocked", knownDefect: REASON });
    expect(after.at(-1)).toMatchObject({ id: `known-defects/${blocked.id}`, status: "failed", message: expect.stringContaining(`blocked by ${blocked.blockedBy}`) });
  });

  test("an entry that matches no check fails, unless the run was partial", () => {
    const entry = { checks: "create-call.v9.ex99/*", reason: REASON };
    expect(applyKnownDefects(run.checks, [entry]).at(-1)).toMatchObject({ id: "known-defects/create-call.v9.ex99/*", status: "failed" });
    expect(applyKnownDefects(run.checks, [entry], true)).toHaveLength(run.checks.length);
  });
});

describe("reports", () => {
  const run = runWithKnownDefect();

  test("results.json: status known, the reason, and counted apart; it validates", () => {
    const results = toResultsV2(run);
    expect(results.checks.find((c) => c.id === FAILING.request)).toMatchObject({ status: "known", knownDefect: REASON });
    expect(results.totals.known).toBe(1);
    expect(resultsValidator()(JSON.parse(JSON.stringify(results)))).toEqual([]);
  });

  test("junit.xml: a skipped test case carrying the reason, not a failure", () => {
    const root = parseXml(renderJunit(run));
    const testcase = elementsNamed(root, "testcase").find((t) => `${t.attributes.classname}/${t.attributes.name}` === FAILING.request)!;
    expect(elementsNamed(testcase, "failure")).toHaveLength(0);
    expect(elementsNamed(testcase, "skipped")[0]!.attributes.message).toContain(REASON);
  });

  test("summary.md and index.html list it under known defects with its reason", () => {
    expect(renderSummaryMarkdown(run)).toContain("Known defects");
    expect(renderSummaryMarkdown(run)).toContain(REASON);
    const html = renderHtml(run);
    expect(html).toContain('id="known-defects"');
    expect(html).toMatch(new RegExp(`<li class="check known" data-status="known"><code>${FAILING.request.replace(/[.]/g, "\\.")}</code>`));
  });
});
