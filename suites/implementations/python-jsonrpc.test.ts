/**
 * The JSON-RPC bot (implementations/python-jsonrpc: the Python bot's calling code, framed by the stock
 * `json-rpc` library from PyPI) passes every conformance check, the framing detected from its answer
 * to start: a C#, Java or Python team can use the JSON-RPC library it already has. Needs `npm run build`
 * and the library (scripts/setup-toolchains.sh installs it in .toolchains/python-jsonrpc); skipped
 * with a note where either python3 or the library is absent.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeRun, leftovers, ROOT, runCommand } from "./command-run.js";

const BOT = "implementations/python-jsonrpc/run-bot.sh";
const version = spawnSync(path.join(ROOT, BOT), ["--version"], { encoding: "utf8" });
const available = version.status === 0;
const SKIP_REASON = version.error ? `python3 or ${BOT} cannot run (${version.error.message})` : `${version.stderr.trim() || "json-rpc is not installed"} (scripts/setup-toolchains.sh)`;
const ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };

describe.skipIf(!available)(`JSON-RPC bot (implementations/python-jsonrpc)${available ? "" : ` (skipped: ${SKIP_REASON})`}`, () => {
  it("is framed by the stock library: it answers the native start as JSON-RPC 2.0 does, Invalid Request with id null", async () => {
    const child = spawn(path.join(ROOT, BOT), [], { cwd: ROOT, env: ENV, stdio: ["pipe", "pipe", "ignore"] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
      child.on("error", reject);
      setTimeout(() => reject(new Error(`no answer within 10 s (stdout: ${out})`)), 10_000).unref();
      child.stdin.write(JSON.stringify({ protocol: 1, id: 1, method: "start", params: {} }) + "\n");
    }).finally(() => child.stdin.end());
    expect(JSON.parse(line)).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Invalid Request" } });
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  });

  it("passes every conformance check with the framing detected, and leaves no python process behind", async () => {
    const marker = randomUUID();
    // The marker is an argument the bot ignores (run-bot.sh passes it on): it tags the run's python processes.
    const run = await runCommand({ command: `${BOT} -X conformance-run=${marker}`, marker, isBot: /python/, env: ENV });
    const report = describeRun(run);
    expect(run.code, report).toBe(0);
    expect(run.stdout, report).toMatch(/^\d+ passed, 0 failed in .* \(seed 1\)$/m);
    const kinds = [...run.stdout.matchAll(/^(\w+)\s+(\d+) passed\s+(\d+) failed$/gm)].map((m) => ({ kind: m[1], passed: Number(m[2]), failed: Number(m[3]) }));
    expect(kinds.map((k) => k.kind), report).toEqual(expect.arrayContaining(["requests", "sequences", "deliveries", "receiver"]));
    for (const k of kinds) expect(k.failed, `${k.kind}: ${report}`).toBe(0);
    expect(run.observationVersion, report).toBe(1);
    expect(run.seen.size, "no python process of the run was ever seen: the orphan check would prove nothing").toBeGreaterThan(0);
    expect(await leftovers(marker, 3000), "processes of the run outlived it").toEqual([]);
  }, 120_000);
});
