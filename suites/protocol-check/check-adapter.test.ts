/**
 * The adapter self-check (src/protocol-check/, `graph-calls-contract check-adapter`): the toy bot passes
 * every protocol check in both framings, and each faulty adapter of faults.json (the toy bot with one
 * rule of PROTOCOL.md broken) fails the check of that rule, with its message, and no other check but
 * those the same broken rule reaches. Also: an adapter module, the CLI's exit codes, its --help.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { PROTOCOL_CHECKS } from "../../src/protocol-check/checks.js";
import { checkAdapter } from "../../src/protocol-check/run.js";
import { run } from "../cli/helpers.js";
// Steps and starts only detect hangs here: the toy bots do real work (node boots included) beside other suites.
import { STEP_TIMEOUT_MS } from "../hang-detectors.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TOY = path.join(HERE, "adapters/toy-bot.mjs");
const toy = (framing: string, fault = "none") => ({ command: `node ${TOY} ${framing} ${fault}`, cwd: HERE, framing: "detect" as const });
const ALL = PROTOCOL_CHECKS.map((c) => c.id as string);

interface Fault { framing: string; fault: string; check: string; message: string; alsoFailed?: string[] }
const { faults } = JSON.parse(fs.readFileSync(path.join(HERE, "adapters/faults.json"), "utf8")) as { faults: Fault[] };

describe("a correct adapter", () => {
  test.concurrent.each([["native"], ["json-rpc"], ["json-rpc-lenient"]])("in %s framing passes every protocol check, and says which framing it spoke", async (framing) => {
    const report = await checkAdapter(toy(framing), STEP_TIMEOUT_MS);
    expect(report.results.map((r) => [r.id, r.status]), JSON.stringify(report.results.filter((r) => r.status !== "passed"))).toEqual(ALL.map((id) => [id, "passed"]));
    expect(report.framing).toBe(framing.startsWith("json-rpc") ? "json-rpc" : "native");
    expect(report.protocol).toBe(2);
  });
});

describe("each faulty adapter fails the check of the rule it breaks, with a message naming what happened and the rule", () => {
  test("every check is proven able to fail by a fault, and every fault names a known check", () => {
    expect(new Set(faults.map((f) => f.check))).toEqual(new Set(ALL));
  });

  test.concurrent.each(faults.map((f) => [`${f.fault} (${f.framing})`, f] as const))("%s", async (_, f) => {
    const report = await checkAdapter(toy(f.framing, f.fault), STEP_TIMEOUT_MS);
    const failed = report.results.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.id), JSON.stringify(failed)).toEqual(ALL.filter((id) => id === f.check || f.alsoFailed?.includes(id)));
    const mine = failed.find((r) => r.id === f.check)!;
    expect(mine.status === "failed" && mine.message).toMatch(new RegExp(f.message));
    // Nothing else went wrong: each other check passed, or was blocked by one that failed.
    for (const r of report.results) if (r.status === "blocked") expect(failed.map((x) => x.id), r.id).toContain(r.blockedBy);
    expect(report.results.map((r) => r.id)).toEqual(ALL);
  });
});

describe("an adapter module (--adapter)", () => {
  test("the reference passes every check that is not about a process", async () => {
    const reference = await import("../../implementations/reference/index.js");
    const report = await checkAdapter({ module: reference }, STEP_TIMEOUT_MS);
    const judged = PROTOCOL_CHECKS.filter((c) => !("processOnly" in c)).map((c) => c.id as string);
    expect(report.results.map((r) => [r.id, r.status])).toEqual(judged.map((id) => [id, "passed"]));
    expect(report.framing).toBeUndefined();
  });

  test("one whose createBot() throws fails adapter.start, and blocks the rest by it", async () => {
    const report = await checkAdapter({ module: { createBot: () => { throw new Error("no configuration file"); } } }, STEP_TIMEOUT_MS);
    expect(report.results[0]).toEqual({ id: "adapter.start", status: "failed", message: "the adapter could not be created: no configuration file. PROTOCOL.md (start) requires: start is answered with a result within the start timeout (twice the step timeout)" });
    expect(report.results.slice(1).every((r) => r.status === "blocked" && r.blockedBy === "adapter.start")).toBe(true);
  });
});

describe("graph-calls-contract check-adapter", () => {
  test("exit 0 when every check passes, one line per check and the totals", async () => {
    const r = await run(["check-adapter", "--command", `node ${TOY} json-rpc`], { cwd: HERE });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.lines[0]).toBe(`check-adapter: node ${TOY} json-rpc (framing json-rpc, protocol 2)`);
    expect(r.lines.slice(1, -1)).toEqual(ALL.map((id) => `passed   ${id}`));
    expect(r.lines.at(-1)).toBe(`${ALL.length} passed, 0 failed, 0 blocked`);
  });

  test("exit 1 when a protocol check fails, the failure and what it blocked said on their lines; --json gives the same", async () => {
    const r = await run(["check-adapter", "--command", `node ${TOY} native callback-https`], { cwd: HERE });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^failed {3}adapter\.start\.callback-url: start answered callbackUrl "https:\/\/bot\.example\/api\/calls"/m);
    expect(r.stdout).toMatch(/^blocked {2}adapter\.create-call \(by adapter\.start\.callback-url\)$/m);
    const json = await run(["check-adapter", "--json", "--framing", "native", "--command", `node ${TOY} native callback-https`], { cwd: HERE });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).results).toContainEqual({ id: "adapter.stop.exit", status: "blocked", blockedBy: "adapter.start.callback-url" });
  });

  test("usage errors exit 2, each naming what is wrong", async () => {
    expect((await run(["check-adapter"])).stderr).toMatch(/give the implementation: --command <cmd> or --adapter <module>/);
    expect((await run(["check-adapter", "--adapter", "x.js", "--framing", "json-rpc"])).stderr).toMatch(/--framing frames the process protocol: it goes with --command/);
    const bad = await run(["check-adapter", "--command", "true", "--framing", "xml"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--framing must be detect, native or json-rpc \(got "xml"\)/)]);
    const missing = await run(["check-adapter", "--adapter", "nowhere.js"], { cwd: HERE });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/no adapter module at .*nowhere\.js/)]);
  });

  test("--help lists every check with its rule, and the exit codes", async () => {
    const r = await run(["check-adapter", "--help"]);
    expect(r.code).toBe(0);
    for (const c of PROTOCOL_CHECKS) expect(r.stdout).toContain(`  ${c.id.padEnd(30)} ${c.requires}`);
    expect(r.stdout).toMatch(/^ {2}1 {2}a protocol check failed/m);
  });
});

const pythonAvailable = spawnSync("python3", ["--version"], { stdio: "ignore" }).status === 0;

describe.skipIf(!pythonAvailable)(`README's check-adapter example${pythonAvailable ? "" : " (skipped: python3 is not on PATH)"}`, () => {
  test("runs as README shows: the command it gives passes, printing the lines README quotes", async () => {
    const readme = fs.readFileSync(path.join(HERE, "../../README.md"), "utf8");
    const command = /^npx graph-calls-contract check-adapter --command "([^"]+)"$/m.exec(readme)?.[1];
    expect(command, "README has no check-adapter example").toBeDefined();
    const shown = readme.slice(readme.indexOf("```\ncheck-adapter: ") + 4).split("\n```")[0]!.split("\n").filter((l) => l !== "…");
    const r = await run(["check-adapter", "--command", command!], { cwd: path.join(HERE, "../..") });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const line of shown) expect(r.lines).toContain(line);
    expect(r.lines.at(-1)).toBe(shown.at(-1));
  });
});
