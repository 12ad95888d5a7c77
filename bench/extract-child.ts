/**
 * One extraction of a page in a process of its own, for what the bench cannot see from inside its
 * own process: the peak memory of that extraction alone (bench/rows/extract.ts checks it against
 * the budget before timing). Prints one JSON line: CPU time, wall time, peak resident memory, and
 * the number of fixtures produced.
 */
import { performance } from "node:perf_hooks";
import { extractPage } from "./rows/extract.js";

export interface ChildResult {
  wallMs: number;
  /** CPU time (user + system): what a busy machine does not inflate. */
  cpuMs: number;
  peakRssMB: number;
  fixtures: number;
}

const file = process.argv[2];
if (!file) throw new Error("usage: extract-child.js <page>");
const start = performance.now();
const cpu = process.cpuUsage();
const fixtures = extractPage(file);
const used = process.cpuUsage(cpu);
const result: ChildResult = { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), fixtures };
process.stdout.write(JSON.stringify(result) + "\n");
