/** Real conformance runs to write reports from: the reference bot, and a faulty variant of it. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { AdapterModule } from "../../src/harness/adapter.js";
import { UNHURRIED } from "../hang-detectors.js";
import { runConformance, type RunResult } from "../../src/harness/run.js";
import { REFERENCE_PARTS, ReferenceBot } from "../../implementations/reference/bot.js";

/** Every group, the property-based deliveries included (few runs: the reports need their shape, not their power). */
const OPTIONS = { seed: 1, runs: 5, ...UNHURRIED };

export function referenceRun(): Promise<RunResult> {
  return runConformance({ adapter: { createBot: () => new ReferenceBot() }, adapterName: "reference", ...OPTIONS });
}

/**
 * Fails requests, sequences and deliveries without stopping the sequences: transfers carry another
 * clientContext, roster notifications are ignored (sequences), and a POST that batches several
 * notifications is answered 500 (the deliveries batch what the documented order sends one by one).
 */
export const FAULTY_ADAPTER: AdapterModule = {
  createBot: () => {
    return new ReferenceBot({
      ...REFERENCE_PARTS,
      transferBody: (intent) => ({ ...REFERENCE_PARTS.transferBody(intent), clientContext: "not-the-scenario's" }),
      answer: (body) => (Array.isArray(body.value) && body.value.length > 1 ? 500 : 202),
      applyNotification: (calls, notification, ...rest) => {
        if (!String(notification.resourceUrl).includes("/participants")) REFERENCE_PARTS.applyNotification(calls, notification, ...rest);
      },
    });
  },
};

export function faultyRun(): Promise<RunResult> {
  return runConformance({ adapter: FAULTY_ADAPTER, adapterName: "faulty <&\"'> bot", ...OPTIONS });
}

/** A temporary reports root, removed after the file's tests; it holds a README as a fresh checkout's reports/ does. */
export function tempReportsRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-reports-"));
  fs.writeFileSync(path.join(dir, "README.md"), "# reports\n");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
