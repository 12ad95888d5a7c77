/**
 * Processes the harness starts, and what they start in turn, are killed when the harness closes
 * them, when the run ends, when the harness exits and when it is interrupted: no orphan survives.
 *
 * What is guaranteed (PROTOCOL.md, Lifecycle):
 * - every process is started as the leader of its own process group, and the whole group is
 *   SIGKILLed at close, whether or not the leader has already exited (a child left behind by a
 *   leader that exited is still in the group);
 * - every process also inherits a marker in its environment (MARKER=<token>); on Linux, at close,
 *   every process carrying this child's token is SIGKILLed too, which reaches descendants that left
 *   the group (setsid, setpgid, a daemonizing double fork) as long as they kept the environment;
 * - not reached: a descendant that left the group *and* was exec'd with an environment without the
 *   marker, or one on a system without /proc; and nothing survives the harness being SIGKILLed itself.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";

/** The environment variable every process the harness starts (and everything it starts) carries. */
export const MARKER = "GRAPH_CALLS_CONTRACT_PROCESS";

const live = new Map<ChildProcess, string>();
let hooked = false;
let counter = 0;

/**
 * Start a command as the leader of its own process group, marked and tracked. With no args the
 * command goes through the shell. stdio is always three pipes.
 */
export function spawnGroup(command: string, args: readonly string[] | undefined, options: { cwd: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  const token = `${process.pid}.${++counter}.${randomBytes(6).toString("hex")}`;
  const spawnOptions: SpawnOptions = { cwd: options.cwd, env: { ...(options.env ?? process.env), [MARKER]: token }, detached: true, stdio: ["pipe", "pipe", "pipe"] };
  const child = args === undefined ? spawn(command, { ...spawnOptions, shell: true }) : spawn(command, args, spawnOptions);
  track(child, token);
  return child;
}

function track(child: ChildProcess, token: string): void {
  live.set(child, token);
  // Not forgotten when the leader exits: its group and marked descendants may still be alive.
  if (!hooked) {
    hooked = true;
    process.once("exit", killAll);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        killAll();
        // Another listener (`run`, which writes a partial report) decides when to exit; without one, now.
        if (process.listenerCount(signal) === 0) process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
      });
    }
  }
}

/**
 * SIGKILL the child's process group (it leads one), the child, and, on Linux, every process that
 * carries its marker. Synchronous, so it also works in an exit handler. Idempotent.
 */
export function killTree(child: ChildProcess): void {
  const token = live.get(child);
  live.delete(child);
  if (child.pid !== undefined) {
    // The group id stays reserved while any member lives, so this reaches only the child's own group.
    signal(-child.pid);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  if (token !== undefined) killMarked([token]);
}

export function killAll(): void {
  const tokens = [...live.values()];
  for (const child of [...live.keys()]) {
    live.delete(child);
    if (child.pid !== undefined) signal(-child.pid);
  }
  killMarked(tokens);
}

/** Children started and not yet closed. */
export function liveChildren(): number {
  return live.size;
}

function signal(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // no such process (group): nothing to kill
  }
}

/**
 * Kill every process whose environment carries one of the tokens. A marked process may fork between
 * the scan and the kill, so scan again until none is found (bounded: a SIGKILLed process forks no more).
 */
function killMarked(tokens: readonly string[]): void {
  if (tokens.length === 0 || process.platform !== "linux") return;
  for (let pass = 0; pass < 5; pass++) {
    const found = markedProcesses(tokens);
    if (found.length === 0) return;
    for (const pid of found) signal(pid);
  }
}

/** Processes (other than this one) whose environment carries one of the tokens; Linux only, [] elsewhere. */
export function markedProcesses(tokens: readonly string[]): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [];
  }
  // environ is NUL-separated: the variable starts the block or follows a NUL. A zombie's reads empty.
  const first = tokens.map((t) => Buffer.from(`${MARKER}=${t}\0`));
  const later = first.map((n) => Buffer.concat([Buffer.from([0]), n]));
  const found: number[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environ: Buffer;
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`);
    } catch {
      continue; // gone, or another user's
    }
    if (first.some((n, i) => environ.indexOf(n) === 0 || environ.indexOf(later[i]!) >= 0)) found.push(pid);
  }
  return found;
}
