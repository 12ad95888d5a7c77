/** Lines from a child's output in bounded memory: what is kept, what is counted, when overflow is said. */
import { describe, expect, test } from "vitest";
import { LineSplitter } from "../../src/adapters/line-splitter.js";

function collect(maxBytes: number) {
  const lines: Array<[string, number]> = [];
  let overflows = 0;
  const splitter = new LineSplitter({ maxBytes, onLine: (text, dropped) => lines.push([text, dropped]), onOverflow: () => overflows++ });
  return { splitter, lines, overflows: () => overflows };
}

describe("LineSplitter", () => {
  test("splits on \\n across chunks, drops the \\r of \\r\\n, keeps an unterminated line as partial", () => {
    const { splitter, lines } = collect(100);
    splitter.push(Buffer.from("one\r\ntw"));
    splitter.push(Buffer.from("o\n\nthr"));
    expect(lines).toEqual([["one", 0], ["two", 0], ["", 0]]);
    expect(splitter.partial()).toEqual({ text: "thr", droppedBytes: 0 });
  });

  test("a line over the limit keeps its first maxBytes, counts the rest, and says overflow once", () => {
    const { splitter, lines, overflows } = collect(10);
    splitter.push(Buffer.from("0123456789abc"));
    splitter.push(Buffer.from("defg"));
    expect(overflows()).toBe(1);
    expect(splitter.partial()).toEqual({ text: "0123456789", droppedBytes: 7 });
    splitter.push(Buffer.from("h\nnext\n"));
    expect(lines).toEqual([["0123456789", 8], ["next", 0]]);
    expect(overflows()).toBe(1);
  });

  test("a line exactly maxBytes long is not an overflow", () => {
    const { splitter, lines, overflows } = collect(4);
    splitter.push(Buffer.from("abcd\n"));
    expect(lines).toEqual([["abcd", 0]]);
    expect(overflows()).toBe(0);
  });

  test("multi-byte characters split between chunks are decoded whole", () => {
    const { splitter, lines } = collect(100);
    const text = Buffer.from("né ✓\n");
    for (const byte of text) splitter.push(Buffer.from([byte]));
    expect(lines).toEqual([["né ✓", 0]]);
  });

  test("100 MB without a newline, written in 64 KiB chunks, keeps only maxBytes", () => {
    const { splitter, overflows } = collect(1024 * 1024);
    const chunk = Buffer.alloc(64 * 1024, 120);
    for (let i = 0; i < 1600; i++) splitter.push(chunk);
    const { text, droppedBytes } = splitter.partial();
    expect(text.length).toBe(1024 * 1024);
    expect(droppedBytes).toBe(1600 * 64 * 1024 - 1024 * 1024);
    expect(overflows()).toBe(1);
  });
});
