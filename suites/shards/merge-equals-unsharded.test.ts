/**
 * The proof that sharding loses nothing: for the same seed, the reference and faulty
 * implementations run whole and in 3 shards (each written to its own reports folder, as a CI job
 * would), merged by merge-reports, give the same result model, timings apart, and the same exit code.
 * The faulty ones cover what a merge must get right: a root in one shard blocking checks in the
 * others (the create-call check that blocks every transfer and sequence), sequence failures, a
 * property-based delivery failure found and shrunk, known defects (one of them stale: the merge must
 * name it, as the whole run does), and receiver.latency over every shard's POSTs.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBot as referenceBot } from "../../implementations/reference/index.js";
import { variant as mediaConfigWithoutOdataType } from "../../implementations/faulty/media-config-without-odata-type.js";
import { variant as deltaInArrivalOrder } from "../../implementations/faulty/delta-in-arrival-order.js";
import { exitCode } from "../../src/cli/commands/run.js";
import { renderConsoleSummary } from "../../src/reports/console.js";
import { REPORT_FILES } from "../../src/reports/index.js";
import { toResultsV2 } from "../../src/reports/results-json.js";
import { run } from "../cli/helpers.js";
import { resultsValidator } from "../reports/results-validator.js";
import { readResults, runOf, shardFolders, tempDir, withoutTimings, type Plan } from "./shards.js";

const SEED = 11;
const SHARDS = 3;

const PLANS: Record<string, Plan> = {
  reference: { adapter: { createBot: referenceBot }, adapterName: "reference", seed: SEED, runs: 2 },
  [mediaConfigWithoutOdataType.id]: {
    adapter: mediaConfigWithoutOdataType,
    adapterName: mediaConfigWithoutOdataType.id,
    seed: SEED,
    runs: 1,
    knownDefects: [
      { checks: "create-call.v1.0.ex01/schema", reason: "the SDK drops @odata.type (known)" },
      { checks: "create-call.v9.*", reason: "a stale entry: no such check" },
    ],
  },
  [deltaInArrivalOrder.id]: { adapter: deltaInArrivalOrder, adapterName: deltaInArrivalOrder.id, seed: SEED, runs: 2 },
};

describe.each(Object.keys(PLANS))("%s: 3 shards merged equal the unsharded run", (name) => {
  const plan = PLANS[name]!;
  const root = tempDir();
  let whole: ReturnType<typeof toResultsV2>;
  let wholeExit: number;
  let wholeSummary: string[];
  let shards: string[];
  let merge: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const result = await runOf(plan);
    whole = JSON.parse(JSON.stringify(toResultsV2(result)));
    wholeExit = exitCode(result.checks, result.stopped);
    wholeSummary = renderConsoleSummary(result);
    shards = await shardFolders(plan, SHARDS, root);
    merge = await run(["merge-reports", ...shards, "--out", path.join(root, "merged")]);
  }, 120_000);

  it("splits the checks: each shard has its own, and the checks about the whole run", () => {
    const parts = shards.map(readResults);
    const own = parts.map((p) => p.checks.filter((c) => c.group !== "run" && c.id !== "receiver.latency").map((c) => c.id));
    const all = own.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(whole.checks.filter((c) => c.group !== "run" && c.id !== "receiver.latency").map((c) => c.id)));
    for (const ids of own) expect(ids.length).toBeGreaterThan(0);
    for (const p of parts) expect(p.checks.filter((c) => c.id === "implementation/start")).toHaveLength(1);
  });

  it("merges into results equal to the unsharded run's, timings apart, with the same exit code", () => {
    expect(merge.stderr).toMatch(new RegExp(`merge-reports: ${SHARDS} shard\\(s\\) of ${plan.adapterName}, seed ${SEED}`));
    const merged = readResults(path.join(root, "merged"));
    expect(resultsValidator()(merged)).toEqual([]);
    expect(withoutTimings(merged)).toEqual(withoutTimings(whole));
    expect(merge.code).toBe(wholeExit);
  });

  it("writes every format a run writes, and prints the run's summary", () => {
    expect(fs.readdirSync(path.join(root, "merged", "latest")).sort()).toEqual([...REPORT_FILES].sort());
    const last = (lines: string[]) => lines.filter((l) => / passed, /.test(l)).at(-1)!.replace(/ in [\d.]+ s /, " ");
    expect(last(merge.lines)).toBe(last(wholeSummary));
    // The root causes lead the merged summary as they lead the whole run's.
    const causes = (lines: string[]) => lines.filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/\b\d+(\.\d+)? ms\b/g, "<t> ms"));
    expect(causes(merge.lines)).toEqual(causes(wholeSummary));
  });
});

describe("what the faulty runs prove", () => {
  it("a cascade crosses shards: the create-call root of one shard blocks checks of the others", async () => {
    const plan = PLANS[mediaConfigWithoutOdataType.id]!;
    // One after the other: in-process runs intercept fetch with msw, one run at a time.
    const parts = [];
    for (let index = 1; index <= SHARDS; index++) parts.push(toResultsV2(await runOf(plan, { index, total: SHARDS })));
    const rootShard = parts.findIndex((p) => p.checks.some((c) => c.id === "create-call.v1.0.ex01/schema"));
    const elsewhere = parts.filter((_, i) => i !== rootShard).flatMap((p) => p.checks.filter((c) => c.blockedBy === "create-call.v1.0.ex01/schema"));
    expect(elsewhere.length).toBeGreaterThan(0);
    // In its own shard's report, such a root is outside: named by the blocked checks, not found.
    expect(parts.filter((_, i) => i !== rootShard).some((p) => p.rootCauses.some((c) => c.outside === "create-call.v1.0.ex01/schema"))).toBe(true);
  }, 60_000);
});
