/** writeReports on real runs (the reference bot and a faulty one): the folder, latest, and each file read back as its consumer would. */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/harness/run.js";
import { latencyLine } from "../../src/harness/latency.js";
import { REPORT_FILES, writeReports, type WrittenReports } from "../../src/reports/index.js";
import { checkKind } from "../../src/reports/model.js";
import { rootCausesOf } from "../../src/reports/root-causes.js";
import { RESULTS_SCHEMA_PATH, type ResultsV2 } from "../../src/reports/results-json.js";
import { runFolderName } from "../../src/reports/run-folder.js";
import { resultsValidator } from "./results-validator.js";
import { faultyRun, referenceRun, tempReportsRoot } from "./runs.js";
import { elementsNamed, parseXml } from "./xml.js";

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("writeReports on real runs", () => {
  const root = tempReportsRoot();
  let reference: RunResult;
  let faulty: RunResult;
  let written: { reference: WrittenReports; faulty: WrittenReports };

  beforeAll(async () => {
    reference = await referenceRun();
    faulty = await faultyRun();
    written = { reference: writeReports(reference, root), faulty: writeReports(faulty, root) };
  }, 180_000); // two full runs: about 26 s alone at a load average of 21 on 2 cores, over 30 s beside the other suites

  it("writes reports/<timestamp>-<adapter>/ with every file, next to the README", () => {
    expect(path.basename(written.reference.dir)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-reference$/);
    expect(path.basename(written.faulty.dir)).toMatch(/Z-faulty-bot$/);
    expect(written.reference.files).toEqual(REPORT_FILES.map((f) => path.join(written.reference.dir, f)));
    for (const file of written.faulty.files) expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(fs.readdirSync(root).sort()).toEqual(["README.md", "latest", path.basename(written.faulty.dir), path.basename(written.reference.dir)].sort());
  });

  it("keeps reports/latest a copy of the last run written", () => {
    const latest = path.join(root, "latest");
    expect(fs.lstatSync(latest).isDirectory()).toBe(true);
    for (const file of REPORT_FILES) expect(read(latest, file)).toBe(read(written.faulty.dir, file));
  });

  it("never overwrites a run: the same second and adapter gets a suffix", () => {
    const again = writeReports(reference, root);
    expect(again.dir).toBe(`${written.reference.dir}-2`);
    expect(read(again.dir, "results.json")).toBe(read(written.reference.dir, "results.json"));
    fs.rmSync(again.dir, { recursive: true });
  });

  it("junit.xml parses back, one testcase per check, failures where the run failed", () => {
    for (const [run, out] of [[reference, written.reference], [faulty, written.faulty]] as const) {
      const xml = parseXml(read(out.dir, "junit.xml"));
      const cases = elementsNamed(xml, "testcase");
      const key = (subject: string, kind: string) => `${subject} ${kind}`;
      expect(new Set(cases.map((c) => key(c.attributes.classname!, c.attributes.name!)))).toEqual(new Set(run.checks.map((c) => key(c.subject, checkKind(c)))));
      expect(cases).toHaveLength(run.checks.length);
      const failedIds = cases.filter((c) => elementsNamed(c, "failure").length > 0).map((c) => key(c.attributes.classname!, c.attributes.name!));
      expect(new Set(failedIds)).toEqual(new Set(run.checks.filter((c) => c.status === "failed").map((c) => key(c.subject, checkKind(c)))));
      expect(xml.attributes.failures).toBe(String(failedIds.length));
    }
    expect(reference.checks.length).toBeGreaterThan(300);
    expect(reference.checks.every((c) => c.status === "passed")).toBe(true);
  });

  it("results.json validates against the published schema, which is written next to it", () => {
    const validate = resultsValidator();
    for (const out of [written.reference, written.faulty]) {
      const results = JSON.parse(read(out.dir, "results.json")) as ResultsV2;
      expect(validate(results)).toEqual([]);
      expect(read(out.dir, results.$schema)).toBe(fs.readFileSync(RESULTS_SCHEMA_PATH, "utf8"));
    }
    const results = JSON.parse(read(written.faulty.dir, "results.json")) as ResultsV2;
    expect(results.adapter).toBe(`faulty <&"'> bot`);
    expect(results.totals.failed).toBe(faulty.checks.filter((c) => c.status === "failed").length);
  });

  it("summary.md names the root causes of the faulty bot (counting any it cuts) and the verdict of the reference", () => {
    const failing = faulty.checks.filter((c) => c.status === "failed");
    const groups = new Set(failing.map((c) => c.group));
    expect(groups).toEqual(new Set(["requests", "sequences", "deliveries"]));
    // Its defects are not the receiver's (the auth checks POST one notification at a time, which it answers): a receiver
    // check that does not pass is blocked by a sequence's root, never failed.
    const receiver = faulty.checks.filter((c) => c.group === "receiver" && c.status !== "passed");
    for (const c of receiver) expect(c).toMatchObject({ status: "blocked", blockedBy: expect.stringMatching(/^sequence\./) });
    const summary = read(written.faulty.dir, "summary.md");
    // Every root cause shown names its first 10 roots and counts the rest ("and N more"); causes cut to stay
    // under GitHub's comment limit are counted in the closing note, so nothing disappears without a word.
    const causes = rootCausesOf(faulty.checks).causes;
    expect(causes.flatMap((c) => c.roots).length).toBe(failing.length);
    const cut = /Cut to stay under GitHub's comment limit \(65 536 characters\): (\d+) root causes \(of (\d+)\)/.exec(summary);
    if (cut) expect(Number(cut[2])).toBe(causes.length);
    const shown = causes.slice(0, causes.length - Number(cut?.[1] ?? 0));
    expect(shown.length).toBeGreaterThan(0);
    for (const cause of shown) {
      for (const check of cause.roots.slice(0, 10)) expect(summary).toContain(`\`${check.id}\``);
      if (cause.roots.length > 10) expect(summary).toContain(`and ${cause.roots.length - 10} more`);
    }
    if (!cut) for (const check of failing) expect(summary).toContain(`\`${check.id}\``);
    expect(summary).toContain("MISMATCH participants: expected");
    expect(summary).toMatch(/replay: npx graph-calls-contract .*--seed 1/);
    expect(summary.length).toBeLessThanOrEqual(65_536);
    expect(read(written.reference.dir, "summary.md").split("\n")[0]).toBe(`## ✅ Conformance of \`reference\`: 0 failed, ${reference.checks.length} passed`);
  });

  it("every file gives the run's notification POST latency, the same figures in each (stdout's line too)", () => {
    const latency = reference.latency!;
    expect(latency.posts).toBeGreaterThan(10);
    const line = latencyLine(latency)!;
    expect(line).toBe(`latency: ${latency.posts} notification POSTs: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms (budget ${latency.budgetMs} ms each)`);
    const dir = written.reference.dir;
    expect(read(dir, "summary.md").split("\n").slice(0, 8)).toContain(line);
    expect(read(dir, "index.html")).toMatch(new RegExp(`<header[^]*<p class="latency">${line.replace(/[.()]/g, "\\$&")}</p>\n</header>`));
    const suites = elementsNamed(parseXml(read(dir, "junit.xml")), "testsuite");
    for (const suite of suites) {
      const properties = Object.fromEntries(elementsNamed(suite, "property").map((p) => [p.attributes.name, p.attributes.value]));
      expect(properties, suite.attributes.name).toMatchObject({ "latency.posts": String(latency.posts), "latency.p50Ms": String(latency.p50Ms), "latency.p99Ms": String(latency.p99Ms), "latency.maxMs": String(latency.maxMs), "latency.budgetMs": String(latency.budgetMs) });
    }
    expect((JSON.parse(read(dir, "results.json")) as ResultsV2).latency).toEqual(latency);
    expect((JSON.parse(read(dir, "ctrf.json")) as { results: { extra: { latency: unknown } } }).results.extra.latency).toEqual({ ...latency, line });
  });

  it("index.html marks every failing check of the faulty bot", () => {
    const html = read(written.faulty.dir, "index.html");
    for (const check of faulty.checks.filter((c) => c.status === "failed")) expect(html).toContain(`data-status="fail" data-check="${check.id}"`);
    expect(html).toContain("<code>faulty &lt;&amp;&quot;&#39;&gt; bot</code>");
  });
});

