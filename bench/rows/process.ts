/** The process protocol, a whole run (per-POST and per-request rows: bench/rows/protocol.ts; memory across calls: bench/rows/memory.ts). */
import path from "node:path";
import { ProcessBot } from "../../src/adapters/process-bot.js";
import { runConformance } from "../../src/harness/run.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { ONE_CALL } from "../measure.js";
import type { Row } from "../row.js";
import { requireFile } from "./support.js";

export const processRow: Row = {
  id: "process-run",
  title: "a conformance run (requests and sequences, no deliveries) through the process protocol",
  baseline: "the same run in-process (msw): the protocol's cost on top of the checks",
  slow: true,
  prepare({ root }) {
    const main = requireFile(path.join(root, "dist", "implementations", "reference-process", "main.js"), "npm run build");
    const run = (createBot: () => ReferenceBot | ProcessBot, graphTransport: "in-process" | "http") => () =>
      runConformance({ adapter: { createBot }, adapterName: "bench", seed: 1, runs: 0, stepTimeoutMs: 5_000, graphTransport });
    return {
      subject: { name: "process (stdin/stdout + HTTP)", run: run(() => new ProcessBot({ command: `node ${main}`, cwd: root, requestTimeoutMs: 5_000 }), "http") },
      baseline: { name: "in-process (msw)", run: run(() => new ReferenceBot(), "in-process") },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};
