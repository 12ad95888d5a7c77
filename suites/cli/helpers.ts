/** In-process CLI runs with in-memory streams, and temporary input trees that clean up after themselves. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { afterEach, beforeEach } from "vitest";
import type { CliIO } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";

export interface RunOptions {
  cwd?: string;
  /** What stdin yields; a Readable is used as is (e.g. one that never ends). */
  stdin?: string | Buffer | Readable;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the final empty one. */
  lines: string[];
}

/** `graph-calls-contract <args...>` in this process, with captured output. */
export async function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = memoryWritable(options.stdoutIsTTY);
  const stderr = memoryWritable(options.stderrIsTTY);
  const stdin = options.stdin instanceof Readable ? options.stdin : Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  if (options.stdinIsTTY) Object.assign(stdin, { isTTY: true });
  const io: CliIO = { stdout: stdout.stream, stderr: stderr.stream, stdin, cwd: options.cwd ?? process.cwd(), startedAt: performance.now() };
  const code = await main(args, io);
  const out = stdout.text();
  return { code, stdout: out, stderr: stderr.text(), lines: out === "" ? [] : out.replace(/\n$/, "").split("\n") };
}

function memoryWritable(isTTY = false) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  if (isTTY) Object.assign(stream, { isTTY: true, columns: 80 });
  return { stream, text: () => chunks.join("") };
}

/** A fresh temporary directory per test (removed after it); call at the top of a describe block. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-cli-"));
  });
  afterEach(() => {
    if (dir) {
      fs.chmodSync(dir, 0o700); // a test may have locked it
      fs.rmSync(dir, { recursive: true, force: true });
    }
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error("useTempDir(): the directory exists only inside a test");
    return dir;
  };
}

/** Write `content` (a value is serialised as JSON) at `rel` below `dir`, creating parents; returns the absolute path. */
export function put(dir: string, rel: string, content: unknown): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  return file;
}