describe("run folders", () => {
  it("are named by UTC start time to the second and a path-safe adapter name", () => {
    expect(runFolderName({ startedAt: "2026-11-23T09:40:12.345Z", adapter: "reference" })).toBe("2026-11-23T09-40-12Z-reference");
    expect(runFolderName({ startedAt: "2026-11-23T10:40:12+01:00", adapter: "./bots/My Bot.js" })).toBe("2026-11-23T09-40-12Z-bots-My-Bot.js");
    expect(runFolderName({ startedAt: "2026-11-23T09:40:12Z", adapter: "../.." })).toBe("2026-11-23T09-40-12Z-adapter");
    expect(() => runFolderName({ startedAt: "yesterday", adapter: "x" })).toThrow(/startedAt "yesterday" is not a date/);
  });

  it("are created under a reports root that does not exist yet", () => {
    const root = path.join(tempReportsRoot(), "fresh", "reports");
    const out = writeReports({ adapter: "x", startedAt: "2026-11-23T09:40:12Z", durationMs: 0, seed: 0, runs: 0, checks: [] }, root);
    expect(fs.readdirSync(root).sort()).toEqual([path.basename(out.dir), "latest"].sort());
    expect(read(path.join(root, "latest"), "summary.md")).toContain("no checks ran");
  });

  it("say where they failed to write", () => {
    const root = tempReportsRoot();
    fs.writeFileSync(path.join(root, "blocked"), "a file where the root should be");
    expect(() => writeReports({ adapter: "x", startedAt: "2026-11-23T09:40:12Z", durationMs: 0, seed: 0, runs: 0, checks: [] }, path.join(root, "blocked"))).toThrow(/^reports: cannot create the reports folder .*blocked: /);
  });
});
