/**
 * npm run bench: how the contract, the extractor and the harness cost, each as a ratio to a
 * baseline measured in the same run (never as absolute times, which depend on the machine).
 *
 *   validate a documented request       vs  JSON round trip of the same payload
 *   validate an invalid request         vs  validate the valid one (the price of good error messages)
 *   validate a notification batch       vs  JSON round trip of the batch
 *   extract the seed documents          vs  reading and splitting their lines
 *   a run through the process protocol  vs  the same run in-process
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContract } from "../src/index.js";
import { loadDocumentedFixtures } from "../src/fixtures/load.js";
import { extractCorpus, readSeedDocuments } from "../src/extract/index.js";
import { runConformance } from "../src/harness/run.js";
import { ProcessBot } from "../src/adapters/process-bot.js";
import { ReferenceBot } from "../implementations/reference/bot.js";
import { PROJECT_ROOT, SEEDS_DIR } from "../src/util/paths.js";
import { measure, type Measurement } from "./measure.js";

interface Comparison {
  what: string;
  subject: Measurement;
  baseline: Measurement;
}

const { values } = parseArgs({ options: { json: { type: "boolean" }, quick: { type: "boolean" } } });
const fast = { maxCalls: values.quick ? 2_000 : 20_000, maxMs: values.quick ? 300 : 1_500, batch: 20 };
const slow = { maxCalls: values.quick ? 2 : 5, maxMs: values.quick ? 3_000 : 20_000, batch: 1 };

const contract = loadContract();
const fixtures = loadDocumentedFixtures().map((f) => f.data);
const request = fixtures.find((f) => f.id === "create-call.fr.v1.0/ex05.request")?.payload ?? fixtures.find((f) => f.schemas.includes("create-call-request"))!.payload;
const valid = structuredClone(fixtures.find((f) => f.id === "create-call.fr.v1.0/ex01.request")!.payload) as Record<string, unknown>;
// Three faults: a misspelled property (did-you-mean), a read-only one, an unknown enum value.
const { callbackUri, ...rest } = valid;
const invalid = { ...rest, callbackURL: callbackUri, state: "established", requestedModalities: ["smell"] };
const batch = { value: fixtures.filter((f) => f.schemas.includes("notification")).flatMap((f) => (f.payload as { value: unknown[] }).value) };
const roundTrip = (v: unknown) => () => JSON.parse(JSON.stringify(v));

const comparisons: Comparison[] = [];
const compare = async (what: string, subject: [string, () => unknown], baseline: [string, () => unknown], bounds = fast) => {
  comparisons.push({ what, baseline: await measure(baseline[0], baseline[1], bounds), subject: await measure(subject[0], subject[1], bounds) });
  if (!values.json) process.stderr.write(`measured: ${what}\n`);
};

await compare("validate a documented create-call request", ["contract.validate", () => contract.validate("create-call-request", request)], ["JSON round trip", roundTrip(request)]);
await compare("validate an invalid request (errors, messages, did-you-mean)", ["invalid", () => contract.validate("create-call-request", invalid)], ["valid", () => contract.validate("create-call-request", valid)]);
await compare(`validate a batch of ${batch.value.length} notifications`, ["contract.validate", () => contract.validate("notification", batch)], ["JSON round trip", roundTrip(batch)]);

if (fs.existsSync(SEEDS_DIR)) {
  const files = fs.readdirSync(SEEDS_DIR).filter((f) => !/^readme/i.test(f)).map((f) => path.join(SEEDS_DIR, f));
  await compare("extract the seed documents", ["extractCorpus", () => extractCorpus(readSeedDocuments(SEEDS_DIR))], ["read and split lines", () => files.map((f) => fs.readFileSync(f, "utf8").split("\n"))], { ...slow, maxCalls: slow.maxCalls * 2 });
}

const processCommand = `node ${path.join(PROJECT_ROOT, "dist", "implementations", "reference-process", "main.js")}`;
if (fs.existsSync(path.join(PROJECT_ROOT, "dist", "implementations", "reference-process", "main.js"))) {
  const run = (adapter: () => ReferenceBot | ProcessBot, transport: "in-process" | "http") => () =>
    runConformance({ adapter: { createBot: adapter }, adapterName: "bench", seed: 1, runs: 0, stepTimeoutMs: 5_000, graphTransport: transport });
  await compare("a conformance run (requests and sequences) through the process protocol",
    ["process (stdin/stdout + HTTP)", run(() => new ProcessBot({ command: processCommand, cwd: PROJECT_ROOT, requestTimeoutMs: 5_000 }), "http")],
    ["in-process (msw)", run(() => new ReferenceBot(), "in-process")], slow);
}

if (values.json) {
  process.stdout.write(JSON.stringify(comparisons.map((c) => ({ what: c.what, ratio: c.subject.medianMs / c.baseline.medianMs, subject: c.subject, baseline: c.baseline })), null, 2) + "\n");
} else {
  const rows = comparisons.map((c) => [c.what, `${(c.subject.medianMs / c.baseline.medianMs).toFixed(1)}x`, `${c.subject.name} / ${c.baseline.name}`, `${c.subject.calls}/${c.baseline.calls}`]);
  const head = ["benchmark", "ratio", "subject / baseline (same run)", "calls"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) process.stdout.write(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ") + "\n");
}
