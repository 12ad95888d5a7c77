/**
 * `graph-calls-contract compat` on a small list: the reference, a faulty variant (drops tenantId),
 * a client library with known defects (msgraph-sdk), one with typing defects (teams.graph-endpoints)
 * and an implementation whose tool is missing.
 * The cells say what each run found and link to the failing check, in the Markdown (its list of
 * what did not pass) and in the HTML (the implementation's own report); the Markdown is the same
 * on every run, and --check says when the file is not.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENTS } from "../../implementations/clients/index.js";
import { DEFAULT_IMPLEMENTATIONS_FILE, readImplementations } from "../../src/compat/implementations.js";
import { loadSequences } from "../../src/sequences/load.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { run, type RunResult } from "../cli/helpers.js";
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const MISSING_TOOL = "graph-calls-contract-no-such-tool";
const LIST = {
  implementations: [
    { id: "reference", label: "Reference", adapter: "implementations/reference/index.ts" },
    { id: "drops-tenant-id", label: "Drops tenantId", adapter: "implementations/faulty/drops-tenant-id.ts" },
    { id: "msgraph-sdk", label: "msgraph-sdk", adapter: "implementations/clients/msgraph-sdk/index.ts" },
    { id: "teams", label: "teams.graph-endpoints", adapter: "implementations/clients/teams-graph-endpoints/index.ts" },
    { id: "absent", label: "Absent", command: `${MISSING_TOOL} bot`, requires: MISSING_TOOL },
  ],
};

let dir: string;
let first: RunResult;
let markdown: string;
let html: string;
const args = () => ["compat", "--implementations", path.join(dir, "list.json"), "--markdown", path.join(dir, "COMPATIBILITY.md"), "--reports", path.join(dir, "reports"), "--runs", "1", "--step-timeout", String(STEP_TIMEOUT_MS)];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-compat-"));
  fs.writeFileSync(path.join(dir, "list.json"), JSON.stringify(LIST));
  first = await run(args(), { cwd: PROJECT_ROOT });
  markdown = fs.readFileSync(path.join(dir, "COMPATIBILITY.md"), "utf8");
  html = fs.readFileSync(path.join(dir, "reports", "index.html"), "utf8");
}, 180_000); // four runs: 16 s at load 10 on two cores

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The Markdown row of a subject, as cells: [subject, what, ...one per implementation]. */
function row(subject: string): string[] {
  const line = markdown.split("\n").find((l) => l.startsWith(`| \`${subject}\` |`));
  if (!line) throw new Error(`no row for ${subject}`);
  return line.slice(2, -2).split(" | ");
}

describe("compat: the Markdown", () => {
  it("is written, with a row per scenario and sequence and a column per implementation", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrote/);
    const rows = markdown.split("\n").filter((l) => /^\| `(create-call|call-transfer)\.|^\| `[a-z0-9-]+` \|/.test(l));
    expect(rows).toHaveLength(18 + loadSequences().length + 1); // the request scenarios, every sequence of fixtures/sequences, and the receiver row

    for (const r of rows) expect(r.slice(2, -2).split(" | ")).toHaveLength(2 + LIST.implementations.length);
  });

  it("says pass, fail, known defect and not run, linking each non-pass cell to its check in the list below", () => {
    expect(row("create-call.v1.0.ex01").slice(2)).toEqual(["✅", "✅", "✅", "✅", "➖"]);
    expect(row("create-call.v1.0.ex05").slice(2)).toEqual([
      "✅",
      "[❌ 1](#drops-tenant-id-create-call.v1.0.ex05~2f~fidelity.tenant)",
      "[⚠️ 4](#msgraph-sdk-create-call.v1.0.ex05~2f~schema)",
      "✅",
      "➖",
    ]);
    expect(row("join-meeting-full-roster").slice(2, 4)).toEqual(["✅", "✅"]);
    expect(row("join-meeting-full-roster")[4]).toMatch(/^\[⚠️ 6\]\(#msgraph-sdk-sequence\.join-meeting-full-roster~2f~/);
  });

  it("has every anchor a cell links to, with the check's message and, for a known defect, its reason", () => {
    // The legend's link goes to a heading (GitHub names it); the others to explicit anchors.
    expect(markdown).toContain("\n## What did not pass\n");
    const targets = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((t) => t !== "what-did-not-pass");
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(markdown, target).toContain(`<a id="${target}"></a>`);
    const failure = markdown.split("\n").find((l) => l.includes(`<a id="drops-tenant-id-create-call.v1.0.ex05~2f~fidelity.tenant">`))!;
    expect(failure).toMatch(/❌ `create-call\.v1\.0\.ex05\/fidelity\.tenant`: tenantId: the scenario says "[0-9a-f-]+", the request says null$/);
    const known = markdown.split("\n").find((l) => l.includes(`<a id="msgraph-sdk-create-call.v1.0.ex05~2f~schema">`))!;
    expect(known).toMatch(/⚠️ `create-call\.v1\.0\.ex05\/schema`: .*organizer.* \(known defect \[\d\]\(#msgraph-sdk-known-defect-\d\)\)$/);
    expect(markdown).toMatch(/<a id="msgraph-sdk-known-defect-\d"><\/a>.*1\.0\.0-preview\.90 drops the organizer of an organizerMeetingInfo: serializeMeetingInfo/);
  });

  it("lists the typing defects an adapter module exports, though its cells pass", () => {
    const section = markdown.slice(markdown.indexOf("## Typing defects"));
    expect(section).toMatch(/^## Typing defects\n[\s\S]*### teams\.graph-endpoints: `@microsoft\/teams\.graph-endpoints@2\.0\.16`/);
    for (const id of ["identity.tenantId", "mediaConfig.blob", "transfer.clientContext"]) expect(section).toContain(`- \`${id}\` (rejects `);
    expect(section).not.toContain("msgraph-sdk");
  });

  it("says why an implementation did not run", () => {
    expect(markdown).toContain(`not run: ${MISSING_TOOL} is not on PATH`);
  });

  it("depends on nothing but the results: no time, date or path of this machine", () => {
    // The mock Graph dates its errors 1970-01-01, the same on every run; a run never dates anything else.
    expect(markdown).not.toMatch(new RegExp(`${new Date().getUTCFullYear()}-\\d\\d-\\d\\dT|\\b\\d+\\.\\d s\\b`));
    expect(markdown).not.toContain(dir);
    expect(markdown).not.toContain(PROJECT_ROOT);
  });
});

