/**
 * What the harness guarantees about the processes it starts (src/adapters/children.ts, PROTOCOL.md
 * Lifecycle): the whole process group is killed at close even when its leader has already exited,
 * and on Linux so are descendants that left the group but kept the environment's marker. A
 * descendant that left the group with a clean environment is beyond the guarantee: shown here too.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { afterAll, describe, expect, test } from "vitest";
import { killTree, liveChildren, markedProcesses, spawnGroup } from "../../src/adapters/children.js";

const linux = process.platform === "linux";
const started: number[] = [];
afterAll(() => {
  for (const pid of started) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
});

/** A sleep with a duration no other process on the machine uses, so `ps` finds only ours. */
function uniqueSleep(): string {
  return `${400 + Math.floor(Math.random() * 500)}.${Math.floor(Math.random() * 1000)}`;
}

function pidsOf(args: string): number[] {
  return execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).split("\n")
    .map((l) => /^\s*(\d+)\s+(.*)$/.exec(l)).filter((m) => m?.[2] === args).map((m) => Number(m![1]));
}

/** Whether `condition` holds within `ms`: 30 s, a hang detector (a process's start or end can wait seconds for a core on a loaded machine). */
async function until(condition: () => boolean, ms = 30_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (condition()) return true;
  return condition();
}

/** The leader starts `inner` in the background (ignoring SIGTERM), prints its pid, and exits at once. */
async function leaderThatLeaves(inner: string): Promise<{ child: ReturnType<typeof spawnGroup>; sleep: string }> {
  const sleep = uniqueSleep();
  const child = spawnGroup(`${inner.replace("SLEEP", `sleep ${sleep}`)} & echo started`, undefined, { cwd: os.tmpdir() });
  await new Promise((r) => child.once("exit", r));
  expect(await until(() => pidsOf(`sleep ${sleep}`).length === 1)).toBe(true);
  started.push(...pidsOf(`sleep ${sleep}`));
  return { child, sleep };
}

describe("killTree", () => {
  test("kills what the leader left in its group after the leader exited", async () => {
    const { child, sleep } = await leaderThatLeaves("sh -c \"trap '' TERM HUP; SLEEP\"");
    expect(child.exitCode).toBe(0);
    killTree(child);
    expect(await until(() => pidsOf(`sleep ${sleep}`).length === 0)).toBe(true);
  });

  test.runIf(linux)("kills a descendant that left the group with setsid, by the marker it inherited", async () => {
    const { child, sleep } = await leaderThatLeaves("setsid sh -c \"trap '' TERM HUP; SLEEP\"");
    const pid = pidsOf(`sleep ${sleep}`)[0]!;
    expect(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)], { encoding: "utf8" }).trim()).not.toBe(String(child.pid));
    killTree(child);
    expect(await until(() => pidsOf(`sleep ${sleep}`).length === 0)).toBe(true);
  });

  test.runIf(linux)("does not reach a descendant that left the group and dropped its environment (the documented limit)", async () => {
    const { child, sleep } = await leaderThatLeaves("env -i setsid SLEEP");
    killTree(child);
    await new Promise((r) => setTimeout(r, 300));
    expect(pidsOf(`sleep ${sleep}`)).toHaveLength(1);
  });

  test.runIf(linux)("finds nothing for a token no process carries, and forgets closed children", () => {
    expect(markedProcesses(["no-such-token"])).toEqual([]);
    expect(liveChildren()).toBe(0);
  });
});
