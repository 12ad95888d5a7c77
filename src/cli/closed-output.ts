/**
 * A reader that stops early (`validate dir | head -1`) closes the pipe, and the next write fails
 * with EPIPE, which Node raises as an uncaught 'error' event: a stack trace. Listening for it turns
 * that into a flag the command checks to stop working. The listener stays for the life of the
 * stream, since writes already queued can still fail after the command has returned.
 */
import type { Writable } from "node:stream";

export interface OutputWatch {
  /** True once the stream cannot be written to any more. */
  readonly closed: boolean;
}

export function watchOutput(stream: Writable): OutputWatch {
  const watch = { closed: false };
  stream.on("error", () => {
    watch.closed = true;
  });
  return watch;
}