describe("compat: the HTML page", () => {
  it("links a non-pass cell to the check in the implementation's own report, which has it", () => {
    const href = "drops-tenant-id/latest/index.html#check-create-call.v1.0.ex05~2f~fidelity.tenant";
    expect(html).toContain(`href="${href}"`);
    const report = fs.readFileSync(path.join(dir, "reports", "drops-tenant-id", "latest", "index.html"), "utf8");
    expect(report).toContain(`id="check-create-call.v1.0.ex05~2f~fidelity.tenant"`);
    expect(html).toContain(`href="msgraph-sdk/latest/index.html#check-create-call.v1.0.ex05~2f~schema"`);
  });

  it("is self-contained: inline style, nothing fetched", () => {
    expect(html).toMatch(/<style>[^<]*\.verdict/);
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
  });
});

describe("compat --check", () => {
  it("passes when the file is what the run produces, and fails naming it when it is not", async () => {
    const same = await run([...args(), "--check"], { cwd: PROJECT_ROOT });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    expect(same.stdout).toMatch(/COMPATIBILITY\.md: up to date/);
    fs.appendFileSync(path.join(dir, "COMPATIBILITY.md"), "edited by hand\n");
    const stale = await run([...args(), "--check"], { cwd: PROJECT_ROOT });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/stale +COMPATIBILITY\.md/);
    expect(stale.stdout).toMatch(/not run here, so their columns cannot match: absent/);
    expect(fs.readFileSync(path.join(dir, "COMPATIBILITY.md"), "utf8")).toMatch(/edited by hand\n$/);
  }, 180_000);
});

describe("compat: its list", () => {
  it("is a usage error when malformed, naming the entry and what is wrong", async () => {
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ implementations: [{ id: "x", label: "X", adapter: "a.js", command: "b" }] }));
    const bad = await run(["compat", "--implementations", path.join(dir, "bad.json"), "--markdown", path.join(dir, "unused.md")], { cwd: PROJECT_ROOT });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/implementations\[0\]: give either "adapter" \(a module\) or "command" \(a shell command\), not both/);
    fs.writeFileSync(path.join(dir, "bad-defects.json"), JSON.stringify({ implementations: [{ id: "x", label: "X", command: "b", knownDefects: ["a"] }] }));
    const badDefects = await run(["compat", "--implementations", path.join(dir, "bad-defects.json"), "--markdown", path.join(dir, "unused.md")], { cwd: PROJECT_ROOT });
    expect(badDefects.code).toBe(2);
    expect(badDefects.stderr).toMatch(/implementations\[0\]: "knownDefects" must be the path of a known-defects file/);
  });

  it("implementations/compatibility.json: the reference (in-process and as a process), the Python bot, the independent bot, every client library and the official Python, Go and Java SDK bots", () => {
    const list = readImplementations(DEFAULT_IMPLEMENTATIONS_FILE);
    expect(list.map((i) => i.adapter ?? i.command)).toEqual([
      "dist/implementations/reference/index.js",
      "node dist/implementations/reference-process/main.js",
      "python3 implementations/python/bot.py",
      "node implementations/independent/bot.mjs",
      ...CLIENTS.map((c) => `dist/implementations/clients/${c.library.id}/index.js`),
      "implementations/sdk-python/run-bot.sh",
      ".toolchains/go/bin/sdk-go-bot",
      "implementations/sdk-java/run-bot.sh",
    ]);
    // The SDK bots need scripts/setup-toolchains.sh: each requires its own launcher, which fails --version until then.
    for (const id of ["sdk-python", "sdk-go", "sdk-java"]) {
      const entry = list.find((i) => i.id === id)!;
      expect(entry.requires).toBe(entry.command);
    }
    expect(list.find((i) => i.command?.startsWith("python3"))?.requires).toBe("python3");
    // A command cannot export its known defects: the independent bot's suite defects come from its file.
    expect(list.find((i) => i.id === "independent")?.knownDefects).toBe("implementations/independent/known-defects.json");
  });
});
