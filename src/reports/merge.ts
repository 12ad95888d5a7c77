/**
 * merge-reports: the shards of one run (run --shard i/n, each its results.json) joined into the
 * result of the whole run, at the level of the result model; the same writers as a run's then make
 * every report of it, and root causes are derived again from the merged checks (a transfer blocked
 * by a create-call check of another shard finds its root there).
 *
 * Each scenario and sequence is in exactly one shard, so its checks are taken as they are, in the
 * order the whole run makes them. The checks about the whole run are joined: implementation/start
 * (passed when it passed everywhere, else the first that did not), receiver.latency (judged again
 * over every POST of every shard, from their latency histograms) and known-defects/* (an entry that
 * matches no check of the whole run).
 *
 * A merge is refused, rather than marked incomplete, when a shard is missing or given twice, or
 * when the shards are not of one run (seed, runs, implementation, --only, known defects, contract,
 * tool version): a merged report that looks whole but judged part of the run, or two runs, would be
 * a verdict nobody can trust. A shard job that failed still writes its results; one that left none
 * is a CI problem to see, not to paper over.
 */
import fs from "node:fs";
import path from "node:path";
import { blocked, blockerAmong, type CheckResult } from "../harness/checks.js";
import { markKnownDefects, unmarked, unusedKnownDefects, type KnownDefect } from "../harness/known-defects.js";
import { latencyCheck, latencyCheckBase, LATENCY_CHECK, mergeLatency } from "../harness/latency.js";
import { START_CHECK, type RunResult } from "../harness/run.js";
import { shardOfUnit, unitOf } from "../harness/shard.js";
import type { CheckV2, ResultsV2 } from "./results-json.js";
import { resultsValidator } from "./results-validator.js";

/** Why shards cannot be merged, naming the files: a usage error of merge-reports (exit 2). */
export class MergeRefused extends Error {}

export interface ShardFile {
  /** The results.json read. */
  file: string;
  results: ResultsV2 & { shard: NonNullable<ResultsV2["shard"]> };
}

/**
 * A shard's results, checked against results.schema.json: a results.json, a run folder holding one,
 * or a --reports folder (its latest/ copy).
 */
export function readShard(given: string, validate = resultsValidator()): ShardFile {
  const file = [path.join(given, "results.json"), path.join(given, "latest", "results.json")].find((f) => fs.existsSync(f)) ?? given;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file or folder" : code === "EISDIR" ? "a folder without results.json or latest/results.json" : (e as Error).message;
    throw new MergeRefused(`${file}: ${why} (a shard's --reports folder holds latest/results.json)`);
  }
  const problems = validate(data);
  if (problems.length > 0) throw new MergeRefused(`${file}: not a results.json of this version (${problems.slice(0, 3).join("; ")})`);
  const results = data as ResultsV2;
  if (!results.shard) throw new MergeRefused(`${file}: not a shard (the run had no --shard): there is nothing to merge it with`);
  return { file, results: results as ShardFile["results"] };
}

/** The harness's check back from results.json (the inverse of its mapping; `kind` is derived again). */
export function fromCheckV2(check: CheckV2): CheckResult {
  const { kind: _kind, ...rest } = check;
  return rest as CheckResult;
}

/** What every shard of one run shares, as [what, value]: a difference is another run. */
function identity(r: ShardFile["results"]): Array<[string, unknown]> {
  return [
    ["tool version", r.tool.version],
    ["implementation", r.adapter],
    ["seed", r.seed],
    ["runs", r.runs],
    ["shard count", r.shard.total],
    ["contract (scenarios and sequences)", r.shard.plan],
    ["--only", r.shard.only ?? null],
    ["known defects", r.shard.knownDefects],
  ];
}

