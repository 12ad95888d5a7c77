/** Runs split into shards and the same run whole, as results.json files, and what may differ between them: timings only. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { AdapterModule } from "../../src/harness/adapter.js";
import { UNHURRIED } from "../hang-detectors.js";
import type { KnownDefect } from "../../src/harness/known-defects.js";
import { runConformance, type RunResult } from "../../src/harness/run.js";
import { writeReports } from "../../src/reports/index.js";
import type { ResultsV2 } from "../../src/reports/results-json.js";

export interface Plan {
  adapter: AdapterModule;
  adapterName: string;
  seed: number;
  runs: number;
  knownDefects?: KnownDefect[];
  only?: string;
}

export function runOf(plan: Plan, shard?: { index: number; total: number }): Promise<RunResult> {
  return runConformance({ ...plan, ...UNHURRIED, ...(shard ? { shard } : {}) });
}

/** A temporary folder, removed after the file's tests. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-shards-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Each shard of the plan run and written as a CI job would (its own --reports folder): the folders. */
export async function shardFolders(plan: Plan, total: number, root: string): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= total; index++) {
    const dir = path.join(root, `shard-${index}`);
    writeReports(await runOf(plan, { index, total }), dir);
    dirs.push(dir);
  }
  return dirs;
}

export const readResults = (dir: string): ResultsV2 => JSON.parse(fs.readFileSync(path.join(dir, "latest", "results.json"), "utf8")) as ResultsV2;

const ROTATED_KEY = "auth.accept.rotated-key";

/**
 * results.json without what is a timing: when the run started and how long it and each check took,
 * each POST's latency, the latency percentiles (the POST count and how many were over budget stay),
 * durations quoted in messages ("274 ms"), and the shard marker. Also the retries of
 * auth.accept.rotated-key: the reference rate-limits its key-set refreshes (a cool-down after each
 * fetch), so whether the first token of the rotated key comes within the cool-down, and takes a
 * retry or two, depends on how long the run before it took; the verdict does not.
 */
export function withoutTimings(results: ResultsV2): unknown {
  const r = structuredClone(results) as ResultsV2 & Record<string, unknown>;
  const ms = (text: string) => text.replace(/\b\d+(\.\d+)? ms\b/g, "<t> ms");
  let retries = 0;
  for (const c of r.checks) {
    c.durationMs = 0;
    if (c.message) c.message = ms(c.message);
    if (c.id === ROTATED_KEY && c.timeline && c.status === "passed") {
      retries += c.timeline.length - 2;
      const last = c.timeline.at(-1)!;
      c.timeline = [c.timeline[0]!, { ...last, post: 2, steps: [last.steps[0]!, "(rotated key)"] }];
      delete c.message;
    }
    for (const t of c.timeline ?? []) delete t.latencyMs;
  }
  // receiver.latency counts the POSTs, retries included.
  const latencyCheck = r.checks.find((c) => c.id === "receiver.latency");
  if (latencyCheck?.message) latencyCheck.message = latencyCheck.message.replace(/\b(\d+)( notification)? POSTs\b/g, (_m, n: string, what = "") => `${Number(n) - retries}${what} POSTs`);
  for (const cause of r.rootCauses) cause.diagnosis = ms(cause.diagnosis);
  const latency = r.latency && { posts: r.latency.posts - retries, budgetMs: r.latency.budgetMs, overBudget: r.latency.overBudget };
  const { startedAt: _s, durationMs: _d, shard: _shard, latency: _l, ...rest } = r;
  return { ...rest, ...(latency ? { latency } : {}) };
}
