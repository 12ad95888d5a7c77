/**
 * npm run mutation: mutate the reference bot's decision code with Stryker, judge every mutant by the
 * conformance run (runner.ts), and write the score and every survivor with its reason to
 * docs/MUTATION.md, and the measurement itself to mutation/result.json (committed: each mutant's
 * outcome, and the sources it was measured on). Exit 1 when a survivor is unexplained, an entry of
 * equivalent.json is stale, the score is under the threshold, or (--check) docs/MUTATION.md is not
 * what the run says.
 *
 *   npm run mutation                    run, write reports/mutation/, mutation/result.json and docs/MUTATION.md
 *   npm run mutation -- --check         run, and compare docs/MUTATION.md instead of writing it
 *   npm run mutation -- --report-only   no run: docs/MUTATION.md from the committed mutation/result.json
 *   npm run mutation -- --report-only --check   what CI runs, in seconds: the committed measurement was
 *                                       taken on today's reference, explains every survivor, meets the
 *                                       threshold, and docs/MUTATION.md says so
 *   npm run mutation -- --mutate "implementations/reference/call-state.ts:20-40"   a subset, while iterating (no docs written)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderMarkdown, type Baseline } from "./markdown.js";
import { formatScore, summarize, type EquivalentsFile, type StrykerReport } from "./report.js";
import { MUTATION_RUNS, MUTATION_SEED } from "./subjects.js";

/** The score the issue asks of the reference's decision code. */
export const THRESHOLD = 90;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONFIG = "mutation/stryker.config.json";
const REPORT = "reports/mutation/mutation.json";
/** The committed measurement: Stryker's report without what the verdict does not read. */
const RESULT = "mutation/result.json";
const DOC = "docs/MUTATION.md";

const HELP = `Usage: npm run mutation [-- --check | --report-only | --mutate <pattern>]

Mutates implementations/reference/ (its decision code) with Stryker and runs the conformance checks
against each mutant. Writes reports/mutation/ (Stryker's HTML and JSON) and docs/MUTATION.md.

  --check          compare docs/MUTATION.md with this run instead of writing it
  --report-only    do not run Stryker: judge the committed ${RESULT} (with --check: what CI runs, checking
                   too that it was measured on the reference as it is now)
  --mutate <glob>  mutate only these files or ranges (file:from-to); writes no docs, for iterating
  --concurrency n  Stryker's worker processes (default 1: the machines it runs on are shared)

Exit codes: 0 every survivor explained and the score at least ${THRESHOLD} %; 1 otherwise; 2 usage or tool error.`;

interface Args {
  check: boolean;
  reportOnly: boolean;
  mutate?: string;
  concurrency?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { check: false, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--help" || a === "-h") {
      console.log(HELP);
      process.exit(0);
    } else if (a === "--check") args.check = true;
    else if (a === "--report-only") args.reportOnly = true;
    else if (a === "--mutate" && argv[i + 1]) args.mutate = argv[++i];
    else if (a === "--concurrency" && /^\d+$/.test(argv[i + 1] ?? "")) args.concurrency = Number(argv[++i]);
    else usage(`unknown or incomplete option ${JSON.stringify(a)}`);
  }
  if (args.check && args.mutate) usage("--check judges the whole reference: it does not take --mutate");
  return args;
}

function usage(message: string): never {
  console.error(`mutation: ${message}\n\n${HELP}`);
  process.exit(2);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as T;
}

/** CPU seconds of this process and the children it waited for (Stryker's workers), where Linux says. */
function cpuSeconds(): number | undefined {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return ticks / 100;
  } catch {
    return undefined;
  }
}

async function runStryker(args: Args): Promise<void> {
  const { Stryker } = await import("@stryker-mutator/core");
  const options: Record<string, unknown> = { configFile: path.join(ROOT, CONFIG) };
  if (args.mutate) options.mutate = [args.mutate];
  if (args.concurrency) options.concurrency = args.concurrency;
  await new Stryker(options).runMutationTest();
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  process.chdir(ROOT);
  const started = Date.now();
  if (!args.reportOnly) await runStryker(args);
  const wallSeconds = (Date.now() - started) / 1000;
  const cpu = cpuSeconds();

  const report = args.reportOnly ? readJson<StrykerReport>(RESULT) : compact(readJson<StrykerReport>(REPORT));
  if (!args.reportOnly && !args.mutate) {
    fs.writeFileSync(path.join(ROOT, RESULT), `${JSON.stringify(report, null, 1)}\n`);
    console.log(`wrote ${RESULT}`);
  }
  const { equivalents } = readJson<EquivalentsFile>("mutation/equivalent.json");
  const summary = summarize(report, equivalents, THRESHOLD);
  const t = summary.total;
  console.log(`mutation score ${formatScore(summary.scoreWithoutEquivalents)} with the equivalent mutants set aside (Stryker's: ${formatScore(summary.score)}): ${t.detected} detected, ${t.survived} survived, ${t.noCoverage} without coverage (${t.equivalent} of them equivalent, ${t.gaps ?? 0} known gaps) of ${t.detected + t.survived + t.noCoverage} mutants`);
  if (!args.reportOnly) console.log(`mutation run: ${wallSeconds.toFixed(0)} s${cpu !== undefined ? `, ${cpu.toFixed(0)} CPU s` : ""}`);
  if (args.mutate) {
    for (const m of summary.mutants.filter((x) => (x.outcome === "survived" || x.outcome === "no coverage") && !x.equivalent)) console.log(`  ${m.file}:${m.line} ${m.mutator} ${JSON.stringify(m.original)} -> ${JSON.stringify(m.replacement)} (${m.outcome})`);
    return 0;
  }

  const markdown = renderMarkdown({
    summary,
    baseline: readJson<Baseline>("mutation/baseline.json"),
    threshold: THRESHOLD,
    setup: { stryker: readJson<{ version: string }>("node_modules/@stryker-mutator/core/package.json").version, seed: MUTATION_SEED, runs: MUTATION_RUNS },
  });
  const problems = [...summary.problems, ...staleSources(report)];
  if (args.check) {
    const committed = fs.existsSync(path.join(ROOT, DOC)) ? fs.readFileSync(path.join(ROOT, DOC), "utf8") : "";
    if (committed !== markdown) problems.push(`${DOC} is not what this run says: run npm run mutation and commit it`);
  } else {
    fs.writeFileSync(path.join(ROOT, DOC), markdown);
    console.log(`wrote ${DOC}`);
  }
  for (const p of problems) console.error(`mutation: ${p}`);
  return problems.length > 0 ? 1 : 0;
}

/** Stryker's report with only what the verdict reads: each file's source, each mutant's outcome and first killer. */
function compact(report: StrykerReport): StrykerReport {
  return {
    files: Object.fromEntries(Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b)).map(([file, { source, mutants }]) => [file, {
      source,
      mutants: mutants.map((m) => ({
        id: m.id,
        mutatorName: m.mutatorName,
        ...(m.replacement !== undefined ? { replacement: m.replacement } : {}),
        location: m.location,
        status: m.status,
        ...(m.killedBy?.length ? { killedBy: m.killedBy.slice(0, 1) } : {}),
      })),
    }])),
  };
}

/** A measurement taken on another version of the reference says nothing of this one. */
function staleSources(report: StrykerReport): string[] {
  return Object.entries(report.files).flatMap(([file, { source }]) => {
    const now = fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file), "utf8") : undefined;
    return now === source ? [] : [`${RESULT} was measured on another version of ${file}: run npm run mutation and commit the result`];
  });
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`mutation: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(2);
});
