/**
 * The cascade case, in every format: one bug (mediaConfig without @odata.type) is one root
 * cause, at the top of stdout, summary.md, index.html, junit.xml, results.json and ctrf.json, with
 * the request the bot sent and the checks it blocked folded under it. The token never appears.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { UNHURRIED } from "../hang-detectors.js";
import { ACCESS_TOKEN, runConformance, type RunResult } from "../../src/harness/run.js";
import { renderConsoleSummary } from "../../src/reports/console.js";
import { renderCtrf } from "../../src/reports/ctrf.js";
import { githubAnnotations, appendJobSummary } from "../../src/reports/github.js";
import { renderHtml } from "../../src/reports/html.js";
import { renderJunit } from "../../src/reports/junit.js";
import { renderSummaryMarkdown } from "../../src/reports/markdown.js";
import { renderResultsJson } from "../../src/reports/results-json.js";
import { variant as mediaConfigWithoutOdataType } from "../../implementations/faulty/media-config-without-odata-type.js";
import { tempReportsRoot } from "./runs.js";

const DIAGNOSIS = '/mediaConfig/@odata.type: missing "@odata.type"';

let result: RunResult;
let failedCount: number;
let blockedCount: number;
beforeAll(async () => {
  result = await runConformance({ adapter: mediaConfigWithoutOdataType, adapterName: mediaConfigWithoutOdataType.id, seed: 1, runs: 2, ...UNHURRIED });
  failedCount = result.checks.filter((c) => c.status === "failed").length;
  blockedCount = result.checks.filter((c) => c.status === "blocked").length;
}, 120_000);

const before = (text: string, first: string, second: string) => {
  const a = text.indexOf(first);
  const b = text.indexOf(second);
  expect(a, `${first} is missing`).toBeGreaterThanOrEqual(0);
  expect(b, `${second} is missing`).toBeGreaterThanOrEqual(0);
  expect(a, `${first} comes before ${second}`).toBeLessThan(b);
};

describe("one bug, one root cause, at the top of every format", () => {
  it("times each check on its own: a blocked check was not judged (0), http.sent carries the bot's call", () => {
    expect(result.checks.filter((c) => c.status === "blocked").every((c) => c.durationMs === 0)).toBe(true);
    const sent = result.checks.find((c) => c.id === "create-call.v1.0.ex01/http.sent")!;
    expect(sent.durationMs).toBeGreaterThan(0);
    // The times differ from check to check (they used to be the subject's time, copied to each).
    const times = new Set(result.checks.filter((c) => c.subject === "create-call.v1.0.ex01").map((c) => c.durationMs));
    expect(times.size).toBeGreaterThan(1);
  });

  it("the run has several roots and many blocked checks: a cascade to fold", () => {
    expect(failedCount).toBeGreaterThan(1);
    expect(blockedCount).toBeGreaterThan(100);
    expect(result.checks.filter((c) => c.status === "error")).toEqual([]);
  });

  it("stdout: the root cause first, with the request the bot sent, then the counts and the summary line", () => {
    const lines = renderConsoleSummary(result);
    expect(lines[0]).toBe("Root causes (1), the one that explains the most checks first:");
    expect(lines[1]).toContain(`1. schema: ${DIAGNOSIS}`);
    expect(lines[1]).toContain(`(${failedCount} checks failed, ${blockedCount} blocked)`);
    const text = lines.join("\n");
    expect(text).toMatch(/blocked \(\d+ requests, \d+ sequences, \d+ deliveries(, \d+ receiver)?\)/);
    expect(text).toContain("The request the bot sent (create-call.v1.0.ex01/schema):");
    expect(text).toContain("POST /communications/calls -> Graph answered 400");
    expect(text).toContain('"mediaConfig": {');
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d+ passed, ${failedCount} failed \\(1 root cause\\), ${blockedCount} blocked by them in `));
    // The cascade no longer prints a line per failing check: the whole summary stays short.
    expect(lines.length).toBeLessThan(80);
  });

  it("summary.md: the root cause before the counts, the failing checks before the passing tables", () => {
    const md = renderSummaryMarkdown(result);
    before(md, "### Root causes (1)", "| group | checks |");
    before(md, "#### ❌ 1. `schema`: /mediaConfig/", "| group | checks |");
    before(md, '"mediaConfig": {', "### Failing checks");
    before(md, "### Failing checks", "### ❌ Requests:");
    expect(md).toMatch(new RegExp(`<details><summary>${blockedCount} blocked: \\d+ requests, \\d+ sequences, \\d+ deliveries(, \\d+ receiver)?</summary>`));
    expect((md.match(/^#### ❌ \d+\. /gm) ?? []).length).toBe(1);
    expect(md).not.toContain(ACCESS_TOKEN);
  });

  it("index.html: the root causes section before the matrix, with the body open and the blocked checks folded", () => {
    const html = renderHtml(result);
    before(html, '<section id="root-causes"><h2>Root causes (1)</h2>', '<section id="matrix">');
    expect((html.match(/<article class="root-cause /g) ?? []).length).toBe(1);
    expect(html).toMatch(/<details class="evidence" open><summary>The request the bot sent<\/summary><pre>POST \/communications\/calls -&gt; Graph answered 400/);
    expect(html).toMatch(new RegExp(`<details class="blocked-list"><summary>${blockedCount} blocked: `));
    expect(html).not.toContain(ACCESS_TOKEN);
  });

  it("junit.xml: the roots first in a 'root causes' suite, the blocked checks skipped naming their root and cause", () => {
    const xml = renderJunit(result);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
    expect(suites[0]).toBe("root causes");
    expect(xml).toContain(`<property name="root cause 1" value="schema: ${DIAGNOSIS.replace(/"/g, "&quot;")}`);
    const rootSuite = xml.slice(xml.indexOf('<testsuite name="root causes"'), xml.indexOf("</testsuite>"));
    expect((rootSuite.match(/<failure /g) ?? []).length).toBe(failedCount);
    expect(rootSuite).toContain('<testcase classname="create-call.v1.0.ex01" name="schema" time="');
    expect(rootSuite).toContain('file="fixtures/scenarios/create-call.v1.0.ex01.json"');
    expect(rootSuite).toContain("The request the bot sent:");
    expect((xml.match(/<skipped message="blocked by [^"]+ \(root cause 1: schema\): /g) ?? []).length).toBe(blockedCount);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(result.checks.length);
    // No test case name repeats its class.
    // (receiver.latency's kind names its group, which is also its subject.)
    for (const m of xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)) if (m[2] !== "receiver.latency") expect(m[2]!.includes(m[1]!), m[0]).toBe(false);
  });

  it("results.json: rootCauses before the checks, naming the roots and what they blocked", () => {
    const json = renderResultsJson(result);
    before(json, '"rootCauses": [', '"checks": [');
    const parsed = JSON.parse(json) as { rootCauses: Array<{ kind: string; diagnosis: string; roots: string[]; blocked: string[] }> };
    expect(parsed.rootCauses).toHaveLength(1);
    expect(parsed.rootCauses[0]!.kind).toBe("schema");
    expect(parsed.rootCauses[0]!.diagnosis.startsWith(DIAGNOSIS)).toBe(true);
    expect(parsed.rootCauses[0]!.roots).toEqual(result.checks.filter((c) => c.status === "failed").map((c) => c.id));
    expect(parsed.rootCauses[0]!.blocked).toHaveLength(blockedCount);
  });

  it("ctrf.json: a CTRF report whose summary counts the checks, the roots first, the root cause in results.extra", () => {
    const report = JSON.parse(renderCtrf(result)) as {
      reportFormat: string; specVersion: string;
      results: { tool: { name: string }; summary: { tests: number; passed: number; failed: number; skipped: number; pending: number; other: number; start: number; stop: number }; tests: Array<{ name: string; status: string; rawStatus: string; duration: number; message?: string; trace?: string; filePath?: string; suite: string[] }>; extra: { rootCauses: unknown[] } };
    };
    expect([report.reportFormat, report.specVersion, report.results.tool.name]).toEqual(["CTRF", "0.0.0", "graph-calls-contract"]);
    const { summary, tests } = report.results;
    expect(summary.tests).toBe(result.checks.length);
    expect(summary.failed).toBe(failedCount);
    expect(summary.skipped).toBe(blockedCount);
    expect(summary.passed + summary.failed + summary.skipped + summary.pending + summary.other).toBe(summary.tests);
    expect(summary.stop).toBeGreaterThanOrEqual(summary.start);
    expect(tests.slice(0, failedCount).every((t) => t.status === "failed" && t.rawStatus === "failed")).toBe(true);
    expect(tests[0]!.trace).toContain('"mediaConfig": {');
    expect(tests[0]!.filePath).toBe("fixtures/scenarios/create-call.v1.0.ex01.json");
    expect(tests.every((t) => ["passed", "failed", "skipped", "pending", "other"].includes(t.status) && Number.isInteger(t.duration) && t.suite.length === 2)).toBe(true);
    expect(tests.filter((t) => t.status === "skipped").every((t) => /^blocked by .+ \(root cause 1\): /.test(t.message ?? ""))).toBe(true);
    expect(report.results.extra.rootCauses).toHaveLength(1);
  });

  it("GitHub Actions: one error annotation per root cause, on its first root's fixture; the summary appended to the job summary", () => {
    const annotations = githubAnnotations(result);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=fixtures\/scenarios\/create-call\.v1\.0\.ex01\.json,title=root cause 1%3A schema%3A \/mediaConfig\/@odata\.type%3A missing/);
    expect(annotations[0]).toMatch(/::create-call\.v1\.0\.ex01\/schema: .*%0Aand \d+ more: /);
    expect(annotations[0]).not.toMatch(/\n/);
    const root = tempReportsRoot();
    const file = path.join(root, "step-summary.md");
    fs.writeFileSync(file, "earlier step\n");
    expect(appendJobSummary("## summary", file)).toBeUndefined();
    expect(fs.readFileSync(file, "utf8")).toBe("earlier step\n## summary\n");
    expect(appendJobSummary("x", path.join(root, "no-such-dir", "f"))).toMatch(/^cannot append to the job summary .*no-such-dir/);
  });
});
