/**
 * Memory across a long run (issue 15): a 10,000-call conformance run in a process of its own
 * (bench/memory-child.ts, the reference bot in-process) against the heap before it, both after a
 * full collection. A growth check: the same process measured at two moments, so a busy machine
 * changes the run's duration, not what it keeps. The subject's name also reports the heap at the
 * end of the run's deliveries, while the session (the mock Graph's calls, the bot's state) is open.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { MemoryResult } from "../memory-child.js";
import { stats } from "../measure.js";
import type { Row } from "../row.js";

const CALLS = 10_000;

async function runChild(calls: number): Promise<MemoryResult> {
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "memory-child.js");
  const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", child, String(calls)], { encoding: "utf8", maxBuffer: 1024 * 1024, timeout: 30 * 60_000 });
  return JSON.parse(stdout) as MemoryResult;
}

export const memoryRow: Row = {
  id: "memory-flat",
  title: `the heap a ${CALLS.toLocaleString("en")}-call run leaves behind (in-process reference bot, run --only delivery.outgoing-call-lifecycle --runs ${CALLS})`,
  baseline: "the heap of the same process before that run (after a warm-up run of the same kind, so what is loaded once is on both sides), both after a full collection",
  goal: { max: 1.2, growth: true },
  prepare({ quick }) {
    // One run in CI (its heap is what it is, however busy the machine); the median of three in the full bench.
    const samples = quick ? 1 : 3;
    return {
      async measure() {
        const results: MemoryResult[] = [];
        for (let i = 0; i < samples; i++) results.push(await runChild(CALLS));
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        const last = results.at(-1)!;
        const perCall = (last.during - last.before) / last.calls;
        const subject = `after the run (${last.message}; ${(last.wallMs / 1000).toFixed(0)} s wall; at the end of its deliveries, session open: ${mb(last.during)}, ${(perCall / 1024).toFixed(1)} KB per call held by the mock Graph and the bot until the run ends)`;
        return {
          subject: { ...stats(subject, results.map((r) => r.after), 1, "wall"), unit: "bytes" as const },
          baseline: { ...stats(`before the run (after a ${last.warmupCalls}-call warm-up run)`, results.map((r) => r.before), 1, "wall"), unit: "bytes" as const },
        };
      },
    };
  },
};
