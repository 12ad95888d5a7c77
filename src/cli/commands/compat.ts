/** `graph-calls-contract compat`: the compatibility table of the implementations, from a real run of each. */
import path from "node:path";
import { parseArgs } from "node:util";
import { compat } from "../../compat/index.js";
import { DEFAULT_IMPLEMENTATIONS_FILE, readImplementations, type CompatImplementation } from "../../compat/implementations.js";
import { ImplementationUnavailable } from "../../compat/run-implementations.js";
import { describeSync } from "../../util/generated-files.js";
import { PROJECT_ROOT } from "../../util/paths.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { DEFAULT_RUNS, DEFAULT_SEED, usage } from "../usage/compat.js";

export const compatCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        check: { type: "boolean" },
        seed: { type: "string", default: String(DEFAULT_SEED) },
        runs: { type: "string", default: String(DEFAULT_RUNS) },
        implementations: { type: "string" },
        markdown: { type: "string" },
        reports: { type: "string" },
        "step-timeout": { type: "string", default: "5000" },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const markdownFile = values.markdown ? path.resolve(io.cwd, values.markdown) : path.join(PROJECT_ROOT, "docs", "COMPATIBILITY.md");
    const outcome = await compat({
      implementations: implementationsOf(values.implementations ? path.resolve(io.cwd, values.implementations) : DEFAULT_IMPLEMENTATIONS_FILE),
      markdownFile,
      reportsDir: path.resolve(io.cwd, values.reports ?? path.join("reports", "compatibility")),
      check: values.check === true,
      seed: integer("--seed", values.seed, 0, 0x7fffffff),
      runs: integer("--runs", values.runs, 0, 1_000),
      stepTimeoutMs: integer("--step-timeout", values["step-timeout"], 10, 600_000),
      cwd: io.cwd,
      onImplementation: (implementation, run) => {
        const counts = run.result ? `${run.result.checks.filter((c) => c.status === "passed").length} passed, ${run.result.checks.filter((c) => c.status === "failed" || c.status === "error").length} failed, ${run.result.checks.filter((c) => c.status === "blocked").length} blocked, ${run.result.checks.filter((c) => c.status === "known").length} known defects in ${(run.result.durationMs / 1000).toFixed(1)} s` : `skipped: ${run.skipped}`;
        writeLine(io.stderr, `compat: ${implementation.id}: ${counts}`);
      },
    }).catch((error: unknown) => {
      throw error instanceof ImplementationUnavailable ? new UsageError(error.message) : error;
    });
    const shown = path.relative(io.cwd, markdownFile) || markdownFile;
    writeLine(io.stdout, describeSync(shown, outcome.sync, values.check === true));
    writeLine(io.stdout, `html: ${path.relative(io.cwd, outcome.htmlFile) || outcome.htmlFile}`);
    const skipped = outcome.runs.filter((r) => r.skipped);
    if (values.check && outcome.sync.changed.length > 0) {
      if (skipped.length > 0) writeLine(io.stdout, `note: not run here, so their columns cannot match: ${skipped.map((r) => `${r.implementation.id} (${r.skipped})`).join(", ")}`);
      writeLine(io.stdout, `run graph-calls-contract compat (npm run compat) and commit ${shown}`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};

/** A list that cannot be read or is malformed is the user's to fix: a usage error naming the entry. */
function implementationsOf(file: string): CompatImplementation[] {
  try {
    return readImplementations(file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(option: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${option} must be an integer from ${min} to ${max} (got "${text}")`);
  return n;
}
