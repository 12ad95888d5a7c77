/**
 * What `run` and `merge-reports` print and write once they hold the result of a run: the console
 * summary, the reports folder, and in a GitHub Actions job the annotations and the job summary.
 * One place, so a merged run reads exactly as an unsharded one.
 */
import fs from "node:fs";
import path from "node:path";
import { latencyLine } from "../harness/latency.js";
import type { RunResult } from "../harness/run.js";
import { renderConsoleSummary, type CommandTiming } from "../reports/console.js";
import { appendJobSummary, githubAnnotations } from "../reports/github.js";
import { writeReports } from "../reports/index.js";
import { partialNote } from "../reports/model.js";
import { writeLine, type CliIO } from "./command.js";

/** The summary on stdout: root causes, counts, latency, and whether the run is partial; `timing`: the command's, for its summary line. */
export function printOutcome(result: RunResult, io: CliIO, timing?: CommandTiming): void {
  for (const line of renderConsoleSummary(result, timing)) writeLine(io.stdout, line);
  const latency = latencyLine(result.latency);
  if (latency) writeLine(io.stdout, latency);
  const partial = partialNote(result);
  if (partial) writeLine(io.stdout, `PARTIAL: ${partial}`);
  if (result.shard) writeLine(io.stdout, `shard ${result.shard.index}/${result.shard.total} of the run: graph-calls-contract merge-reports joins the shards' reports into the whole run's`);
}

/** Writes every report into `reportsDir`/<run>/ (and latest), says where, and feeds GitHub Actions when in a workflow. */
export function publishReports(result: RunResult, reportsDir: string, io: CliIO, command: string): string {
  const written = writeReports(result, path.resolve(io.cwd, reportsDir));
  writeLine(io.stdout, `reports: ${path.relative(io.cwd, written.dir) || written.dir} (${written.files.map((f) => path.basename(f)).join(", ")}); a copy in ${path.relative(io.cwd, path.join(path.dirname(written.dir), "latest"))}`);
  if (process.env.GITHUB_ACTIONS === "true") {
    for (const line of githubAnnotations(result)) writeLine(io.stdout, line);
    const problem = appendJobSummary(fs.readFileSync(path.join(written.dir, "summary.md"), "utf8"));
    if (problem) writeLine(io.stderr, `graph-calls-contract ${command}: ${problem}`);
  }
  return written.dir;
}
