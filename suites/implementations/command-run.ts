/**
 * Running the built CLI against a bot given as a command, as a user does, and finding the bot's processes
 * afterwards: shared by the suites of the bots in implementations/ that speak the process protocol.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { MAX_LATENCY_MS, STEP_TIMEOUT_MS } from "../hang-detectors.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin/graph-calls-contract.js");

export interface CheckOutcome {
  id: string;
  status: string;
  knownDefect?: string;
  message?: string;
}

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The checks of the run's results.json (empty when the run wrote none). */
  checks: CheckOutcome[];
  /** The observation version the bot spoke (results.json), when it started. */
  observationVersion?: number;
  /** Pids of the bot's processes (those carrying the run's marker), seen while the run was going on. */
  seen: Set<number>;
}

/** Processes whose command line carries `marker`; the CLI itself (whose --command holds it too) is left out by pid. */
export function processesWith(marker: string, exceptPid?: number): { pid: number; args: string }[] {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  if (ps.status !== 0) throw new Error(`ps failed: ${ps.stderr}`);
  return ps.stdout
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), args: m[2] ?? "" }))
    .filter((p) => p.args.includes(marker) && p.pid !== exceptPid);
}

/**
 * `graph-calls-contract run --command <command> --seed 1 --runs 5 ...extraArgs`, from the repository root, with its
 * reports in a directory of its own (reports/latest is left to people). `command` must carry `marker`; the
 * processes whose command line also matches `isBot` are recorded in `seen`. The step and receiver.latency's budget
 * are hang detectors (extraArgs may say otherwise): these runs judge a bot, and a Python or JVM process's first
 * steps beside other suites on two shared cores take seconds, which the defaults (5 s, 3 s) would count against it.
 */
export function runCommand(options: { command: string; marker: string; isBot: RegExp; extraArgs?: string[]; env?: NodeJS.ProcessEnv }): Promise<CommandRun> {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-command-"));
  const args = [BIN, "run", "--command", options.command, "--seed", "1", "--runs", "5", "--reports", reports, "--step-timeout", String(STEP_TIMEOUT_MS), "--max-latency", String(MAX_LATENCY_MS), ...(options.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  // A test that times out abandons this promise, not the run: SIGTERM it when the test ends however it ends (the
  // harness then stops the bot and exits), or it runs on for an hour beside the next suites.
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const seen = new Set<number>();
  // Each look is a `ps` of the whole machine (~10-20 ms of CPU): every 250 ms still sees a bot that lives for the
  // whole run (seconds), where every 50 ms cost seconds of CPU per run beside the other suites.
  const watch = setInterval(() => {
    for (const p of processesWith(options.marker, child.pid)) if (options.isBot.test(p.args)) seen.add(p.pid);
  }, 250);
  const finish = (): Pick<CommandRun, "checks" | "observationVersion"> => {
    clearInterval(watch);
    const file = path.join(reports, "latest", "results.json");
    const results = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Pick<CommandRun, "checks" | "observationVersion">) : { checks: [] };
    fs.rmSync(reports, { recursive: true, force: true });
    return { checks: results.checks, ...(results.observationVersion === undefined ? {} : { observationVersion: results.observationVersion }) };
  };
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      finish();
      reject(error);
    });
    child.on("close", (code) => resolve({ code, stdout, stderr, ...finish(), seen }));
  });
}

/** The run's output and the tail of its stderr, for assertion messages. */
export function describeRun(run: CommandRun): string {
  return `${run.stdout}\n--- stderr (tail) ---\n${run.stderr.split("\n").slice(-40).join("\n")}`;
}

/** Waits up to `ms` for the marked processes to be gone; kills those still there (so no suite inherits them) and returns them. */
export async function leftovers(marker: string, ms: number): Promise<{ pid: number; args: string }[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = processesWith(marker);
    if (alive.length === 0 || Date.now() > deadline) {
      for (const p of alive) {
        try {
          process.kill(p.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      return alive;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
