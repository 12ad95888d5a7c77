/**
 * run --shard and merge-reports refuse what would give a verdict nobody can trust, each with an
 * error naming what is wrong (exit 2): a malformed shard, shards without one seed, a shard missing or
 * given twice, shards of different runs, files that are not shards' results. And the split itself:
 * every scenario and sequence in exactly one shard, by its id alone.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mergeLatency, summarizeLatency } from "../../src/harness/latency.js";
import { MAX_SHARDS, parseShard, shardOfUnit } from "../../src/harness/shard.js";
import { loadScenarios, loadSequences } from "../../src/sequences/load.js";
import { run } from "../cli/helpers.js";
import { tempDir } from "./shards.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const ONLY = "create-call.v1.0.ex0[1-6],sequence.transfer-*";

describe("run --shard", () => {
  it.each(["0/3", "4/3", "1/0", "a/b", "2", "1/3/4", `1/${MAX_SHARDS + 1}`, " /3"])("refuses %j", async (shard) => {
    const r = await run(["run", "--shard", shard, "--seed", "1", "--runs", "0", "--only", ONLY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS}, e.g. 2/3 (got ${JSON.stringify(shard)})`);
  });

  it("needs --seed, so every shard runs the same one", async () => {
    const r = await run(["run", "--shard", "1/2", "--runs", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shard needs --seed: every shard of a run must run the same seed");
  });

  it("is not for the proof", async () => {
    const r = await run(["run", "--shard", "1/2", "--seed", "3", "--prove"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--shard and --prove are exclusive");
  });

  it("splits by id alone: every scenario and sequence in exactly one shard, whatever the order", () => {
    const units = [...loadScenarios(), ...loadSequences()].map((s) => s.id);
    for (let total = 1; total <= 7; total++) {
      const split = (ids: string[]) => ids.map((id) => `${id}:${shardOfUnit(id, total)}`).sort();
      expect(split([...units].reverse())).toEqual(split(units));
      for (const id of units) expect(shardOfUnit(id, total)).toBeGreaterThanOrEqual(1);
      for (const id of units) expect(shardOfUnit(id, total)).toBeLessThanOrEqual(total);
      // No shard of 3 is empty over the contract's subjects (a hash that ignored the id would put all in one).
      if (total === 3) expect(new Set(units.map((id) => shardOfUnit(id, 3)))).toEqual(new Set([1, 2, 3]));
    }
    expect(parseShard("2/3")).toEqual({ index: 2, total: 3 });
  });
});

describe("merge-reports refuses", () => {
  const root = tempDir();
  const shard = (name: string) => path.join(root, name);
  const results = (name: string) => path.join(shard(name), "latest", "results.json");
  const edit = (from: string, to: string, change: (r: Record<string, any>) => void) => {
    fs.cpSync(shard(from), shard(to), { recursive: true });
    const data = JSON.parse(fs.readFileSync(results(to), "utf8"));
    change(data);
    fs.writeFileSync(results(to), JSON.stringify(data));
  };
  const merge = (...args: string[]) => run(["merge-reports", ...args.map(shard), "--out", shard("merged")]);

  beforeAll(async () => {
    for (const [name, extra] of [["1", ["--shard", "1/2"]], ["2", ["--shard", "2/2"]], ["whole", []]] as const) {
      // Each must pass: a step that only detects hangs, so that none times out on a loaded machine.
      const r = await run(["run", "--seed", "11", "--runs", "0", "--only", ONLY, "--step-timeout", String(STEP_TIMEOUT_MS), "--reports", shard(name), ...extra]);
      expect(r.code, r.stderr).toBe(0);
      // A shard's summary says it is one, and what joins it.
      if (name === "whole") expect(r.stdout).not.toMatch(/^shard /m);
      else expect(r.stdout).toContain(`shard ${name}/2 of the run: graph-calls-contract merge-reports joins the shards' reports into the whole run's`);
    }
    edit("2", "2-seed-12", (r) => (r.seed = 12));
    edit("2", "2-runs-5", (r) => (r.runs = 5));
    edit("2", "2-other-only", (r) => (r.shard.only = "create-call.*"));
    edit("2", "2-of-3", (r) => (r.shard.total = 3));
    edit("2", "2-other-contract", (r) => (r.shard.plan = "0123456789abcdef"));
    edit("2", "2-bad", (r) => delete r.checks);
    edit("2", "2-steals", (r) => {
      const other = JSON.parse(fs.readFileSync(results("1"), "utf8"));
      r.checks.push(other.checks.find((c: { group: string }) => c.group === "requests"));
    });
  }, 60_000);

  it("an option it does not have, after a --help that lists the ones it has", async () => {
    const help = await run(["merge-reports", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: graph-calls-contract merge-reports <shard>\.\.\. \[--out <dir>\]$/m);
    expect(help.stdout).toMatch(/^ {2}--out <dir> /m);
    const listed = (await run(["--help"])).stdout;
    expect(listed).toMatch(/^ {2}merge-reports +join the shards of a run/m);
    const r = await run(["merge-reports", "--reports", "x", shard("1")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--reports'");
  });

  it("nothing: the shards are named", async () => {
    const r = await run(["merge-reports"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("name the shards to merge");
  });

  it("an incomplete run, naming the missing shard", async () => {
    const r = await merge("1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("incomplete: shard 2/2 missing (given: 1/2); a merge needs every shard of the run");
    expect(fs.existsSync(shard("merged"))).toBe(false);
  });

  it("a shard given twice", async () => {
    const r = await merge("1", "1", "2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`shard 1/2 is given twice: ${results("1")} and ${results("1")}`);
  });

  it.each([
    ["2-seed-12", "seed 12 and 11"],
    ["2-runs-5", "runs 5 and 0"],
    ["2-other-only", `--only "create-call.*" and ${JSON.stringify(ONLY)}`],
    ["2-of-3", "shard count 3 and 2"],
    ["2-other-contract", "contract (scenarios and sequences) \"0123456789abcdef\""],
  ])("shards of another run (%s)", async (other, why) => {
    const r = await merge("1", other);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${results(other)} and ${results("1")} are not shards of one run: ${why}`);
  });

  it("a run that is not a shard", async () => {
    const r = await merge("1", "whole");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${results("whole")}: not a shard (the run had no --shard)`);
  });

  it("a file that is not results.json, and a folder that holds none", async () => {
    const bad = await merge("1", "2-bad");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${results("2-bad")}: not a results.json of this version ((root) must have required property 'checks'`);
    const none = await merge("1", "nowhere");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`${shard("nowhere")}: no such file or folder`);
  });

  it("a check in the wrong shard", async () => {
    const r = await merge("1", "2-steals");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${results("2-steals").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\S+ belongs to shard 1/2, not 2/2`));
  });

  it("and merges the shards of one run, in any order", async () => {
    const r = await merge("2", "1");
    expect(r.code, r.stderr).toBe(0);
    const whole = JSON.parse(fs.readFileSync(results("whole"), "utf8"));
    const merged = JSON.parse(fs.readFileSync(results("merged"), "utf8"));
    expect(merged.checks.map((c: { id: string }) => c.id)).toEqual(whole.checks.map((c: { id: string }) => c.id));
    expect(merged.totals).toEqual(whole.totals);
  });
});

describe("latency over shards", () => {
  it("is exactly that of every POST together", () => {
    const all = [0.4, 12.5, 3.1, 3.1, 2999.9, 3000.1, 0.4, 51.2, 7.7, 7.7, 7.7];
    const parts = [all.slice(0, 3), all.slice(3, 4), [], all.slice(4)].map((p) => summarizeLatency(p, 3000));
    expect(mergeLatency(parts, 3000)).toEqual(summarizeLatency(all, 3000));
    expect(summarizeLatency(all, 3000)).toMatchObject({ posts: 11, overBudget: 1, maxMs: 3000.1, histogram: [[0.4, 2], [3.1, 2], [7.7, 3], [12.5, 1], [51.2, 1], [2999.9, 1], [3000.1, 1]] });
  });
});
