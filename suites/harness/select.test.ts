/**
 * run --only: picomatch globs over check ids and subjects, and a pattern that selects nothing is a
 * usage error (exit 2) naming the closest ids, so a CI job with a typo cannot stay green.
 */
import { describe, expect, it } from "vitest";
import { NothingSelected, selector, splitPatterns, unselecting } from "../../src/harness/select.js";
import { runConformance } from "../../src/harness/run.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { run } from "../cli/helpers.js";

const IDS = ["create-call.v1.0.ex01/schema", "create-call.v1.0.ex02/schema", "create-call.v1.0.ex10/schema", "sequence.delta-roster/acks", "delivery.delta-roster", "delta-roster", "create-call.v1.0.ex01"];

describe("selector", () => {
  it("reads real glob syntax: ?, [..], {a,b}, and a subject selects its checks", () => {
    const pick = (p: string) => IDS.filter(selector(p));
    expect(pick("create-call.v1.0.ex0?/schema")).toEqual(["create-call.v1.0.ex01/schema", "create-call.v1.0.ex02/schema"]);
    expect(pick("{delivery.delta-roster,create-call.v1.0.ex10}")).toEqual(["create-call.v1.0.ex10/schema", "delivery.delta-roster"]);
    expect(pick("create-call.v1.0.ex0[2-9]")).toEqual(["create-call.v1.0.ex02/schema"]);
    expect(splitPatterns("a, {b,c}/d ,")).toEqual(["a", "{b,c}/d"]);
  });
});

describe("an --only that selects nothing", () => {
  it("names each pattern that selects nothing with the closest ids", () => {
    expect(unselecting("create-call.v1.0.ex01,create-cal.v1.0.ex02", IDS)).toEqual([
      { pattern: "create-cal.v1.0.ex02", closest: ["create-call.v1.0.ex01", "create-call.v1.0.ex02/schema", "create-call.v1.0.ex01/schema", "create-call.v1.0.ex10/schema", "delta-roster"] },
    ]);
    expect(unselecting("delta-*", IDS)).toEqual([]);
  });

  it("stops the run before anything is started", async () => {
    let created = 0;
    const adapter = { createBot: () => (created++, new ReferenceBot()) };
    await expect(runConformance({ adapter, adapterName: "x", seed: 1, runs: 0, stepTimeoutMs: 2000, only: "sequence.delta-rostr" })).rejects.toThrow(NothingSelected);
    expect(created).toBe(0);
  });

  it("is a usage error on the CLI: exit 2, the closest ids, nothing written", async () => {
    const r = await run(["run", "--only", "create-cal.v1.0.ex01", "--runs", "0", "--reports", "/nonexistent/never-written"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--only: "create-cal.v1.0.ex01" selects no check; the closest ids: create-call.v1.0.ex01,');
    expect(r.stdout).toBe("");
  });

  it("says when the pattern names delivery checks that --runs 0 turned off", async () => {
    const r = await run(["run", "--only", "delivery.delta-roster", "--runs", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--only: "delivery.delta-roster" selects no check (the delivery checks are off: --runs 0); the closest ids: ');
  });

  it("keeps working for patterns that do select: ex0? runs those scenarios only", async () => {
    const result = await runConformance({ adapter: { createBot: () => new ReferenceBot() }, adapterName: "x", seed: 1, runs: 0, stepTimeoutMs: 2000, only: "create-call.v1.0.ex0?" });
    expect(new Set(result.checks.map((c) => c.subject))).toEqual(new Set(["implementation", ...Array.from({ length: 9 }, (_, i) => `create-call.v1.0.ex0${i + 1}`)]));
  });
});
