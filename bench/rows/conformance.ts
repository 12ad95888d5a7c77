/** The main command's proof phase: the catalog of faulty implementations, against the run it proves. */
import path from "node:path";
import { deliveryChecks } from "../../src/harness/delivery.js";
import { proveCatalog } from "../../src/harness/prove.js";
import { runConformance } from "../../src/harness/run.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { ONE_CALL } from "../measure.js";
import type { Row } from "../row.js";
import { requireFile } from "./support.js";

export const proofRow: Row = {
  id: "proof",
  title: "the proof phase of run --prove (every faulty implementation, as npm run conformance runs it)",
  baseline: "the reference run it proves (20 delivery runs per sequence): the proof must cost a small multiple of it",
  goal: { max: 3 },
  slow: true,
  prepare({ root }) {
    const catalog = requireFile(path.join(root, "dist", "implementations", "faulty", "index.js"), "npm run build");
    return {
      subject: { name: "proof (the catalog, in worker processes)", run: () => proveCatalog(catalog, { seed: 1, runs: 10, stepTimeoutMs: 2_000 }) },
      baseline: { name: "reference run", run: () => runConformance({ adapter: { createBot: () => new ReferenceBot() }, adapterName: "reference", seed: 1, runs: 20, stepTimeoutMs: 5_000, deliveries: deliveryChecks }) },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};
