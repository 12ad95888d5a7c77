/**
 * The rules of `diff`, pinned by schema edits: each case in suites/diff/cases/ lists every change
 * the diff must report, its classification, and whether a witness must exist. Every witness found
 * is checked again against freshly compiled schemas of both sides. A new case is a new folder.
 */
import { describe, expect, it } from "vitest";
import { Contract } from "../../src/contract/validator.js";
import { FixturePool } from "../../src/diff/fixture-pool.js";
import { diffSchemas, type ClassifiedChange } from "../../src/diff/index.js";
import { isBreaking } from "../../src/diff/model.js";
import { FIXTURES_DIR } from "../../src/util/paths.js";
import { listCases, type ExpectedChange } from "./cases.js";

const fixtures = FixturePool.load(FIXTURES_DIR, "fixtures");
const cases = listCases();

function observed(change: ClassifiedChange): ExpectedChange {
  return { schema: change.schema, kind: change.kind, pointer: change.pointer, classification: change.classification, witness: change.witness !== undefined };
}

const byKey = (a: ExpectedChange, b: ExpectedChange) => `${a.schema} ${a.pointer} ${a.kind}`.localeCompare(`${b.schema} ${b.pointer} ${b.kind}`);

describe("diff cases", () => {
  it("there are at least 20 cases, each with a description and at least one expected change", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      expect(c.description, c.name).not.toBe("");
      expect(c.changes.length, c.name).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, diffCase) => {
    const { before, after, dispose } = diffCase.materialize();
    try {
      const report = diffSchemas({ spec: "before", dir: before }, { spec: "after", dir: after }, { fixtures, runs: 100, seed: 1, budgetMs: 4000, acknowledgements: [] });
      const expected = diffCase.changes.map(({ witnessFrom: _from, witnessRule: _rule, ...rest }) => rest);
      expect(report.changes.map(observed).sort(byKey)).toEqual([...expected].sort(byKey));

      const sides = { old: Contract.load(before), new: Contract.load(after) };
      for (const change of report.changes) {
        const wanted = diffCase.changes.find((c) => c.schema === change.schema && c.pointer === change.pointer && c.kind === change.kind)!;
        if (wanted.witnessFrom) expect(change.witness?.origin, `${change.schema} ${change.pointer}`).toBe(wanted.witnessFrom);
        if (wanted.witnessRule) expect(change.witness?.errors.map((e) => e.rule), `${change.schema} ${change.pointer}`).toEqual(change.witness?.errors.map(() => wanted.witnessRule));
        // A breaking change says why it has no witness; others need none.
        if (isBreaking(change.classification) && !change.witness) expect(change.noWitness).toMatch(/\S/);
        if (!change.witness) continue;
        const { direction, schema, payload, errors } = change.witness;
        const [accepting, rejecting] = direction === "old-valid-new-invalid" ? [sides.old, sides.new] : [sides.new, sides.old];
        expect(accepting.validate(schema, payload).valid, `${change.schema} ${change.pointer}: the witness is valid where it should be`).toBe(true);
        if (rejecting.names().includes(schema)) {
          const verdict = rejecting.validate(schema, payload);
          expect(verdict.valid).toBe(false);
          for (const error of errors) expect(verdict.errors).toContainEqual(error);
        } else {
          expect(change.kind).toBe("schema-removed");
        }
      }
    } finally {
      dispose();
    }
  }, 180_000); // a hang bound: 11 s at load 10 on two cores
});
