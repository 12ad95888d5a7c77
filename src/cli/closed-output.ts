/**
 * A reader that stops early (`validate dir | head -1`), or a parent that dies (a CI runner, a test
 * worker), closes the pipe, and the next write fails with EPIPE, which Node raises as an uncaught
 * 'error' event: a stack trace, or, under a handler of uncaught errors that writes about them, an
 * endless loop of failed writes (the harness of a dead test worker spun for an hour that way).
 * Watching a stream turns that into a flag: writeLine writes nothing more to it, and a command
 * checks the flag, or listens, to stop working. The listener stays for the life of the stream,
 * since writes already queued can still fail after the command has returned.
 */
import type { Writable } from "node:stream";

export interface OutputWatch {
  /** True once the stream cannot be written to any more. */
  readonly closed: boolean;
}

interface Watch {
  closed: boolean;
  listeners: Set<() => void>;
}

const watches = new WeakMap<Writable, Watch>();

/** Watch a stream for a closed pipe (once per stream; watching it again returns the same watch). */
export function watchOutput(stream: Writable): OutputWatch {
  const known = watches.get(stream);
  if (known) return known;
  const watch: Watch = { closed: false, listeners: new Set() };
  watches.set(stream, watch);
  stream.on("error", () => {
    if (watch.closed) return;
    watch.closed = true;
    for (const listener of [...watch.listeners]) listener();
  });
  return watch;
}

/** Whether a watched stream was found closed (an unwatched one never is). */
export function outputClosed(stream: Writable): boolean {
  return watches.get(stream)?.closed === true;
}

/** Call `listener` once, when the stream is found closed (at once if it already was); returns how to stop listening. */
export function onOutputClosed(stream: Writable, listener: () => void): () => void {
  const watch = watches.get(stream) ?? (watchOutput(stream), watches.get(stream)!);
  if (watch.closed) {
    listener();
    return () => {};
  }
  watch.listeners.add(listener);
  return () => watch.listeners.delete(listener);
}
