/** results.json from the hand-made run: valid against its schema, complete, and the schema strict enough to catch drift. */
import { describe, expect, it } from "vitest";
import { renderResultsJson, RESULTS_SCHEMA_VERSION, type ResultsV2 } from "../../src/reports/results-json.js";
import { resultsValidator } from "./results-validator.js";
import { BLOCKED, ERRORED, FAILING, NASTY_MESSAGE, sampleRun } from "./sample-run.js";

const run = sampleRun();

describe("results.json", () => {
  const text = renderResultsJson(run);
  const results = JSON.parse(text) as ResultsV2;

  it("validates against results.schema.json", () => {
    expect(resultsValidator()(results)).toEqual([]);
  });

  it("carries the version, the run, totals per group and every check with its kind", () => {
    expect(results).toMatchObject({ $schema: "results.schema.json", schemaVersion: RESULTS_SCHEMA_VERSION, adapter: "sample-bot", seed: 42, runs: 25, durationMs: 2345 });
    expect(results.tool.name).toBe("graph-calls-contract");
    const counts = (checks: number, passed: number, failed: number, errors = 0, blocked = 0) => ({ checks, passed, failed, errors, blocked, known: 0 });
    expect(results.totals).toEqual(counts(12, 5, 5, 1, 1));
    expect(results.groups).toEqual({ run: counts(0, 0, 0), requests: counts(5, 2, 2, 0, 1), sequences: counts(5, 2, 2, 1), deliveries: counts(2, 1, 1), receiver: counts(0, 0, 0) });
    expect(results.checks.map((c) => c.kind)).toEqual(["http.sent", "http.authorization", "schema", "result.call-id", "http.sent", "step.established", "step.delta-1", "acks", "end", "acks", "delivery", "delivery"]);
    expect(results.checks.find((c) => c.id === BLOCKED)).toMatchObject({ status: "blocked", blockedBy: FAILING.request });
    expect(results.checks.find((c) => c.id === ERRORED)).toMatchObject({ status: "error", errorKind: "timeout" });
    const delivery = results.checks.find((c) => c.id === FAILING.delivery)!;
    expect(delivery).toMatchObject({ seed: 1234, replay: expect.stringContaining("--seed 1234"), timeline: [expect.objectContaining({ steps: ["established", "delta-1", "delta-2"] }), expect.anything(), expect.anything(), expect.objectContaining({ status: null })] });
  });

  it("keeps messages exactly (JSON escapes what it must)", () => {
    expect(results.checks.find((c) => c.id === FAILING.nasty)!.message).toBe(NASTY_MESSAGE);
  });

  it("keeps an observation key named __proto__ (issue 13: it disappeared from results.json)", () => {
    const hostile = sampleRun();
    const sequence = hostile.checks.find((c) => c.id === FAILING.sequence)!;
    sequence.timeline = [{ ...sequence.timeline![0]!, observed: JSON.parse('{"__proto__":{"state":"hijacked"},"state":"established"}') as Record<string, unknown> }];
    const written = (JSON.parse(renderResultsJson(hostile)) as ResultsV2).checks.find((c) => c.id === FAILING.sequence)!;
    expect(Object.keys(written.timeline![0]!.observed as object)).toEqual(["__proto__", "state"]);
  });

  it("is rejected by the schema when a field is missing, mistyped or unknown", () => {
    const validate = resultsValidator();
    const broken = (change: (r: Record<string, unknown> & { checks: Array<Record<string, unknown>> }) => void) => {
      const copy = JSON.parse(text);
      change(copy);
      return validate(copy);
    };
    expect(broken((r) => { delete r.schemaVersion; })).not.toEqual([]);
    expect(broken((r) => { r.schemaVersion = 1; })).not.toEqual([]);
    expect(broken((r) => { delete r.checks[1]!.message; })).not.toEqual([]); // a failure says why
    expect(broken((r) => { r.checks[0]!.status = "skipped"; })).not.toEqual([]);
    expect(broken((r) => { r.checks[0]!.extra = 1; })).not.toEqual([]);
    const at = (id: string) => (r: { checks: Array<Record<string, unknown>> }) => r.checks.find((c) => c.id === id)!;
    expect(broken((r) => { delete at(BLOCKED)(r).blockedBy; })).not.toEqual([]); // blocked says by what
    expect(broken((r) => { at(FAILING.request)(r).blockedBy = BLOCKED; })).not.toEqual([]); // only blocked checks are
    expect(broken((r) => { delete at(ERRORED)(r).errorKind; })).not.toEqual([]); // an error says what kind
    expect(broken((r) => { at(ERRORED)(r).errorKind = "oops"; })).not.toEqual([]);
  });
});
