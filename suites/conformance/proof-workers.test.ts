/**
 * The proof runs the catalog in worker processes (src/harness/prove.ts, runCatalog): each variant's
 * run there gives the same verdicts as in this process, and the results come back in the
 * catalog's order whatever order the workers finish in; a stopped proof leaves no worker. Uses the
 * compiled catalog (dist/).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { dispatchOrder, runCatalog, runVariants, type ProvingVariant } from "../../src/harness/prove.js";
import { FAULTY_VARIANTS } from "../../implementations/faulty/index.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const faulty = (id: string) => path.join(PROJECT_ROOT, "dist", "implementations", "faulty", `${id}.js`);

/** A catalog module of these compiled variants, in a temporary directory (removed by `done`). */
function catalogOf(ids: readonly string[]): { catalog: string; done: () => void } {
  for (const id of ids) if (!fs.existsSync(faulty(id))) throw new Error(`${faulty(id)} is missing: npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proof-workers-"));
  const catalog = path.join(dir, "catalog.mjs");
  fs.writeFileSync(catalog, ids.map((id, i) => `import { variant as v${i} } from ${JSON.stringify(faulty(id))};`).join("\n") + `\nexport const FAULTY_VARIANTS = [${ids.map((_, i) => `v${i}`).join(", ")}];\n`);
  return { catalog, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** This process's children running the proof's worker module. */
function proofWorkers(): string[] {
  // ps exits 1 when the process has no children: its output is then empty, which is the answer.
  return spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" }).stdout.split("\n").filter((line) => line.includes("prove-worker.js"));
}

test("two variants in two workers: the same checks fail as in-process, in catalog order", async () => {
  const ids = ["no-authorization", "rejects-empty-roster"];
  const { catalog, done } = catalogOf(ids);
  try {
    // A step that only detects hangs: a cold worker's first steps on a loaded machine must not time out in one place only.
    const options = { seed: 7, runs: 2, stepTimeoutMs: STEP_TIMEOUT_MS };
    const progress: string[] = [];
    const inWorkers = await runCatalog(catalog, { ...options, workers: 2, onVariant: (_done, _total, id) => progress.push(id) });
    expect(inWorkers.results.map((r) => r.adapter)).toEqual(ids);
    expect([...progress].sort()).toEqual([...ids].sort());
    const variants = (await import(catalog)) as { FAULTY_VARIANTS: ProvingVariant[] };
    const here = await runVariants(variants.FAULTY_VARIANTS, options);
    const verdicts = (results: typeof here) => results.map((r) => r.checks.map((c) => `${c.id} ${c.status}`));
    expect(verdicts(inWorkers.results)).toEqual(verdicts(here));
    expect(inWorkers.results[0]!.checks.some((c) => c.status === "failed")).toBe(true);
  } finally {
    done();
  }
}, 180_000);

test("a proof stopped by its signal rejects with the signal's reason, and its workers are gone when it does", async () => {
  // A variant that waits (its step timeouts) keeps the workers busy when the signal comes.
  const { catalog, done } = catalogOf(["hangs-on-transfer-accepted", "keys-fetched-once"]);
  try {
    const stop = new AbortController();
    const reason = new Error("stopped by the test");
    const proving = runCatalog(catalog, { seed: 1, runs: 2, stepTimeoutMs: 2_000, workers: 2, signal: stop.signal });
    // Aborted once both workers exist (they are forked before any variant is sent).
    while (proofWorkers().length < 2) await new Promise((r) => setTimeout(r, 20));
    stop.abort(reason);
    await expect(proving).rejects.toBe(reason);
    expect(proofWorkers()).toEqual([]);
  } finally {
    done();
  }
}, 120_000);

test("the workers take first the variants whose runs wait on a clock, then the widest runs; every variant once", () => {
  const order = dispatchOrder(FAULTY_VARIANTS, 10);
  expect([...order].sort((a, b) => a - b)).toEqual(FAULTY_VARIANTS.map((_, i) => i));
  const ids = order.map((i) => FAULTY_VARIANTS[i]!.id);
  // Each waits: its own step timeout (a hang, a late answer), or the key refresh wait of auth.accept.rotated-key.
  // (the catalog's only such variants: a new one may join them at the front.)
  expect(ids.slice(0, 3).sort()).toEqual(["hangs-on-transfer-accepted", "keys-fetched-once", "slow-first-notification"]);
  // After them, the variant failing every delivery check (34 sequences, each run `runs` times) before one failing a single request check.
  expect(ids.indexOf("first-notification-only")).toBeLessThan(ids.indexOf("no-content-type"));
});

test("the variants' runs share one frozen reading of the fixtures: a bot writing into the intent it is given fails its own run, not the next one", async () => {
  const only = "create-call.v1.0.ex01";
  const writer: ProvingVariant = {
    id: "writes-into-its-intent",
    bug: "empties the targets of the intent it was given",
    expectedFailures: [only],
    createBot: () => {
      const bot = new ReferenceBot();
      const createCall = bot.createCall.bind(bot);
      bot.createCall = async (intent) => {
        intent.targets.length = 0;
        return createCall(intent);
      };
      return bot;
    },
  };
  const reference: ProvingVariant = { id: "reference", bug: "", expectedFailures: [only], createBot: () => new ReferenceBot() };
  const [written, after] = await runVariants([writer, reference], { seed: 1, runs: 0, stepTimeoutMs: STEP_TIMEOUT_MS });
  // The write throws in the bot (strict mode): its createCall() fails, and the reference after it runs on the fixtures as committed.
  expect(written!.checks.find((c) => c.id === `${only}/http.sent`)?.message).toMatch(/read.only|Cannot assign/);
  expect(after!.checks.filter((c) => c.subject === only && c.status !== "passed")).toEqual([]);
}, 60_000);
