/**
 * The proof runs the catalog in worker processes (src/harness/prove.ts, runCatalog): each variant's
 * run there gives the same verdicts as in this process, and the results come back in the
 * catalog's order whatever order the workers finish in. Uses the compiled catalog (dist/).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { runCatalog, runVariants, type ProvingVariant } from "../../src/harness/prove.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";

const faulty = (id: string) => path.join(PROJECT_ROOT, "dist", "implementations", "faulty", `${id}.js`);

test("two variants in two workers: the same checks fail as in-process, in catalog order", async () => {
  const ids = ["no-authorization", "rejects-empty-roster"];
  for (const id of ids) if (!fs.existsSync(faulty(id))) throw new Error(`${faulty(id)} is missing: npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proof-workers-"));
  const catalog = path.join(dir, "catalog.mjs");
  fs.writeFileSync(catalog, ids.map((id, i) => `import { variant as v${i} } from ${JSON.stringify(faulty(id))};`).join("\n") + `\nexport const FAULTY_VARIANTS = [${ids.map((_, i) => `v${i}`).join(", ")}];\n`);
  try {
    const options = { seed: 7, runs: 2, stepTimeoutMs: 2_000 };
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
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
