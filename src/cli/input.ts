/**
 * Where the CLI's JSON inputs come from, and reading them without surprises: paths are expanded
 * into a sorted list of sources, each source is read within a byte limit (checked with fstat before
 * reading a file), and anything wrong with one input becomes an InputError naming the problem,
 * never a stack trace or a hang.
 */
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";

/** A problem with one input (unreadable, too large, not JSON...): reported against that input, exit 1. */
export class InputError extends Error {}

export const STDIN_ARG = "-";
export const STDIN_NAME = "<stdin>";

export interface Source {
  /** The path as the user wrote it (joined with the relative path inside a directory), or <stdin>. */
  display: string;
  /** Absolute path to read; undefined for stdin. */
  file?: string;
  /** A problem found while listing (e.g. an empty or unreadable directory): reading the source throws it. */
  problem?: string;
}

/** Expand the command-line paths: directories recursively into their *.json files, in code-point order. */
export function listSources(args: string[], cwd: string): Source[] {
  return args.flatMap((arg): Source[] => {
    if (arg === STDIN_ARG) return [{ display: STDIN_NAME }];
    const file = path.resolve(cwd, arg);
    if (!isDirectory(file)) return [{ display: arg, file }];
    const found = listJsonFiles(file);
    if (found.length === 0) return [{ display: arg, problem: "no *.json files in this directory" }];
    return found.map((entry) => ({ ...entry, display: path.join(arg, entry.display) }));
  });
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // reading it reports why (missing, permission...)
  }
}

/**
 * The *.json files below `root`, displayed relative to it. Symbolic links to directories are not
 * followed (a link cycle would never end); an unreadable sub-directory becomes a source with a problem.
 */
function listJsonFiles(root: string): Source[] {
  const found: Source[] = [];
  const pending = [""];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      found.push({ display: rel, problem: describeFsError(error) });
      continue;
    }
    for (const entry of entries) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) pending.push(child);
      else if (entry.name.endsWith(".json")) found.push({ display: child, file: path.join(root, child) });
    }
  }
  // Code-point order, not locale order: the same tree lists the same way on every machine.
  return found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** The bytes of a source, at most `maxBytes` of them. */
export async function readSource(source: Source, maxBytes: number, stdin: Readable): Promise<Buffer> {
  if (source.problem !== undefined) throw new InputError(source.problem);
  if (source.file === undefined) return readWithinLimit(stdin, maxBytes);
  return readFileWithinLimit(source.file, maxBytes);
}

/** Opening does not wait: a FIFO opened for reading would block until a writer comes (O_NONBLOCK does not exist on Windows, nor FIFOs). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * A regular file, at most `maxBytes` of it. What is checked is what was opened (fstat of the
 * descriptor), so no rename in between can swap in a FIFO or a device, which may never end. Read
 * synchronously: files are validated one at a time, and a read stream costs more to set up
 * (about 5 ms of a CLI start here) than reading a payload does.
 */
function readFileWithinLimit(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw new InputError(describeFsError(error));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new InputError("is a directory");
    if (!stat.isFile()) throw new InputError(`not a regular file (to read a pipe or device, redirect it to stdin and pass ${STDIN_ARG})`);
    if (stat.size > maxBytes) throw new InputError(tooLarge(maxBytes, stat.size));
    // Still bounded while reading: the file may have grown since fstat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (let chunk = Buffer.allocUnsafe(stat.size + 1); ; chunk = Buffer.allocUnsafe(64 * 1024)) {
      const read = readFully(fd, chunk);
      total += read;
      if (total > maxBytes) throw new InputError(tooLarge(maxBytes));
      chunks.push(chunk.subarray(0, read));
      if (read < chunk.length) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    }
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(describeFsError(error));
  } finally {
    fs.closeSync(fd);
  }
}

/** Fills `buffer` from the file's current position; fewer bytes only at the end of the file. */
function readFully(fd: number, buffer: Buffer): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

async function readWithinLimit(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      // Leaving the loop destroys the stream: nothing more is read.
      if (total > maxBytes) throw new InputError(tooLarge(maxBytes));
      chunks.push(bytes);
    }
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(describeFsError(error));
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number, size?: number): string {
  return `too large: ${size === undefined ? "" : `${size} bytes, `}over the ${maxBytes}-byte limit (raise it with --max-bytes)`;
}

/** One short phrase for a file-system error: the user needs the cause, not errno internals or a stack. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "no such file (a parent in the path is not a directory)";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "EISDIR":
      return "is a directory";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return `cannot read: ${typeof code === "string" ? code : ((error as Error)?.message ?? String(error))}`;
  }
}
