/**
 * The reports a conformance run writes: reports/<run>/ with junit.xml (CI test reporters),
 * results.json and its schema (machines), ctrf.json (CTRF reporters), summary.md (a pull-request
 * comment) and index.html (people),
 * and reports/latest, a copy of the newest run. The renderers are pure; this is the only writer.
 */
import fs from "node:fs";
import path from "node:path";
import type { RunResult } from "../harness/run.js";
import { CTRF_FILE, renderCtrf } from "./ctrf.js";
import { renderHtml } from "./html.js";
import { renderJunit } from "./junit.js";
import { renderSummaryMarkdown } from "./markdown.js";
import { readResultsSchema, renderResultsJson, RESULTS_SCHEMA_FILE } from "./results-json.js";
import { createRunFolder, runFolderName, updateLatest } from "./run-folder.js";

export interface WrittenReports {
  /** reports/<run>/, absolute. */
  dir: string;
  /** The files written there, absolute (reports/latest holds copies of them). */
  files: string[];
}

/** The files of a run folder, in the order a reader wants them. */
export const REPORT_FILES = ["index.html", "summary.md", "junit.xml", "results.json", CTRF_FILE, RESULTS_SCHEMA_FILE] as const;

export function writeReports(result: RunResult, reportsRoot: string): WrittenReports {
  // Render everything before touching the disk: a renderer that throws leaves no half-written run.
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    "index.html": renderHtml(result),
    "summary.md": renderSummaryMarkdown(result),
    "junit.xml": renderJunit(result),
    "results.json": renderResultsJson(result),
    [CTRF_FILE]: renderCtrf(result),
    [RESULTS_SCHEMA_FILE]: readResultsSchema(),
  };
  const root = path.resolve(reportsRoot);
  const dir = createRunFolder(root, runFolderName(result));
  const files = REPORT_FILES.map((name) => {
    const file = path.join(dir, name);
    try {
      fs.writeFileSync(file, contents[name]);
    } catch (error) {
      throw new Error(`reports: cannot write ${file}: ${(error as Error).message}`);
    }
    return file;
  });
  updateLatest(root, dir);
  return { dir, files };
}
