/**
 * The line channel under output no protocol allows: a stdout line without end is a protocol
 * violation that stops the process (never a gigabyte of harness memory), a stderr line without end
 * is kept short, and the late answer to a request that timed out is not taken for garbage.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { LineChannel, MAX_STDOUT_LINE } from "../../src/adapters/line-channel.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-channel-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Answers each request after DELAY ms (argv[3]); FLOOD (argv[2]) says which stream gets an endless line first. */
const BOT = `
const readline = require("node:readline");
const [flood, delay] = [process.argv[2], Number(process.argv[3] ?? 0)];
const endless = (stream) => { const chunk = Buffer.alloc(1 << 16, 120); const more = () => { while (stream.write(chunk)) {} stream.once("drain", more); }; more(); };
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { id } = JSON.parse(line);
  if (flood === "stdout") return endless(process.stdout);
  if (flood === "stderr") { process.stderr.write("é".repeat(400) + "\\n"); endless(process.stderr); }
  setTimeout(() => process.stdout.write(JSON.stringify({ id, result: { id } }) + "\\n"), delay);
});
`;
const botFile = path.join(tmp, "bot.cjs");
fs.writeFileSync(botFile, BOT);
const channel = (...args: string[]) => new LineChannel(`node ${botFile} ${args.join(" ")}`, { cwd: tmp });

describe("LineChannel", () => {
  test("an endless stdout line fails the request as a protocol violation and stops the process", async () => {
    const c = channel("stdout");
    const before = process.memoryUsage().rss;
    await expect(c.request("observe", { callId: "x" }, 20_000)).rejects.toThrow(`a line on stdout longer than ${MAX_STDOUT_LINE} bytes`);
    // Up to 20 s for the kill to be seen: an exit is milliseconds, but a loaded machine can hold it for seconds.
    for (let i = 0; i < 400 && c.running; i++) await new Promise((r) => setTimeout(r, 50));
    expect(c.running).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    await c.close(0);
  });

  test("an endless stderr line is kept to its start, with the count of bytes dropped", async () => {
    const c = channel("stderr");
    await c.request("observe", { callId: "x" }, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const tail = c.stderr();
    expect(tail[0]).toBe(`${"é".repeat(300)}… (200 more bytes)`);
    expect(tail.at(-1)).toMatch(/^x{300}… \(\d+ more bytes\)$/);
    await c.close(0);
  });

  test("the late answer to a request that timed out is ignored, and the next request is answered", async () => {
    const c = channel("none", "400");
    await expect(c.request("observe", { callId: "x" }, 100)).rejects.toThrow("no answer to observe within 100 ms");
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.request("observe", { callId: "y" }, 30_000)).resolves.toEqual({ id: 2 }); // a hang detector
    expect(c.stderr()).toContain("[harness] ignored a late answer to request 1, which had timed out");
    await c.close(0);
  });
});
