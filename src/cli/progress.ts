/**
 * A one-line progress indicator on stderr for long runs. Only a person watching a terminal wants
 * it: it is off when stderr is not a TTY, and off when JSON goes to a pipe (whoever reads it may
 * be collecting stderr too). It never writes to stdout.
 */
import type { Writable } from "node:stream";
import { outputClosed } from "./closed-output.js";

/** Fewer files than this finish before a progress line would be read. */
export const PROGRESS_MIN_FILES = 20;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  /** About to work on item `index` (0-based) of `total`, called `name`. */
  update(index: number, name: string): void;
  /** Call before writing to stdout: erases the line when stdout shares the terminal. */
  beforeOutput(): void;
  /** Erase the line for good. */
  done(): void;
}

const SILENT: Progress = { update() {}, beforeOutput() {}, done() {} };

export function createProgress(streams: { stdout: Writable; stderr: Writable }, total: number, machineReadable: boolean, now = Date.now): Progress {
  const enabled = isTTY(streams.stderr) && total >= PROGRESS_MIN_FILES && !(machineReadable && !isTTY(streams.stdout));
  if (!enabled) return SILENT;
  const stderr = streams.stderr;
  const sharesTerminal = isTTY(streams.stdout);
  let shown = false;
  let lastDraw = -Infinity;
  const clear = () => {
    if (shown) stderr.write("\r\x1b[K");
    shown = false;
  };
  return {
    update(index, name) {
      // Throttled, except right after output erased it.
      if (shown && now() - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now();
      const width = (stderr as { columns?: number }).columns ?? 80;
      // One terminal line at most: a wrapped line cannot be erased with \r.
      stderr.write(`\r\x1b[K${`validating ${index + 1}/${total} ${name}`.slice(0, Math.max(1, width - 1))}`);
      shown = true;
    },
    beforeOutput() {
      if (sharesTerminal) clear();
    },
    done: clear,
  };
}

function isTTY(stream: Writable): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** Seconds since the command started (this process, which `npm run conformance` also builds in): one decimal. */
function elapsedSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Progress of one phase of `run` (checks, proof) on stderr: the phase's line the first time
 * (`header(total)`), then one line per item, `<phase> [done/total] <elapsed> <item>`, the elapsed time
 * counted from the command's start; redrawn in place on a terminal, one line each in a CI log.
 */
export function phaseProgress(stderr: Writable, phase: string, header: (total: number) => string, elapsedMs: () => number): (done: number, total: number, label: string) => void {
  const tty = isTTY(stderr);
  let started = false;
  return (done, total, label) => {
    if (outputClosed(stderr)) return;
    if (!started) {
      started = true;
      stderr.write(`${tty ? "\r\x1b[2K" : ""}${phase}: ${header(total)} (at ${elapsedSeconds(elapsedMs())})\n`);
    }
    const line = `${phase} [${String(done).padStart(String(total).length)}/${total}] ${elapsedSeconds(elapsedMs()).padStart(7)} ${label}`;
    if (tty) stderr.write(`\r\x1b[2K${line}${done === total ? "\n" : ""}`);
    else stderr.write(`${line}\n`);
  };
}
