/**
 * vitest's global setup: a folder for this run's packed tarball. Suites that need the package as a
 * user gets it call packedTarball() (suites/package/helpers.ts), which packs into this folder the
 * first time any worker asks and reuses it after: one `npm pack` per test run, none when no suite
 * needs it. The folder goes when the run ends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    packDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-pack-"));
  project.provide("packDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
