/** `graph-calls-contract merge-reports`: the shards of a run (run --shard i/n) joined into the reports of the whole run. */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadScenarios, loadSequences } from "../../sequences/load.js";
import { MergeRefused, mergeShards, readShard } from "../../reports/merge.js";
import { resultsValidator } from "../../reports/results-validator.js";
import { UsageError, writeLine, type Command } from "../command.js";
import { printOutcome, publishReports } from "../run-output.js";
import { usage } from "../usage/merge-reports.js";
import { exitCode } from "./run.js";

export const mergeReportsCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: "string", default: "reports" } }, allowPositionals: true, strict: true });
    if (positionals.length === 0) throw new UsageError("name the shards to merge: each shard's reports folder, run folder or results.json");
    const validate = resultsValidator();
    let result;
    try {
      const shards = positionals.map((p) => readShard(path.resolve(io.cwd, p), validate));
      // The order a run makes its scenarios and sequences in: the merged checks follow it.
      result = mergeShards(shards, [...loadScenarios(), ...loadSequences()].map((s) => s.id));
      writeLine(io.stderr, `graph-calls-contract merge-reports: ${shards.length} shard(s) of ${result.adapter}, seed ${result.seed}, ${result.runs} delivery run(s) per sequence`);
    } catch (e) {
      throw e instanceof MergeRefused ? new UsageError(e.message) : e;
    }
    printOutcome(result, io);
    publishReports(result, values.out, io, "merge-reports");
    return exitCode(result.checks, result.stopped);
  },
};

