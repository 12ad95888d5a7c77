/**
 * The kill matrix: the reference through the whole conformance run, property-based delivery checks
 * included, and every faulty variant of implementations/faulty/ through the scenarios and sequences
 * its catalog entry names (prove.ts, targetOf), as `run --prove` runs them. The reference passes
 * everything; each variant fails what its catalog entry says, with the message it says; every
 * check of a full run is shown to catch some bug, or is a known gap with a reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { conformanceCheckIds, runVariants, targetOf } from "../../src/harness/prove.js";
import { selector, type RunResult } from "../../src/harness/run.js";
import { REFERENCE_PARTS, ReferenceBot } from "../../implementations/reference/bot.js";
import { FAULTY_VARIANTS, type FaultyVariant } from "../../implementations/faulty/index.js";
import { KNOWN_GAPS } from "../../implementations/faulty/known-gaps.js";
import { ALTERNATIVES } from "../../implementations/alternatives/index.js";
import { killMatrix, type KillMatrix } from "../../src/harness/kill-matrix.js";
import { unmetExpectations } from "./expectations.js";
import { MAX_LATENCY_MS, STEP_TIMEOUT_MS } from "../hang-detectors.js";

const SEED = 1;
/** Few delivery plans per sequence: every delivery bug of the catalog shows within them. */
const RUNS = 10;

let reference: RunResult;
/** The reference speaking observation version 1: judged on version 1's meaning, it must pass as well. */
let referenceV1: RunResult;
const runs = new Map<string, RunResult>();
const alternatives = new Map<string, RunResult>();
let matrix: KillMatrix;

// The same runs as `graph-calls-contract run --prove`, so the suite and the reports agree, but for
// limits that would time the bots rather than judge them: a step is a hang detector here (a variant
// whose bug is a hang keeps its own short one), and the runs that must pass every check answer their
// POSTs within a hang detector too (receiver.latency's 1.5 s of a proof run is for the variants,
// where slow-first-notification's 2.5 s must stand out).
beforeAll(async () => {
  const options = { seed: SEED, runs: RUNS, stepTimeoutMs: STEP_TIMEOUT_MS };
  const passing = { ...options, maxLatencyMs: MAX_LATENCY_MS };
  [reference, referenceV1] = await runVariants([
    { id: "reference", bug: "", createBot: () => new ReferenceBot() },
    { id: "reference (observation version 1)", bug: "", createBot: () => new ReferenceBot(REFERENCE_PARTS, 1) },
  ], passing) as [RunResult, RunResult];
  for (const result of await runVariants(FAULTY_VARIANTS, options)) runs.set(result.adapter, result);
  for (const result of await runVariants(ALTERNATIVES.map((a) => ({ ...a, bug: "" })), passing)) alternatives.set(result.adapter, result);
  matrix = killMatrix([...runs.values()], conformanceCheckIds(true));
}, 600_000); // one conformance run per variant: minutes on a busy two-core machine

const failing = (result: RunResult) => result.checks.filter((c) => c.status === "failed" || c.status === "error");

describe("the reference", () => {
  it("passes every check", () => {
    expect(failing(reference).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(reference.checks.length).toBeGreaterThan(300);
  });

  it("has every check the proof must prove (conformanceCheckIds), in that order, and no other", () => {
    expect(reference.checks.filter((c) => c.group !== "run").map((c) => c.id)).toEqual(conformanceCheckIds(true));
  });

  it("passes every check speaking observation version 1, on version 1's meaning", () => {
    expect(failing(referenceV1).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(referenceV1.checks.map((c) => c.id)).toEqual(reference.checks.map((c) => c.id));
  });
});

describe.each(ALTERNATIVES.map((a) => [a.id, a] as const))("alternative %s, a design PROTOCOL.md accepts", (id, alternative) => {
  it("passes every check, as the reference does", async () => {
    const run = alternatives.get(id)!;
    expect(failing(run).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(run.checks.map((c) => c.id)).toEqual(reference.checks.map((c) => c.id));
    const module = (await import(`../../implementations/alternatives/${id}.ts`)) as { design: unknown; name: string; createBot: unknown };
    expect(module.design).toBe(alternative);
    expect(module.name).toBe(id);
  });
});

describe("a variant's run: the subjects its entry names (targetOf)", () => {
  it("names whole scenarios and sequences, and a delivery check only when named", () => {
    const subjects = (patterns: string[]) => targetOf(patterns).split(",");
    expect(subjects(["create-call.*/http.authorization"]).every((s) => s.startsWith("create-call.") && !s.includes("/"))).toBe(true);
    expect(subjects(["sequence.delta-roster/end"])).toEqual(["sequence.delta-roster"]);
    expect(subjects(["delivery.delta-roster"])).toEqual(["delivery.delta-roster"]);
    expect(targetOf(["no-such-check"])).toBe("");
  });

  it("has the named subjects' checks, blocked ones included, and no other", () => {
    const run = runs.get("no-authorization")!;
    expect(new Set(run.checks.filter((c) => c.group !== "run").map((c) => c.id.slice(0, c.id.indexOf("/"))))).toEqual(new Set(targetOf(FAULTY_VARIANTS.find((v) => v.id === "no-authorization")!.expectedFailures).split(",")));
    expect(run.checks.some((c) => c.status === "blocked")).toBe(true);
  });
});

describe("the catalog", () => {
  it("has a variant per module, named after its file, usable as an adapter module", async () => {
    const ids = FAULTY_VARIANTS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const variant of FAULTY_VARIANTS) {
      const module = (await import(`../../implementations/faulty/${variant.id}.ts`)) as { variant: FaultyVariant; name: string; createBot: unknown };
      expect(module.variant).toBe(variant);
      expect(module.name).toBe(variant.id);
      expect(typeof module.createBot).toBe("function");
    }
  });
});

describe.each(FAULTY_VARIANTS.map((v) => [v.id, v] as const))("%s", (_id, variant) => {
  it("fails every check it is expected to fail, with the expected messages", () => {
    expect(unmetExpectations(variant, runs.get(variant.id)!.checks)).toEqual([]);
  });

  it("fails at least one check", () => {
    expect(failing(runs.get(variant.id)!).length).toBeGreaterThan(0);
  });
});

describe("the kill matrix", () => {
  const gapOf = (id: string) => KNOWN_GAPS.find((gap) => gap.checks.some((pattern) => selector(pattern)(id)));

  it("has a row per variant", () => {
    expect(matrix.variants.map((v) => v.id)).toEqual(FAULTY_VARIANTS.map((v) => v.id));
  });

  it("leaves no check unproven", () => {
    expect(matrix.unproven).toEqual([]);
  });

  it("proves every check on its own, except the known gaps", () => {
    expect(matrix.collateralOnly.filter((id) => !gapOf(id))).toEqual([]);
  });

  it("lists only gaps that are still gaps", () => {
    const stale = KNOWN_GAPS.flatMap((gap) => gap.checks).filter((pattern) => !matrix.collateralOnly.some(selector(pattern)));
    expect(stale).toEqual([]);
  });
});
