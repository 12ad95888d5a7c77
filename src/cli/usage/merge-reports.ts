/** `graph-calls-contract merge-reports --help`: its usage text, apart from the command so that --help loads nothing else. */
import { EXIT_CODE_DOCS } from "../../harness/check-registry.js";

export const usage = `Usage: graph-calls-contract merge-reports <shard>... [--out <dir>]

Joins the shards of one run (run --shard i/n, each in its own CI job) into the reports of the whole
run, in every format a run writes (index.html, summary.md, junit.xml, results.json, ctrf.json, and
the summary on stdout). Root causes are derived again from the merged checks, receiver.latency is
judged again over every shard's POSTs, and known-defect entries that match no check of the whole
run are named. The merged result equals that of the same run unsharded, timings apart.
  <shard>        a shard's reports: its --reports folder (its latest/ is read), a run folder, or a
                 results.json; every shard of the run exactly once
  --out <dir>    where to write the merged reports (default: ./reports): <dir>/<run>/ and <dir>/latest;
                 with GITHUB_ACTIONS=true, also an annotation per root cause and the job summary

A merge is refused (exit 2, naming the files) when a shard is missing or given twice, or when the
shards are not of one run: another seed, --runs, implementation, --only, known defects, contract or
tool version. A report that looks whole but judged part of a run, or two runs, is not a verdict.

Exit codes (those of the merged run):
${EXIT_CODE_DOCS.map((e) => `  ${e.code}  ${e.doc}`).join("\n")}`;
