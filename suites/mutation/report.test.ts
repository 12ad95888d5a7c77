/** npm run mutation's verdict (mutation/report.ts): equivalents set aside, gaps counted, every survivor explained or the run fails. */
import { describe, expect, it } from "vitest";
import { summarize, type Equivalent, type StrykerReport } from "../../mutation/report.js";

const FILE = "implementations/reference/bot.ts";
const SOURCE = ["const a = x !== 201;", "const b = y ?? {};", "const c = z.sort();", "const d = w > 0;"].join("\n");
const at = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });

/** Four mutants: one killed, three survivors (lines 2, 3 and 4). */
function report(statusOfLine4 = "Survived"): StrykerReport {
  return {
    files: {
      [FILE]: {
        source: SOURCE,
        mutants: [
          { id: "1", mutatorName: "ConditionalExpression", replacement: "false", location: at(1, 11, 20), status: "Killed", killedBy: ["sequence.call-terminated"] },
          { id: "2", mutatorName: "LogicalOperator", replacement: "y && {}", location: at(2, 11, 18), status: "Survived" },
          { id: "3", mutatorName: "MethodExpression", replacement: "z", location: at(3, 11, 19), status: "Survived" },
          { id: "4", mutatorName: "EqualityOperator", replacement: "w >= 0", location: at(4, 11, 16), status: statusOfLine4 },
        ],
      },
    },
  };
}

const equivalent = (original: string, replacement: string, mutator: string, gap?: boolean): Equivalent => ({ file: FILE, mutator, original, replacement, reason: "because", ...(gap ? { gap } : {}) });
const ALL_EXPLAINED = [equivalent("y ?? {}", "y && {}", "LogicalOperator"), equivalent("z.sort()", "z", "MethodExpression"), equivalent("w > 0", "w >= 0", "EqualityOperator", true)];

describe("the mutation verdict", () => {
  it("sets equivalent mutants aside from the score, and keeps gaps in it", () => {
    const summary = summarize(report(), ALL_EXPLAINED, 40);
    expect(summary.score).toBe(25); // Stryker's: 1 detected of 4
    expect(summary.scoreWithoutEquivalents).toBe(50); // 1 of 2: the gap still counts
    expect(summary.total).toMatchObject({ detected: 1, survived: 3, equivalent: 2, gaps: 1 });
    expect(summary.problems).toEqual([]);
  });

  it("fails under the threshold, on the score with the equivalents set aside", () => {
    expect(summarize(report(), ALL_EXPLAINED, 60).problems).toEqual(["mutation score 50.00 % (equivalent mutants set aside) is under the threshold of 60 %"]);
  });

  it("fails on a survivor nobody explained, naming it", () => {
    const problems = summarize(report(), ALL_EXPLAINED.slice(0, 2), 0).problems;
    expect(problems).toEqual([expect.stringMatching(/^implementations\/reference\/bot\.ts:4 EqualityOperator "w > 0" -> "w >= 0": survived, and not listed in mutation\/equivalent\.json/)]);
  });

  it("fails on an entry whose mutant is now killed, or that matches none", () => {
    const problems = summarize(report("Killed"), [...ALL_EXPLAINED, equivalent("v", "u", "StringLiteral")], 0).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^gap .*"w > 0" -> "w >= 0": listed as a gap, but line 4 is Killed/),
      expect.stringMatching(/^equivalent .*"v" -> "u": matches no mutant/),
    ]);
  });
});