/** Refuses shards that are not every shard of one run, exactly once each. */
export function checkShards(shards: readonly ShardFile[]): void {
  if (shards.length === 0) throw new MergeRefused("no shard given");
  const [first] = shards;
  const firstIdentity = identity(first!.results);
  for (const shard of shards.slice(1)) {
    identity(shard.results).forEach(([what, value], i) => {
      const expected = firstIdentity[i]![1];
      if (JSON.stringify(value) !== JSON.stringify(expected)) {
        throw new MergeRefused(`${shard.file} and ${first!.file} are not shards of one run: ${what} ${JSON.stringify(value)} and ${JSON.stringify(expected)}`);
      }
    });
  }
  const total = first!.results.shard.total;
  const byIndex = new Map<number, string>();
  for (const shard of shards) {
    const { index } = shard.results.shard;
    const twice = byIndex.get(index);
    if (twice) throw new MergeRefused(`shard ${index}/${total} is given twice: ${twice} and ${shard.file}`);
    byIndex.set(index, shard.file);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeRefused(`incomplete: ${missing.map((i) => `shard ${i}/${total}`).join(", ")} missing (given: ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${total}`).join(", ")}); a merge needs every shard of the run`);
  for (const shard of shards) {
    for (const check of shard.results.checks) {
      const unit = unitOf(check);
      if (unit !== undefined && shardOfUnit(unit, total) !== shard.results.shard.index) {
        throw new MergeRefused(`${shard.file}: ${check.id} belongs to shard ${shardOfUnit(unit, total)}/${total}, not ${shard.results.shard.index}/${total}`);
      }
    }
  }
}

/**
 * The whole run from its shards (checked by checkShards first). `order` lists the scenarios and
 * sequences in the order a run makes them (the contract's), which the merged checks follow.
 */
export function mergeShards(input: readonly ShardFile[], order: readonly string[]): RunResult {
  checkShards(input);
  const shards = [...input].sort((a, b) => a.results.shard.index - b.results.shard.index);
  const first = shards[0]!.results;
  const defects: KnownDefect[] = first.shard.knownDefects;
  const rank = new Map(order.map((id, i) => [id, i]));
  // The auth checks run after every scenario and sequence.
  const rankOf = (c: CheckResult) => (c.group === "receiver" ? order.length : rank.get(c.subject) ?? order.length + 1);
  const all = shards.map((s) => s.results.checks.map(fromCheckV2));
  const units = all.flatMap((checks) => checks.filter((c) => unitOf(c) !== undefined));
  // Each shard's checks are in run order already; a stable sort by rank interleaves them.
  units.sort((a, b) => rankOf(a) - rankOf(b));

  const starts = all.map((checks) => checks.find((c) => c.id === START_CHECK)).filter((c): c is CheckResult => c !== undefined);
  const start = starts.find((c) => c.status !== "passed") ?? (starts.length > 0 ? { ...starts[0]!, durationMs: Math.max(...starts.map((c) => c.durationMs)) } : undefined);
  // Other checks about the whole run (the harness's own error), once each, from the first shard that has it.
  const others = new Map<string, CheckResult>();
  for (const checks of all) for (const c of checks) if (c.group === "run" && c.id !== START_CHECK && !c.id.startsWith("known-defects/") && !others.has(c.id)) others.set(c.id, c);

  const parts = shards.map((s) => s.results.latency).filter((l) => l !== undefined);
  const without = shards.find((s) => s.results.latency && s.results.latency.posts > 0 && !s.results.latency.histogram);
  if (without) throw new MergeRefused(`${without.file}: its latency has no histogram, which the merge joins the POSTs' figures from`);
  const budgets = new Set(parts.map((l) => l.budgetMs));
  if (budgets.size > 1) throw new MergeRefused(`the shards ran with different latency budgets (run --max-latency): ${[...budgets].join(", ")} ms`);
  const latency = parts.length > 0 ? mergeLatency(parts, parts[0]!.budgetMs) : undefined;
  const shardLatencyChecks = all.map((checks) => checks.find((c) => c.id === LATENCY_CHECK)).filter((c): c is CheckResult => c !== undefined);
  const receiverLatency = mergedLatencyCheck(latency, shardLatencyChecks, units, defects);

  const checks = [...(start ? [start] : []), ...units, ...(receiverLatency ? [receiverLatency] : [])];
  // A run of part of the checks (--only) names no unused entry, as a run with --only does not.
  const unused = first.shard.only === undefined ? unusedKnownDefects(checks, defects) : [];
  const stoppedShards = shards.filter((s) => s.results.stopped);
  const startedAt = Math.min(...shards.map((s) => Date.parse(s.results.startedAt)));
  const endedAt = Math.max(...shards.map((s) => Date.parse(s.results.startedAt) + s.results.durationMs));
  return {
    adapter: first.adapter,
    startedAt: new Date(startedAt).toISOString(),
    // The span from the first shard's start to the last one's end: the matrix's wall time, when the shards ran at once.
    durationMs: endedAt - startedAt,
    seed: first.seed,
    runs: first.runs,
    ...(shards.find((s) => s.results.observationVersion) ? { observationVersion: shards.find((s) => s.results.observationVersion)!.results.observationVersion! } : {}),
    ...(latency ? { latency } : {}),
    checks: [...checks, ...unused, ...others.values()],
    ...(stoppedShards.length > 0
      ? {
          stopped: {
            kind: stoppedShards[0]!.results.stopped!.kind,
            reason: stoppedShards.map((s) => `shard ${s.results.shard.index}/${s.results.shard.total}: ${s.results.stopped!.reason}`).join("; "),
            subjectsNotRun: stoppedShards.reduce((n, s) => n + s.results.stopped!.subjectsNotRun, 0),
          },
        }
      : {}),
  };
}

/**
 * receiver.latency over the whole run: judged again over every POST when there were any; else the
 * shards' verdict when they agree (every shard blocked by an implementation that did not start),
 * else blocked by what kept the whole run from POSTing, as the run would say.
 */
function mergedLatencyCheck(latency: RunResult["latency"], fromShards: readonly CheckResult[], checks: readonly CheckResult[], defects: readonly KnownDefect[]): CheckResult | undefined {
  // A run whose --only leaves receiver.latency out still times its POSTs, and reports no check of them.
  if (fromShards.length === 0) return undefined;
  const verdict = (c: CheckResult) => JSON.stringify({ ...c, durationMs: 0 });
  let made: CheckResult | undefined;
  if (latency && latency.posts > 0) made = latencyCheck(latency);
  else if (fromShards.every((c) => verdict(c) === verdict(fromShards[0]!))) return fromShards[0];
  else {
    const by = blockerAmong(checks.map(unmarked));
    if (!by) return fromShards[0];
    made = blocked(latencyCheckBase(), by.id, `no notification was POSTed: ${by.message}`);
  }
  return markKnownDefects([made], defects)[0];
}
