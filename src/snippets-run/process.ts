/** One bounded child process: its output, exit code, and no survivor (the group is killed at the deadline). */
import fs from "node:fs";
import path from "node:path";
import { killTree, spawnGroup } from "../adapters/children.js";

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const MAX_OUTPUT = 8 * 1024 * 1024;

export function runProcess(command: string, args: readonly string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawnGroup(command, args, { cwd: options.cwd, ...(options.env ? { env: options.env } : {}) });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout!.on("data", (chunk: Buffer) => { if (stdout.length < MAX_OUTPUT) stdout += chunk.toString("utf8"); });
    child.stderr!.on("data", (chunk: Buffer) => { if (stderr.length < MAX_OUTPUT) stderr += chunk.toString("utf8"); });
    const timer = setTimeout(() => { timedOut = true; killTree(child); }, options.timeoutMs);
    child.on("error", (error) => { clearTimeout(timer); killTree(child); resolve({ code: null, stdout, stderr: `${stderr}${error.message}`, timedOut }); });
    child.on("close", (code) => { clearTimeout(timer); killTree(child); resolve({ code, stdout, stderr, timedOut }); });
    child.stdin!.on("error", () => undefined);
    child.stdin!.end(options.input ?? "");
  });
}

/** Whether an executable is on PATH (a toolchain that is absent is skipped with a note, never a failure). */
export function onPath(executable: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).some((dir) => {
    try {
      fs.accessSync(path.join(dir, executable), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
