/**
 * Where a run's reports go: reports/<run>/, named by start time and adapter so folders sort by
 * time, and reports/latest, a copy of the newest run.
 *
 * latest is a copy, not a symlink: CI artifact uploaders and test-report globs
 * (reports/latest/junit.xml) read it the same everywhere, including Windows checkouts where
 * symlinks need privileges and zip archives that store links as links; the files are small.
 */
import fs from "node:fs";
import path from "node:path";
import type { RunResult } from "../harness/run.js";

export const LATEST = "latest";

/** "2026-11-23T09:40:12.345Z" + "reference" -> "2026-11-23T09-40-12Z-reference" (no ":" for Windows paths). */
export function runFolderName(result: Pick<RunResult, "startedAt" | "adapter">): string {
  const started = new Date(result.startedAt);
  if (Number.isNaN(started.getTime())) throw new Error(`reports: the run's startedAt ${JSON.stringify(result.startedAt)} is not a date; cannot name its folder`);
  const stamp = started.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const adapter = result.adapter.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").slice(0, 60) || "adapter";
  return `${stamp}-${adapter}`;
}

/** A fresh folder for the run: a second run in the same second with the same adapter gets "-2", and so on. */
export function createRunFolder(reportsRoot: string, name: string): string {
  try {
    fs.mkdirSync(reportsRoot, { recursive: true });
  } catch (error) {
    throw new Error(`reports: cannot create the reports folder ${reportsRoot}: ${(error as Error).message}`);
  }
  for (let n = 1; ; n++) {
    const dir = path.join(reportsRoot, n === 1 ? name : `${name}-${n}`);
    try {
      fs.mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new Error(`reports: cannot create ${dir}: ${(error as Error).message}`);
    }
  }
}

/** Replace reports/latest with a copy of `runDir`, built aside first so latest is never a half-written copy. */
export function updateLatest(reportsRoot: string, runDir: string): string {
  const latest = path.join(reportsRoot, LATEST);
  const staging = path.join(reportsRoot, `.${LATEST}-${process.pid}-${Date.now()}`);
  try {
    fs.cpSync(runDir, staging, { recursive: true });
    fs.rmSync(latest, { recursive: true, force: true });
    fs.renameSync(staging, latest);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`reports: cannot update ${latest} from ${runDir}: ${(error as Error).message}`);
  }
  return latest;
}
