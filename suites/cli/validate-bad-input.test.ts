/**
 * `validate` on inputs that are not what it expects: each gets one line naming the file and what is
 * wrong with it, exit 1 (2 for usage mistakes), and no hang: every test here is bounded.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeFsError } from "../../src/cli/input.js";
import { main } from "../../src/cli/main.js";
import { put, run, useTempDir } from "./helpers.js";
import { createCallRequest, transferRequest } from "./payloads.js";
import { cpuTimer } from "../cpu-time.js";

const isRoot = process.getuid?.() === 0;
const USAGE_HINT = "See graph-calls-contract validate --help.";

describe("validate: inputs that are not JSON objects", () => {
  const tmp = useTempDir();

  it("says where JSON is broken: line, column and what was expected", async () => {
    put(tmp(), "comma.json", '{\n  "callbackUri": "https://bot.example.com/cb",\n}\n');
    put(tmp(), "placeholder.json", '{\n  "targets": [\n    {id}\n  ]\n}');
    const r = await run(["validate", "comma.json", "placeholder.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "comma.json: error: invalid JSON at line 3, column 1: trailing comma before '}'",
      "placeholder.json: error: invalid JSON at line 3, column 6: unexpected 'i' (expected a property name in double quotes or '}')",
      "2 files: 0 valid, 2 invalid",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
  });

  it("does not echo a large broken input back (V8's own messages can quote the whole text)", async () => {
    put(tmp(), "long.json", `{"a": "${"x".repeat(100_000)}", }`);
    const r = await run(["validate", "long.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe("long.json: error: invalid JSON at line 1, column 100011: trailing comma before '}'");
  });

  it("refuses an empty file and one of only white space", async () => {
    put(tmp(), "empty.json", "");
    put(tmp(), "blank.json", " \n\t\r\n");
    const r = await run(["validate", "empty.json", "blank.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "empty.json: error: empty: 0 bytes, no JSON value",
      "blank.json: error: empty: only white space, no JSON value",
      "2 files: 0 valid, 2 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("refuses binary data: NUL bytes, invalid UTF-8, UTF-16, saying where", async () => {
    put(tmp(), "nul.json", Buffer.from('{"a":\u0000}'));
    put(tmp(), "latin1.json", Buffer.concat([Buffer.from('{"displayName":"Ren'), Buffer.from([0xe9]), Buffer.from('e"}')]));
    put(tmp(), "utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("{}", "utf16le")]));
    put(tmp(), "image.json", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const r = await run(["validate", "nul.json", "latin1.json", "utf16.json", "image.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "nul.json: error: binary data: NUL byte at offset 5",
      "latin1.json: error: binary data: invalid UTF-8 at offset 19",
      "utf16.json: error: UTF-16 text: JSON must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)",
      "image.json: error: binary data: NUL byte at offset 8",
      "4 files: 0 valid, 4 invalid",
    ]);
  });

  it("accepts a UTF-8 byte order mark and text that spells U+FFFD itself", async () => {
    put(tmp(), "bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(createCallRequest()))]));
    put(tmp(), "fffd.json", Buffer.concat([Buffer.from('{"a":"\uFFFD'), Buffer.from([0xc0]), Buffer.from('"}')]));
    const r = await run(["validate", "bom.json", "fffd.json"], { cwd: tmp() });
    expect(r.lines.slice(0, 2)).toEqual([
      "bom.json: valid (create-call-request, detected: a call without the properties Graph sets)",
      "fffd.json: error: binary data: invalid UTF-8 at offset 9",
    ]);
  });

  it("without --as, a JSON scalar or array cannot be matched to a schema", async () => {
    put(tmp(), "array.json", [createCallRequest()]);
    put(tmp(), "number.json", "42");
    put(tmp(), "null.json", "null");
    put(tmp(), "unknown.json", { hello: "world" });
    const r = await run(["validate", "array.json", "number.json", "null.json", "unknown.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "array.json: error: no schema detected: a payload must be a JSON object (got an array); name one with --as <schema>",
      "number.json: error: no schema detected: a payload must be a JSON object (got number); name one with --as <schema>",
      "null.json: error: no schema detected: a payload must be a JSON object (got null); name one with --as <schema>",
      "unknown.json: error: no schema detected: cannot tell which schema applies (no @odata.type, no value, callbackUri, targets, transferTarget or participant info); name one with --as <schema>",
      "4 files: 0 valid, 4 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("with --as, a scalar or array where an object is expected is a type error at the root", async () => {
    put(tmp(), "array.json", [createCallRequest()]);
    put(tmp(), "string.json", '"call me"');
    const r = await run(["validate", "--as", "create-call-request", "array.json", "string.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "array.json: invalid (create-call-request)",
      "array.json: (root): the payload must be an object (got array) (type)",
      "string.json: invalid (create-call-request)",
      "string.json: (root): the payload must be an object (got string \"call me\") (type)",
      "2 files: 0 valid, 2 invalid",
    ]);
  });
});

describe("validate: deep nesting is refused before JSON.parse and ajv", () => {
  const tmp = useTempDir();

  it("100 000 nested arrays: one line, quickly", async () => {
    put(tmp(), "deep.json", "[".repeat(100_000) + "]".repeat(100_000));
    const cpuMs = cpuTimer();
    const r = await run(["validate", "deep.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "deep.json: error: too deeply nested: more than 64 levels of arrays and objects at line 1, column 65",
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
    expect(cpuMs()).toBeLessThan(2000);
  });

  it("deep nesting inside a request named with --as (ajv's error rendering would recurse into it)", async () => {
    const deepTargets = "[".repeat(50_000) + "]".repeat(50_000);
    put(tmp(), "deep-targets.json", `{\n  "callbackUri": "https://bot.example.com/cb",\n  "targets": ${deepTargets}\n}`);
    const r = await run(["validate", "--as", "create-call-request", "deep-targets.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe("deep-targets.json: error: too deeply nested: more than 64 levels of arrays and objects at line 3, column 77");
  });

  it("64 levels are accepted (and validated)", async () => {
    put(tmp(), "ok-depth.json", `{"targets": ${"[".repeat(63)}${"]".repeat(63)}}`);
    const r = await run(["validate", "--as", "transfer-request", "ok-depth.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe("ok-depth.json: invalid (transfer-request)");
    expect(r.code).toBe(1);
  });
});

describe("validate: many errors in one payload", () => {
  const tmp = useTempDir();

  // The list is capped (100, then "and at least N more"), and collection stops early in an object
  // with that many errors, so 50 000 unknown properties cost what a few hundred do.
  it("50 000 unknown properties: the first 100 errors, then how many more at least", async () => {
    const members = Array.from({ length: 50_000 }, (_, i) => `"k${i}": 1`).join(",");
    put(tmp(), "keys.json", `{"transferTarget": 1, ${members}}`);
    const r = await run(["validate", "keys.json"], { cwd: tmp() });
    expect(r.lines).toHaveLength(1 + 100 + 2); // verdict, 100 errors, "and at least N more", summary
    expect(r.lines[1]).toBe('keys.json: /k0: unknown property "k0" (additionalProperties)');
    expect(r.lines.at(-2)).toMatch(/^keys\.json: and at least [\d,]+ more errors \(collection stops early/);
    expect(r.code).toBe(1);
  });
});

describe("validate: size limit, checked with stat before reading", () => {
  const tmp = useTempDir();
  afterEach(() => vi.restoreAllMocks());

  it("a 50 MB file is refused without being read", async () => {
    const big = path.join(tmp(), "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB by stat, nothing written
    const reads = vi.spyOn(fs, "createReadStream");
    const cpuMs = cpuTimer();
    const r = await run(["validate", "big.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "big.json: error: too large: 52428800 bytes, over the 10485760-byte limit (raise it with --max-bytes)",
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
    expect(reads).not.toHaveBeenCalled();
    expect(cpuMs()).toBeLessThan(1000);
  });

  it("--max-bytes lowers and raises the limit", async () => {
    put(tmp(), "req.json", createCallRequest());
    const size = fs.statSync(path.join(tmp(), "req.json")).size;
    const lowered = await run(["validate", "--max-bytes", String(size - 1), "req.json"], { cwd: tmp() });
    expect(lowered.lines[0]).toBe(`req.json: error: too large: ${size} bytes, over the ${size - 1}-byte limit (raise it with --max-bytes)`);
    const exact = await run(["validate", "--max-bytes", String(size), "req.json"], { cwd: tmp() });
    expect(exact.code).toBe(0);
  });

  it("stdin is cut off at the limit (it has no size to stat)", async () => {
    const endless = new Readable({ read() { this.push(Buffer.alloc(64 * 1024, 0x20)); } });
    const r = await run(["validate", "--max-bytes", "1000000", "-"], { stdin: endless });
    expect(r.lines).toEqual([
      "<stdin>: error: too large: over the 1000000-byte limit (raise it with --max-bytes)",
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(endless.destroyed).toBe(true);
  });

  it.each(["0", "-1", "ten", "1e3", "999999999999"])("--max-bytes %s is a usage error", async (value) => {
    const r = await run(["validate", `--max-bytes=${value}`, "x.json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`graph-calls-contract validate: --max-bytes must be a whole number of bytes from 1 to 268435456 (got "${value}"). ${USAGE_HINT}\n`);
  });
});

describe("validate: paths that cannot be read", () => {
  const tmp = useTempDir();

  it("a path that does not exist, and one under a file", async () => {
    put(tmp(), "file.json", createCallRequest());
    const r = await run(["validate", "missing.json", "file.json/child.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "missing.json: error: no such file or directory",
      "file.json/child.json: error: no such file (a parent in the path is not a directory)",
      "2 files: 0 valid, 2 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("a directory without *.json files", async () => {
    put(tmp(), "docs/readme.txt", "not json");
    fs.mkdirSync(path.join(tmp(), "void"));
    const r = await run(["validate", "docs", "void"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "docs: error: no *.json files in this directory",
      "void: error: no *.json files in this directory",
      "2 files: 0 valid, 2 invalid",
    ]);
  });

  it("a FIFO or a device is refused instead of blocking on it", async () => {
    execFileSync("mkfifo", [path.join(tmp(), "pipe.json")]);
    const r = await run(["validate", "pipe.json", "/dev/zero"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "pipe.json: error: not a regular file (to read a pipe or device, redirect it to stdin and pass -)",
      "/dev/zero: error: not a regular file (to read a pipe or device, redirect it to stdin and pass -)",
      "2 files: 0 valid, 2 invalid",
    ]);
  });

  it("a symbolic link cycle inside a directory is not followed", async () => {
    put(tmp(), "tree/a/req.json", createCallRequest());
    fs.symlinkSync("..", path.join(tmp(), "tree/a/up"));
    fs.symlinkSync("nowhere.json", path.join(tmp(), "tree/dangling.json"));
    const r = await run(["validate", "tree"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "tree/a/req.json: valid (create-call-request, detected: a call without the properties Graph sets)",
      "tree/dangling.json: error: no such file or directory",
      "2 files: 1 valid, 1 invalid",
    ]);
  });

  // As root every file is readable: the end-to-end suite covers this case by running the CLI as nobody.
  it.skipIf(isRoot)("a file or sub-directory without read permission", async () => {
    put(tmp(), "tree/ok.json", createCallRequest());
    fs.chmodSync(put(tmp(), "tree/secret.json", createCallRequest()), 0o000);
    put(tmp(), "tree/locked/inner.json", createCallRequest());
    fs.chmodSync(path.join(tmp(), "tree/locked"), 0o000);
    const r = await run(["validate", "tree"], { cwd: tmp() });
    fs.chmodSync(path.join(tmp(), "tree/locked"), 0o700);
    expect(r.lines).toEqual([
      "tree/locked: error: permission denied",
      "tree/ok.json: valid (create-call-request, detected: a call without the properties Graph sets)",
      "tree/secret.json: error: permission denied",
      "3 files: 1 valid, 2 invalid",
    ]);
  });
});

describe("validate: stdin", () => {
  it("empty stdin", async () => {
    const r = await run(["validate", "-"], { stdin: "" });
    expect(r.lines).toEqual(["<stdin>: error: empty: 0 bytes, no JSON value", "1 file: 0 valid, 1 invalid"]);
    expect(r.code).toBe(1);
  });

  it("a terminal on stdin is refused at once (usage error), not waited on", async () => {
    const neverEnds = new Readable({ read() {} });
    const r = await run(["validate", "-"], { stdin: neverEnds, stdinIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`graph-calls-contract validate: - reads a payload from stdin, but stdin is a terminal: pipe or redirect a file into it. ${USAGE_HINT}\n`);
  });

  it("- twice is a usage error", async () => {
    const r = await run(["validate", "-", "-"], { stdin: "{}" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`graph-calls-contract validate: - (stdin) can be given only once. ${USAGE_HINT}\n`);
  });
});

describe("validate: the reader of stdout goes away (| head)", () => {
  const tmp = useTempDir();

  it("stops at the next file and exits 1 instead of crashing on EPIPE", async () => {
    for (const name of ["a", "b", "c", "d"]) put(tmp(), `in/${name}.json`, transferRequest());
    let writes = 0;
    const closedAfterOneLine = new Writable({
      write(_chunk, _encoding, done) {
        writes++;
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" })); // what a closed pipe does
      },
    });
    const stderr: string[] = [];
    const io = {
      stdout: closedAfterOneLine,
      stderr: new Writable({ write(chunk: Buffer, _e, done) { stderr.push(chunk.toString()); done(); } }),
      stdin: Readable.from([]),
      cwd: tmp(),
    };
    expect(await main(["validate", "in"], io)).toBe(1);
    expect(writes).toBe(1);
    expect(stderr).toEqual([]);
  });
});

describe("describeFsError: one phrase per cause, whoever runs the suite", () => {
  it.each([
    ["ENOENT", "no such file or directory"],
    ["EACCES", "permission denied"],
    ["EPERM", "permission denied"],
    ["ENOTDIR", "no such file (a parent in the path is not a directory)"],
    ["ELOOP", "too many levels of symbolic links"],
    ["EISDIR", "is a directory"],
    ["ENAMETOOLONG", "file name too long"],
    ["EIO", "cannot read: EIO"],
  ])("%s -> %s", (code, phrase) => {
    expect(describeFsError(Object.assign(new Error(`${code}: internal details, /some/path`), { code }))).toBe(phrase);
  });
});
