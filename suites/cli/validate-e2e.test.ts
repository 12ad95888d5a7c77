/**
 * The built CLI as a user runs it (node bin/graph-calls-contract.js): exit codes, stdin, a real
 * terminal, a permission error, and no stack trace ever. Needs `npm run build` first.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { put, useTempDir } from "./helpers.js";
import { createCallRequest, createCallRequestWithTypo, transferRequest } from "./payloads.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin/graph-calls-contract.js");
const isRoot = process.getuid?.() === 0;
const hasScript = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;
const STACK_FRAME = /^\s+at /m;
const NOBODY = { uid: 65534, gid: 65534 };
/** How long a CLI process may take before it counts as hung: a start is a fraction of a second, but seconds on a loaded machine. */
const CLI_HANG_MS = 60_000;
/** Whether the CLI can run as nobody here (the checkout may sit in a directory only root can enter). */
const nobodyCanRun = () => spawnSync(process.execPath, [BIN, "--version"], { ...NOBODY, stdio: "ignore", timeout: CLI_HANG_MS }).status === 0;

function cli(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: CLI_HANG_MS, stdio: "pipe", ...options });
  if (r.error) throw r.error; // a timeout lands here: the CLI hung
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist/src/cli/commands/validate.js"))) {
    throw new Error("dist/ has no validate command: run `npm run build` before the end-to-end suite (it runs the built CLI)");
  }
});

describe("validate, end to end", () => {
  const tmp = useTempDir();

  it("exit 0 when all are valid, 1 when one is invalid, 2 for a usage error", () => {
    put(tmp(), "ok.json", createCallRequest());
    put(tmp(), "typo.json", createCallRequestWithTypo());
    expect(cli(["validate", "ok.json"], { cwd: tmp() })).toMatchObject({ code: 0, stderr: "" });
    const invalid = cli(["validate", "ok.json", "typo.json"], { cwd: tmp() });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('typo.json: /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)\n');
    expect(invalid.stdout.endsWith("2 files: 1 valid, 1 invalid\n")).toBe(true);
    const usage = cli(["validate", "--format", "xml", "ok.json"], { cwd: tmp() });
    expect(usage).toEqual({ code: 2, stdout: "", stderr: 'graph-calls-contract validate: --format must be text or json (got "xml"). See graph-calls-contract validate --help.\n' });
  });

  it("reads stdin from a pipe; empty stdin is an error, not a hang", () => {
    const piped = cli(["validate", "-"], { input: JSON.stringify(transferRequest()) });
    expect(piped).toEqual({
      code: 0,
      stdout: "<stdin>: valid (transfer-request, detected: transferTarget/transferee parameters)\n1 file: 1 valid, 0 invalid\n",
      stderr: "",
    });
    expect(cli(["validate", "-"], { input: "" })).toMatchObject({ code: 1, stdout: "<stdin>: error: empty: 0 bytes, no JSON value\n1 file: 0 valid, 1 invalid\n" });
  });

  it("--format json piped: stdout is exactly one JSON document, stderr empty", () => {
    put(tmp(), "in/a.json", transferRequest());
    put(tmp(), "in/b.json", "{oops}");
    const r = cli(["validate", "--format", "json", "in"], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { files: 2, valid: 1, invalid: 1 } });
  });

  it("hostile inputs: one line each, exit 1, no stack trace, no hang", () => {
    put(tmp(), "deep.json", "[".repeat(100_000) + "]".repeat(100_000));
    const big = path.join(tmp(), "big.json");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024);
    put(tmp(), "binary.json", Buffer.from([0x7b, 0x00, 0x7d]));
    const r = cli(["validate", "deep.json", "big.json", "binary.json", "missing.json", "/dev/zero"], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(STACK_FRAME);
    // One line per input (exact messages are pinned by the in-process suites), then the summary.
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.map((l) => l.split(": error: ")[0])).toEqual(["deep.json", "big.json", "binary.json", "missing.json", "/dev/zero", "5 files: 0 valid, 5 invalid"]);
    expect(lines.slice(0, -1).every((l) => l.includes(": error: "))).toBe(true);
  });

  it("stdout closed early (| true): no EPIPE stack trace, exit 1", () => {
    for (let i = 0; i < 30; i++) put(tmp(), `in/t${i}.json`, transferRequest());
    const errors = path.join(tmp(), "stderr.txt");
    // `true` exits without reading, so the CLI's writes meet a closed pipe; the exit code is read from a file (sh has no pipefail).
    const script = `"$0" "$1" validate in 2>"$2"; echo $? > "$2.code"`;
    const r = spawnSync("sh", ["-c", `{ ${script}; } | true`, process.execPath, BIN, errors], { cwd: tmp(), encoding: "utf8", timeout: CLI_HANG_MS });
    expect(r.error).toBeUndefined();
    expect(fs.readFileSync(errors, "utf8")).toBe("");
    expect(fs.readFileSync(`${errors}.code`, "utf8").trim()).toBe("1");
  });

  it.runIf(hasScript)("a real terminal on stdin is refused at once with exit 2", () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate -`;
    const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", timeout: CLI_HANG_MS, stdio: ["ignore", "pipe", "pipe"] });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout.replace(/\r\n/g, "\n")).toBe(
      "graph-calls-contract validate: - reads a payload from stdin, but stdin is a terminal: pipe or redirect a file into it. See graph-calls-contract validate --help.\n",
    );
  });

  // Root reads every file whatever its mode, so the CLI runs as nobody to meet a real EACCES.
  it.runIf(isRoot && nobodyCanRun())("a file the user may not read: permission denied, exit 1", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-perm-"));
    try {
      fs.chmodSync(dir, 0o755);
      fs.writeFileSync(path.join(dir, "secret.json"), JSON.stringify(transferRequest()), { mode: 0o000 });
      fs.mkdirSync(path.join(dir, "locked"), { mode: 0o000 });
      const r = cli(["validate", "secret.json", "locked"], { cwd: dir, ...NOBODY });
      expect(r).toEqual({
        code: 1,
        stdout: "secret.json: error: permission denied\nlocked: error: permission denied\n2 files: 0 valid, 2 invalid\n",
        stderr: "",
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
