/**
 * The check registry documents every kind of check a run makes, and docs/checks.md is generated
 * from it: an id no entry documents, an entry no run produces, or a stale catalog fails here.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_REGISTRY, catalogAnchor, EXIT_CODE_DOCS, kindDoc, registryEntry, registryKind } from "../../src/harness/check-registry.js";
import type { RunResult } from "../../src/harness/run.js";
import { runConformance } from "../../src/harness/run.js";
import { UNHURRIED } from "../hang-detectors.js";
import { CHECK_CATALOG_FILE, renderCheckCatalog } from "../../src/reports/check-catalog.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { ReferenceBot } from "../../implementations/reference/bot.js";
import { run } from "../cli/helpers.js";

let reference: RunResult;
beforeAll(async () => {
  // A known defect that names no check of the run: its known-defects/<glob> check fails, so every kind appears.
  reference = await runConformance({
    adapter: { createBot: () => new ReferenceBot() }, adapterName: "reference", seed: 1, runs: 2, ...UNHURRIED,
    knownDefects: [{ checks: "no-such-scenario/*", reason: "an entry that matches no check" }],
  });
}, 120_000);

describe("check registry", () => {
  it("documents every check id a run produces, and every entry is produced by a run", () => {
    const undocumented = reference.checks.filter((c) => registryEntry(c) === undefined).map((c) => c.id);
    expect(undocumented).toEqual([]);
    const produced = new Set(reference.checks.map((c) => registryKind(c)));
    expect(CHECK_REGISTRY.map((e) => e.kind).filter((k) => !produced.has(k))).toEqual([]);
  });

  it("gives each check of the run its kind's one-line doc as the end of its title", () => {
    for (const c of reference.checks) {
      const kind = registryKind(c);
      if (kind === "step" || kind === "known-defects") continue;
      expect(c.title, c.id).toMatch(new RegExp(`${kindDoc(kind).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
  });

  it("times each check on its own: a step its POST, end the rest, acks 0 (so a sequence's checks add up to its time)", () => {
    const steps = reference.checks.filter((c) => registryKind(c) === "step");
    expect(steps.length).toBeGreaterThan(50);
    for (const c of steps) {
      const entry = c.timeline!.find((t) => `step.${t.steps[0]!.replace(/ \(action\)$/, "")}` === c.id.split("/")[1]);
      expect(c.durationMs, c.id).toBe(entry!.latencyMs);
    }
    expect(reference.checks.filter((c) => registryKind(c) === "acks").every((c) => c.durationMs === 0)).toBe(true);
    expect(reference.checks.filter((c) => registryKind(c) === "end").some((c) => c.durationMs > 0)).toBe(true);
  });

  it("has one entry per kind, each in the group its checks are in", () => {
    expect(new Set(CHECK_REGISTRY.map((e) => e.kind)).size).toBe(CHECK_REGISTRY.length);
    for (const c of reference.checks) expect(registryEntry(c)!.group, c.id).toBe(c.group);
    expect(() => kindDoc("no-such-kind")).toThrow(/no entry for the kind "no-such-kind"/);
  });
});

describe("docs/checks.md", () => {
  it("is what the registry generates, with an anchor for every kind", () => {
    const catalog = renderCheckCatalog();
    expect(fs.readFileSync(path.join(PROJECT_ROOT, CHECK_CATALOG_FILE), "utf8")).toBe(catalog);
    for (const e of CHECK_REGISTRY) expect(catalog).toContain(`<a id="${catalogAnchor(e.kind)}"></a>`);
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checks-catalog-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("checks --out --check: 0 when the file is fresh, 1 naming the command when it is stale or missing", async () => {
    const file = path.join(dir, "checks.md");
    const args = ["checks", "--out", "checks.md"];
    expect((await run([...args, "--check"], { cwd: dir })).stdout).toMatch(/^checks.md: missing; run npm run checks/);
    const written = await run(args, { cwd: dir });
    expect([written.code, written.stdout]).toEqual([0, "checks.md: written\n"]);
    expect(fs.readFileSync(file, "utf8")).toBe(renderCheckCatalog());
    expect(await run([...args, "--check"], { cwd: dir })).toMatchObject({ code: 0, stdout: "checks.md: up to date\n" });
    fs.appendFileSync(file, "edited by hand\n");
    const stale = await run([...args, "--check"], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/: stale; run npm run checks/);
  });

  it("checks --check without --out is a usage error", async () => {
    const r = await run(["checks", "--check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--check compares a file: give it with --out/);
  });
});

describe("exit codes", () => {
  it("run --help, the catalog and the README state the same exit codes", async () => {
    const help = (await run(["run", "--help"])).stdout;
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const catalog = renderCheckCatalog();
    for (const e of EXIT_CODE_DOCS) {
      expect(help).toContain(`  ${e.code}  ${e.doc}`);
      expect(catalog).toContain(`| ${e.code} | ${e.doc} |`);
      expect(readme).toMatch(new RegExp(`^\\| ${e.code} \\| `, "m"));
    }
  });
});
