/**
 * Spectral's built-in rulesets (`spectral:oas`, `spectral:asyncapi`, as .spectral.json at the root
 * extends them, unchanged) find no error in either export, and only the warnings listed here, each
 * with the reason it stays. A small broken document linted in the same run proves the errors would show.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProcess } from "../../src/snippets-run/process.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { apiTool, toolTitle } from "./api-tools.js";

const spectral = apiTool("spectral");

/** Warnings (and infos) the exports keep: rule code -> why. Anything else fails. */
const ACCEPTED: Record<string, string> = {
  "asyncapi-info-contact-properties": "info.contact has a name and a URL (the issue tracker); the project publishes no e-mail address",
  "asyncapi-latest-version": "an info-level note that AsyncAPI 3.1 exists; the export stays 3.0.0, which @asyncapi/parser validates in suites/export/asyncapi.test.ts",
};

// One Spectral process for everything: it takes 20 CPU seconds for the OpenAPI export alone, minutes on a loaded machine.
const LINT_TIMEOUT_MS = 540_000;

interface Finding { code: string | number; severity: number; source: string; path: string[]; message: string }
const SEVERITY = ["error", "warning", "information", "hint"];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "spectral-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.skipIf(!spectral)(toolTitle("spectral lint exports/openapi.json exports/asyncapi.json (.spectral.json: spectral:oas, spectral:asyncapi)", "spectral"), () => {
  it("finds no error in either export, only the accepted warnings, and finds the broken reference of a control document", async () => {
    const broken = path.join(work, "broken-openapi.json");
    fs.writeFileSync(broken, JSON.stringify({
      openapi: "3.1.0",
      info: { title: "control", version: "1", description: "d", contact: { name: "c", url: "https://example.com" }, license: { name: "MIT", identifier: "MIT" } },
      servers: [{ url: "https://example.com" }],
      tags: [{ name: "t", description: "t" }],
      paths: { "/x": { post: { operationId: "x", description: "d", tags: ["t"], requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/missing" } } } }, responses: { "204": { description: "ok" } } } } },
    }));
    const exportsDir = path.join(PROJECT_ROOT, "exports");
    const run = await runProcess(spectral!, ["lint", "--format", "json", "--ruleset", path.join(PROJECT_ROOT, ".spectral.json"), path.join(exportsDir, "openapi.json"), path.join(exportsDir, "asyncapi.json"), broken], { cwd: PROJECT_ROOT, timeoutMs: LINT_TIMEOUT_MS });
    expect(run.timedOut).toBe(false);
    const findings = JSON.parse(run.stdout.slice(run.stdout.indexOf("["))) as Finding[];
    const line = (f: Finding) => `${path.relative(PROJECT_ROOT, f.source)} ${SEVERITY[f.severity]} ${f.code} at ${f.path.join(".")}: ${f.message}`;

    const control = findings.filter((f) => f.source === broken);
    expect(control.map(line)).toContainEqual(expect.stringMatching(/ error invalid-ref at paths\.\/x\.post\.requestBody\.content\.application\/json\.schema\.\$ref: '#\/components\/schemas\/missing' does not exist$/));

    const ours = findings.filter((f) => f.source !== broken);
    expect(ours.filter((f) => f.severity === 0).map(line)).toEqual([]);
    expect(ours.filter((f) => !(String(f.code) in ACCEPTED)).map(line)).toEqual([]);
  }, LINT_TIMEOUT_MS + 10_000);
});
