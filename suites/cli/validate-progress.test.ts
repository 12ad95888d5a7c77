/** Progress on long runs: on stderr, only for a person at a terminal, never in stdout. */
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, PROGRESS_MIN_FILES } from "../../src/cli/progress.js";
import { put, run, useTempDir } from "./helpers.js";
import { transferRequest } from "./payloads.js";

const ERASE = "\r\x1b[K";

describe("validate: progress", () => {
  const tmp = useTempDir();
  const many = () => {
    for (let i = 0; i < PROGRESS_MIN_FILES + 5; i++) put(tmp(), `in/t${String(i).padStart(2, "0")}.json`, transferRequest());
    return PROGRESS_MIN_FILES + 5;
  };

  it("text output, stderr a terminal: progress on stderr, erased at the end; stdout untouched", async () => {
    const total = many();
    const r = await run(["validate", "in"], { cwd: tmp(), stderrIsTTY: true });
    expect(r.stderr.startsWith(`${ERASE}validating 1/${total} in/t00.json`)).toBe(true);
    expect(r.stderr.endsWith(ERASE)).toBe(true);
    expect(r.stdout).not.toMatch(/validating|\r|\x1b/);
    expect(r.lines.at(-1)).toBe(`${total} files: ${total} valid, 0 invalid`);
  });

  it("stdout on the same terminal: the line is erased before each result and drawn again", async () => {
    const total = many();
    const r = await run(["validate", "in"], { cwd: tmp(), stderrIsTTY: true, stdoutIsTTY: true });
    expect(r.stderr.split("validating").length - 1).toBe(total);
  });

  it("stderr not a terminal: no progress at all", async () => {
    many();
    const r = await run(["validate", "in"], { cwd: tmp() });
    expect(r.stderr).toBe("");
  });

  it("--format json into a pipe: no progress, even with stderr on a terminal", async () => {
    many();
    const r = await run(["validate", "--format", "json", "in"], { cwd: tmp(), stderrIsTTY: true });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { invalid: 0 } });
  });

  it("--format json to a terminal: progress on stderr, stdout still exactly one JSON document", async () => {
    many();
    const r = await run(["validate", "--format", "json", "in"], { cwd: tmp(), stderrIsTTY: true, stdoutIsTTY: true });
    expect(r.stderr).toContain("validating 1/");
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it(`fewer than ${PROGRESS_MIN_FILES} files: no progress`, async () => {
    put(tmp(), "in/t.json", transferRequest());
    const r = await run(["validate", "in"], { cwd: tmp(), stderrIsTTY: true });
    expect(r.stderr).toBe("");
  });
});

describe("createProgress", () => {
  function terminal(columns = 40) {
    const written: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _e, done) { written.push(chunk.toString()); done(); } });
    Object.assign(stream, { isTTY: true, columns });
    return { stream, written };
  }

  it("redraws at most every 100 ms, and fits the line to the terminal width", () => {
    const stderr = terminal(30);
    let clock = 0;
    const progress = createProgress({ stdout: new Writable(), stderr: stderr.stream }, 100, false, () => clock);
    progress.update(0, "a.json");
    clock = 50;
    progress.update(1, "b.json");
    clock = 150;
    progress.update(2, "some/very/long/path/to/c.json");
    progress.done();
    expect(stderr.written).toEqual([`${ERASE}validating 1/100 a.json`, `${ERASE}validating 3/100 some/very/lo`, ERASE]);
  });
});
