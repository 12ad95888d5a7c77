/**
 * npm run bench: each row times a subject against a baseline doing the same work, alternately, in
 * this process and this run, and prints the ratio of the medians with min/median/max of each side.
 * Rows live in bench/rows/ (one module each, listed in bench/rows/index.ts); bench/README.md says
 * what each compares and why.
 *
 *   npm run bench                       every row
 *   npm run bench -- --quick            the rows fast enough for CI, fewer samples
 *   npm run bench -- --only errors-linear,valid-*
 *   npm run bench -- --json             one JSON document on stdout
 *   npm run bench -- --allow-missing    a row whose input is absent is reported, not failed
 *   npm run bench -- --quick --ci       what CI runs: prints everything, fails only on growth checks
 *
 * Exit 1 when a growth check exceeds its goal, a row fails (an error, a peer disagreeing with our
 * verdicts), or an input is missing without --allow-missing; with --ci only a growth check fails
 * the run (the others are printed as loudly). Other goals are printed, never failed on: a busy
 * machine slows the subject and the baseline alike, but not exactly alike.
 */
import { parseArgs } from "node:util";
import { selector } from "../src/harness/select.js";
import { PROJECT_ROOT } from "../src/util/paths.js";
import { alternate, FULL, QUICK, type Stats } from "./measure.js";
import { MissingInput, type Row } from "./row.js";
import { ROWS } from "./rows/index.js";

const CLOCKS: Record<Stats["clock"], string> = { cpu: "CPU time", wall: "wall time", "child-cpu": "CPU time of the process, all threads" };

const { values } = parseArgs({ options: { json: { type: "boolean" }, quick: { type: "boolean" }, only: { type: "string" }, "allow-missing": { type: "boolean" }, list: { type: "boolean" }, ci: { type: "boolean" } } });
const quick = values.quick === true;

interface Outcome {
  id: string;
  title: string;
  baseline: string;
  goal?: Row["goal"];
  status: "measured" | "missing" | "error" | "skipped";
  ratio?: number;
  met?: boolean;
  subject?: Stats;
  baselineStats?: Stats;
  message?: string;
}

if (values.list) {
  for (const row of ROWS) process.stdout.write(`${row.id.padEnd(28)} ${row.slow ? "(full only) " : ""}${row.title}\n    baseline: ${row.baseline}\n`);
  process.exit(0);
}

const wanted = selector(values.only);
const rows = ROWS.filter((r) => wanted(r.id));
if (rows.length === 0) {
  process.stderr.write(`bench: no row matches --only ${values.only}; npm run bench -- --list shows them\n`);
  process.exit(2);
}

const outcomes: Outcome[] = [];
for (const row of rows) {
  const base = { id: row.id, title: row.title, baseline: row.baseline, ...(row.goal ? { goal: row.goal } : {}) };
  if (quick && row.slow) {
    outcomes.push({ ...base, status: "skipped", message: "full bench only" });
    continue;
  }
  let outcome: Outcome;
  try {
    const prepared = await row.prepare({ quick, root: PROJECT_ROOT });
    try {
      await prepared.check?.();
      const measured = "measure" in prepared ? await prepared.measure() : await alternate(prepared.subject, prepared.baseline, { ...(quick ? QUICK : FULL), ...prepared.bounds });
      const ratio = measured.subject.medianMs / measured.baseline.medianMs;
      outcome = { ...base, status: "measured", ratio, subject: measured.subject, baselineStats: measured.baseline, ...(row.goal ? { met: ratio <= row.goal.max } : {}) };
    } finally {
      await prepared.close?.();
    }
  } catch (error) {
    outcome = error instanceof MissingInput
      ? { ...base, status: "missing", message: `missing input: ${error.message}` }
      : { ...base, status: "error", message: (error as Error).stack ?? String(error) };
  }
  outcomes.push(outcome);
  if (!values.json) process.stdout.write(render(outcome));
}

const growthFailures = outcomes.filter((o) => o.goal?.growth && o.met === false);
const errors = outcomes.filter((o) => o.status === "error");
const missing = outcomes.filter((o) => o.status === "missing");
const failed = growthFailures.length + (values.ci ? 0 : errors.length + (values["allow-missing"] ? 0 : missing.length));

if (values.json) {
  process.stdout.write(JSON.stringify(outcomes.map(({ baselineStats, ...o }) => ({ ...o, ...(baselineStats ? { baselineStats } : {}) })), null, 2) + "\n");
} else {
  const measured = outcomes.filter((o) => o.status === "measured");
  const goals = measured.filter((o) => o.goal);
  process.stdout.write(`\n${measured.length} rows measured${quick ? " (--quick)" : ""}; goals met ${goals.filter((o) => o.met).length}/${goals.length}`
    + `${growthFailures.length ? `; GROWTH CHECK FAILED: ${growthFailures.map((o) => o.id).join(", ")}` : ""}`
    + `${errors.length ? `; ROW FAILED: ${errors.map((o) => o.id).join(", ")}` : ""}`
    + `${missing.length ? `; INPUT MISSING${values["allow-missing"] ? " (allowed)" : ""}: ${missing.map((o) => o.id).join(", ")}` : ""}`
    + `${outcomes.some((o) => o.status === "skipped") ? `; ${outcomes.filter((o) => o.status === "skipped").length} rows only in the full bench` : ""}\n`);
}
process.exitCode = failed > 0 ? 1 : 0;

function render(o: Outcome): string {
  if (o.status !== "measured") return `${o.id}: ${o.status.toUpperCase()}: ${o.message}\n`;
  const goal = o.goal ? `  goal <= ${o.goal.max}x${o.goal.growth ? " (growth check)" : ""}: ${o.met ? "met" : "NOT MET"}` : "";
  const side = (label: string, s: Stats) => {
    const amount = s.unit === "bytes" ? bytes : time;
    const how = s.unit === "bytes" ? `${s.samples} sample${s.samples === 1 ? "" : "s"}, heap after a full collection` : `${s.samples} samples x ${s.batch} call${s.batch === 1 ? "" : "s"}, ${CLOCKS[s.clock]}`;
    return `  ${label} ${s.name}\n      min ${amount(s.minMs)}  median ${amount(s.medianMs)}  max ${amount(s.maxMs)}  (${how})`;
  };
  return [`${o.id}  ${o.ratio!.toFixed(2)}x${goal}`, `  ${o.title}`, side("subject: ", o.subject!), side("baseline:", o.baselineStats!), `  baseline, in words: ${o.baseline}`, ""].join("\n") + "\n";
}

function time(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1_000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  if (ms >= 0.001) return `${(ms * 1_000).toFixed(2)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
}

function bytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
