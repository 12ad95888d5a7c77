/** `graph-calls-contract diff`: exit codes, formats, acknowledgements, versions named as folders or git revisions, and a truthful --help. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIFF_OPTIONS, diffCommand } from "../../src/cli/commands/diff.js";
import { mainUsage } from "../../src/cli/main.js";
import { put, run, useTempDir } from "../cli/helpers.js";
import { CASES_DIR } from "./cases.js";

/** A case whose two breaking changes (send and receive) are quick to prove. */
const CASE = path.join(CASES_DIR, "new-required-property");
const SEND_CHANGE = { schema: "send/widget", pointer: "/required/name", kind: "required-added" };
const RECEIVE_CHANGE = { schema: "receive/widget", pointer: "/required/name", kind: "required-added" };
const FAST = ["--fixtures", "none", "--runs", "50"];

/** Copies of the case's before/ and after/ in `dir`, so a test can add a CHANGES.json. */
function versions(dir: string): { before: string; after: string } {
  for (const side of ["before", "after"]) fs.cpSync(path.join(CASE, side), path.join(dir, side), { recursive: true });
  return { before: "before", after: "after" };
}

function ack(change: { schema: string; pointer: string; kind: string }, reason = "on purpose") {
  return { ...change, reason };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

describe("diff --help", () => {
  const usage = diffCommand.usage;
  const listed = () => {
    const block = usage.slice(usage.indexOf("\nOptions:\n"), usage.indexOf("\n\n", usage.indexOf("\nOptions:\n") + 1));
    return [...block.matchAll(/^ {2}(?:-\w, )?--([a-z][a-z-]*)/gm)].map((m) => m[1]!);
  };

  it("lists exactly the options the parser accepts (plus --help), each in the usage line", () => {
    expect(listed().sort()).toEqual([...Object.keys(DIFF_OPTIONS), "help"].sort());
    for (const option of Object.keys(DIFF_OPTIONS)) expect(usage.split("\n")[0]).toContain(`--${option}`);
  });

  it("is what --help prints, and the command is in the main help", async () => {
    expect((await run(["diff", "--help"])).stdout).toBe(usage + "\n");
    expect(mainUsage()).toMatch(/^ {2}diff +compare two versions of the published schemas/m);
  });
});

describe("diff: exit codes, formats and acknowledgements", () => {
  const tmp = useTempDir();

  it("exits 0 when nothing changed", async () => {
    const r = await run(["diff", path.join(CASE, "before"), path.join(CASE, "before")]);
    expect(r.code).toBe(0);
    expect(r.lines.slice(-2)).toEqual(["No schema changes.", "OK: no unacknowledged breaking change."]);
  });

  it("exits 1 on a breaking change, printing it with its witness and the error the new side reports", async () => {
    const { before, after } = versions(tmp());
    const r = await run(["diff", ...FAST, before, after], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  BREAKING: required-added /required/name: property \"name\" is now required");
    expect(r.stdout).toContain("    witness, valid under the old schemas, rejected by the new ones (as send/widget): generated from the old send/widget (fast-check seed 1)");
    expect(r.stdout).toContain('      new: /name: missing required property "name" (required)');
    expect(r.lines.at(-1)).toMatch(/^FAIL: 2 breaking changes are not acknowledged/);
  });

  it("exits 0 when every breaking change is acknowledged in the new version's CHANGES.json, and prints the reasons", async () => {
    const { before, after } = versions(tmp());
    put(tmp(), "after/CHANGES.json", { acknowledged: [ack(SEND_CHANGE, "bots must name widgets"), ack(RECEIVE_CHANGE, "Graph always names them")] });
    const r = await run(["diff", ...FAST, before, after], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.lines[1]).toBe(`Acknowledgements: ${path.join("after", "CHANGES.json")}`);
    expect(r.stdout).toContain("    acknowledged: bots must name widgets");
    expect(r.stdout).toContain("  breaking: required-added /required/name");
    expect(r.lines.at(-1)).toBe("OK: no unacknowledged breaking change.");
  });

  it("still exits 1 when only some are acknowledged, and reports an acknowledgement that matches nothing (--changes)", async () => {
    const { before, after } = versions(tmp());
    const stale = ack({ schema: "send/widget", pointer: "/required/id", kind: "required-added" }, "long gone");
    put(tmp(), "acks.json", { acknowledged: [ack(SEND_CHANGE), stale] });
    const r = await run(["diff", ...FAST, "--changes", "acks.json", before, after], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Acknowledgement matching no change: send/widget /required/id required-added ("long gone")');
    expect(r.lines.at(-1)).toMatch(/^FAIL: 1 breaking change is not acknowledged: add an entry .* to acks\.json/);
  });

  it("--format json: one object, format version 1, with the witness payload and errors", async () => {
    const { before, after } = versions(tmp());
    put(tmp(), "after/CHANGES.json", { acknowledged: [ack(SEND_CHANGE)] });
    const r = await run(["diff", ...FAST, "--format", "json", before, after], { cwd: tmp() });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["formatVersion", "old", "new", "acknowledgementsFile", "changes", "unmatchedAcknowledgements", "summary"]);
    expect(report.formatVersion).toBe(1);
    expect(report.summary).toEqual({ breaking: 2, breakingForHandlers: 0, compatible: 0, annotationOnly: 0, acknowledged: 1, blocking: 1, unmatchedAcknowledgements: 0 });
    const send = report.changes.find((c: { schema: string }) => c.schema === "send/widget");
    expect(send).toMatchObject({ ...SEND_CHANGE, profile: "send", effect: "narrowing", classification: "breaking", locations: ["/name"], acknowledged: "on purpose", blocking: false });
    expect(send.witness).toMatchObject({ direction: "old-valid-new-invalid", schema: "send/widget", origin: "generated", errors: [{ pointer: "/name", rule: "required" }] });
    expect(send.witness.payload).not.toHaveProperty("name");
  });

  it("--format markdown: a verdict, a table of changes and each witness in a folded block", async () => {
    const { before, after } = versions(tmp());
    const r = await run(["diff", ...FAST, "--format", "markdown", before, after], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe("### Schema diff: `before` → `after`");
    expect(r.stdout).toContain("**FAIL: 2 breaking changes are not acknowledged");
    expect(r.stdout).toContain("| **breaking** | `receive/widget` (receive) | `required-added` | `/required/name` | property \"name\" is now required |");
    expect(r.stdout).toMatch(/<details>\n<summary>send\/widget <code>\/required\/name<\/code> required-added<\/summary>\n\nA payload valid under the old schemas[^\n]*\n\n```json\n\{\n {2}"id": ""\n\}\n```/);
  });

  it("the same seed gives the same report", async () => {
    const { before, after } = versions(tmp());
    const first = await run(["diff", ...FAST, "--seed", "7", "--format", "json", before, after], { cwd: tmp() });
    const second = await run(["diff", ...FAST, "--seed", "7", "--format", "json", before, after], { cwd: tmp() });
    expect(second.stdout).toBe(first.stdout);
  });

  it.each([
    [["diff", "before"], /expected two versions, <old> and <new> \(got 1\)/],
    [["diff", "--format", "xml", "before", "after"], /--format must be text, markdown or json \(got "xml"\)/],
    [["diff", "--runs", "0", "before", "after"], /--runs must be a whole number from 1 to 100000 \(got "0"\)/],
    [["diff", "--seconds", "soon", "before", "after"], /--seconds must be a whole number/],
    [["diff", "--fixtures", "nowhere", "before", "after"], /--fixtures: no such folder: nowhere/],
    [["diff", "--changes", "missing.json", "before", "after"], /--changes: no such file: missing\.json/],
    [["diff", "--colour", "before", "after"], /Unknown option '--colour'/],
    [["diff", "before", "no-such-dir"], /"no-such-dir": no such folder, and .* is not in a git repository, so it is no git revision either/],
    [["diff", "before", "empty"], /"empty" \(.*empty\) is not a schemas folder: it has no operations\/, notifications\/, send\/, receive\//],
    [["diff", "before", "WORKTREE"], /WORKTREE names the working tree of a git repository, but .* is not in one/],
  ])("usage error, exit 2: %j", async (args, message) => {
    versions(tmp());
    fs.mkdirSync(path.join(tmp(), "empty"));
    const r = await run(args, { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/See graph-calls-contract diff --help\.\n$/);
  });

  it.each([
    ["not JSON", "{", /after\/CHANGES\.json: cannot be read as JSON/],
    ["no list", { acknowledged: {} }, /after\/CHANGES\.json: \(root\): must be an object with an "acknowledged" array/],
    ["no reason", { acknowledged: [{ ...SEND_CHANGE, reason: " " }] }, /after\/CHANGES\.json: \/acknowledged\/0\/reason: must be a non-empty string/],
    ["a typo", { acknowledged: [{ ...SEND_CHANGE, reson: "x" }] }, /after\/CHANGES\.json: \/acknowledged\/0\/reson: unknown key/],
  ])("a malformed acknowledgement file (%s) is a usage error naming the file and the pointer", async (_what, content, message) => {
    const { before, after } = versions(tmp());
    put(tmp(), "after/CHANGES.json", content);
    const r = await run(["diff", ...FAST, before, after], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("schemas that cannot be read: exit 1, saying which version", async () => {
    const { before, after } = versions(tmp());
    put(tmp(), "after/send/broken.json", "{");
    const r = await run(["diff", ...FAST, before, after], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^graph-calls-contract diff: the new schemas \(after\) cannot be read: /);
  });
});

describe("diff: versions from git", () => {
  const tmp = useTempDir();
  const ownTempDirs = () => fs.readdirSync(os.tmpdir()).filter((d) => /^graph-calls-contract-diff-(?!case-)/.test(d)).sort();

  /** A repository whose two commits hold the case's before and after as schemas/. */
  function repository(): string {
    const repo = tmp();
    fs.cpSync(path.join(CASE, "before"), path.join(repo, "schemas"), { recursive: true });
    git(repo, "init", "-q");
    git(repo, "add", "schemas");
    git(repo, "commit", "-q", "-m", "before");
    fs.rmSync(path.join(repo, "schemas"), { recursive: true });
    fs.cpSync(path.join(CASE, "after"), path.join(repo, "schemas"), { recursive: true });
    git(repo, "add", "-A", "schemas");
    git(repo, "commit", "-q", "-m", "after");
    return repo;
  }

  it("compares two revisions, and removes the folders it read them into", async () => {
    const repo = repository();
    const tempBefore = ownTempDirs();
    const r = await run(["diff", ...FAST, "HEAD~1", "HEAD"], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe("Schema diff: HEAD~1 -> HEAD");
    expect(r.stdout).toContain("  BREAKING: required-added /required/name");
    expect(ownTempDirs()).toEqual(tempBefore);
  });

  it("compares a revision with the working tree (WORKTREE), and takes <rev>:<path>", async () => {
    const repo = repository();
    expect((await run(["diff", ...FAST, "HEAD", "WORKTREE"], { cwd: repo })).lines.at(-2)).toBe("No schema changes.");
    expect((await run(["diff", ...FAST, "HEAD~1:schemas", "WORKTREE"], { cwd: path.join(repo, "schemas") })).code).toBe(1);
  });

  it("reads the acknowledgement file from the new revision", async () => {
    const repo = repository();
    put(repo, "schemas/CHANGES.json", { acknowledged: [ack(SEND_CHANGE), ack(RECEIVE_CHANGE)] });
    git(repo, "add", "schemas/CHANGES.json");
    git(repo, "commit", "-q", "-m", "acknowledged");
    const r = await run(["diff", ...FAST, "HEAD~2", "HEAD"], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.lines[1]).toBe("Acknowledgements: HEAD:schemas/CHANGES.json");
  });

  it.each([
    [["no-such-ref", "HEAD"], /"no-such-ref": no such folder, nor a git revision of /],
    [["HEAD:nowhere", "HEAD"], /"HEAD:nowhere": HEAD \([0-9a-f]{12}\) has no published schemas in nowhere\//],
    [["HEAD~5", "HEAD"], /"HEAD~5": no such folder, nor a git revision/],
  ])("a revision that does not exist, or has no schemas, is a usage error: %j", async (args, message) => {
    const r = await run(["diff", ...args], { cwd: repository() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
