/**
 * A child's output cut into lines, in bounded memory: a line keeps at most `maxBytes` bytes (the
 * rest is counted, not kept), so a process that writes a gigabyte without a newline costs the
 * harness `maxBytes`, not a gigabyte (or a RangeError). Splits on "\n", drops a "\r" before it.
 */
export interface LineSplitterOptions {
  maxBytes: number;
  /** A complete line: its text (at most maxBytes of it) and how many bytes beyond were dropped. */
  onLine(text: string, droppedBytes: number): void;
  /** The line in progress just went over maxBytes (once per line). */
  onOverflow?(): void;
}

export class LineSplitter {
  private parts: Buffer[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly options: LineSplitterOptions) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.keep(chunk.subarray(start, nl));
      let line = Buffer.concat(this.parts).toString("utf8");
      if (this.dropped === 0 && line.endsWith("\r")) line = line.slice(0, -1);
      const dropped = this.dropped;
      this.parts = [];
      this.kept = 0;
      this.dropped = 0;
      this.options.onLine(line, dropped);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The unterminated line so far (at most maxBytes of it), for diagnostics. */
  partial(): { text: string; droppedBytes: number } {
    return { text: Buffer.concat(this.parts).toString("utf8"), droppedBytes: this.dropped };
  }

  private keep(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const room = this.options.maxBytes - this.kept;
    if (room > 0) {
      // Copied: a subarray would pin the whole chunk it came from.
      const kept = Buffer.from(bytes.subarray(0, room));
      this.parts.push(kept);
      this.kept += kept.length;
      // A line written a byte at a time must not cost an object per byte.
      if (this.parts.length > 64) this.parts = [Buffer.concat(this.parts)];
    }
    if (bytes.length > room) {
      const wasWithinLimit = this.dropped === 0;
      this.dropped += bytes.length - Math.max(room, 0);
      if (wasWithinLimit) this.options.onOverflow?.();
    }
  }
}
