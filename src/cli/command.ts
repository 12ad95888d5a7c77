/** What every CLI command implements; commands get their streams injected so tests run them in-process. */
import type { Readable, Writable } from "node:stream";
import { outputClosed } from "./closed-output.js";

export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  /** Working directory for relative paths. */
  cwd: string;
  /** performance.now() when the command started, which run's times count from; absent: the process's start (the bin). */
  startedAt?: number;
}

export interface Command {
  /** Full usage text shown by `graph-calls-contract <command> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** A command as the router knows it before loading it. */
export interface CommandEntry {
  name: string;
  /** One line for `graph-calls-contract --help`. */
  summary: string;
  /** `<command> --help`: from src/cli/usage/, without loading the command (which may load the harness). */
  usage(): Promise<string>;
  load(): Promise<Command>;
  /** A maintainer's command: it rewrites files of a clone of the repository (fixtures, schemas, docs) or runs what only a clone has; an installed package neither lists nor runs it. */
  repositoryOnly?: true;
}

/** Exit codes shared by every command: 3 says the tool failed, never what it checked. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** A usage mistake: printed as one line plus a pointer to --help, exit 2. */
export class UsageError extends Error {}

/** A line to a stream, unless it was found closed: a write to a closed pipe only fails again (closed-output.ts). */
export function writeLine(stream: Writable, line = ""): void {
  if (outputClosed(stream)) return;
  stream.write(line + "\n");
}
