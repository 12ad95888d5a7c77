/**
 * `graph-calls-contract compat`: run every implementation of the list, then write the table twice,
 * docs/COMPATIBILITY.md (committed, checked by --check) and reports/compatibility/index.html,
 * with each implementation's own reports beside it (reports/compatibility/<id>/latest/).
 */
import fs from "node:fs";
import path from "node:path";
import { writeReports } from "../reports/index.js";
import { LATEST } from "../reports/run-folder.js";
import { diffGeneratedTree, writeGeneratedTree, type SyncResult } from "../util/generated-files.js";
import { renderCompatHtml } from "./html.js";
import type { CompatImplementation } from "./implementations.js";
import { renderCompatMarkdown } from "./markdown.js";
import { runImplementations, type CompatRun, type CompatRunOptions } from "./run-implementations.js";
import { compatTable, type CompatTable } from "./table.js";

export interface CompatOptions extends CompatRunOptions {
  implementations: readonly CompatImplementation[];
  /** docs/COMPATIBILITY.md, absolute. */
  markdownFile: string;
  /** reports/compatibility, absolute. */
  reportsDir: string;
  /** Compare the Markdown with the file instead of writing it. */
  check: boolean;
}

export interface CompatOutcome {
  runs: CompatRun[];
  table: CompatTable;
  markdown: string;
  /** What differs (--check) or what was written. */
  sync: SyncResult;
  htmlFile: string;
}

export async function compat(options: CompatOptions): Promise<CompatOutcome> {
  const runs = await runImplementations(options.implementations, options);
  const table = compatTable(runs);
  const context = { seed: options.seed, runs: options.runs };
  const markdown = renderCompatMarkdown(table, context);

  for (const run of runs) if (run.result) writeReports(run.result, path.join(options.reportsDir, run.implementation.id));
  const htmlFile = path.join(options.reportsDir, "index.html");
  fs.mkdirSync(options.reportsDir, { recursive: true });
  fs.writeFileSync(htmlFile, renderCompatHtml(table, { ...context, reportOf: (id) => `${id}/${LATEST}/index.html` }));

  const tree = { root: path.dirname(options.markdownFile), owned: [], files: new Map([[path.basename(options.markdownFile), markdown]]) };
  const sync = options.check ? diffGeneratedTree(tree) : writeGeneratedTree(tree);
  return { runs, table, markdown, sync, htmlFile };
}
