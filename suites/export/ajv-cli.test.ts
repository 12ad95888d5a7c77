/**
 * schemas/README.md's ajv-cli command, run as written (its `npx ajv` is the ajv-cli of
 * .toolchains/api-tools) from a directory where the package is installed: strict mode accepts the
 * published schemas with schemas/ajv-keywords.cjs, a documented body is valid, a broken one is
 * invalid with the error naming the property, and without the keywords file strict mode refuses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it, test } from "vitest";
import { ANNOTATION_KEYWORDS } from "../../src/contract/keywords.js";
import { runProcess } from "../../src/snippets-run/process.js";
import type { JsonObject } from "../../src/util/json.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { apiTool, toolTitle } from "./api-tools.js";
import { openApi } from "./helpers.js";

const ajv = apiTool("ajv");
const README = fs.readFileSync(path.join(PROJECT_ROOT, "schemas", "README.md"), "utf8");
const MARKER = "<!-- ajv-cli: run by suites/export/ajv-cli.test.ts -->";
const block = README.slice(README.indexOf(MARKER)).match(/```sh\n([\s\S]*?)```/)![1]!;
/** The validate command (the block's install line is what .toolchains/api-tools did). */
const command = block.slice(block.indexOf("npx ajv validate"));

test("schemas/ajv-keywords.cjs declares every annotation keyword of the contract, and discriminator", () => {
  const { KEYWORDS } = createRequire(import.meta.url)(path.join(PROJECT_ROOT, "schemas", "ajv-keywords.cjs")) as { KEYWORDS: string[] };
  expect(README).toContain(MARKER);
  expect([...KEYWORDS].sort()).toEqual([...ANNOTATION_KEYWORDS, "discriminator"].sort());
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ajv-cli-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.skipIf(!ajv)(toolTitle("schemas/README.md: ajv-cli in strict mode", "ajv"), () => {
  fs.mkdirSync(path.join(work, "node_modules"));
  fs.symlinkSync(PROJECT_ROOT, path.join(work, "node_modules", "graph-calls-contract"));
  const documented = Object.values(((((openApi.paths as JsonObject)["/communications/calls"] as JsonObject).post as JsonObject).requestBody as JsonObject).content as JsonObject)
    .map((c) => Object.values((c as JsonObject).examples as JsonObject)[0] as JsonObject)[0]!.value as JsonObject;

  const run = (shell: string, body: unknown) => {
    fs.writeFileSync(path.join(work, "body.json"), JSON.stringify(body));
    return runProcess("bash", ["-c", shell.replace(/^npx ajv /, `${JSON.stringify(ajv)} `)], { cwd: work, timeoutMs: 60_000 });
  };

  it("accepts a documented create-call body: body.json valid, exit 0", async () => {
    const r = await run(command, documented);
    expect({ code: r.code, out: r.stdout + r.stderr }).toEqual({ code: 0, out: "body.json valid\n" });
  });

  it("refuses a body whose mediaConfig lacks @odata.type: exit 1, the error names /mediaConfig and the missing property", async () => {
    const body = structuredClone(documented);
    delete (body.mediaConfig as JsonObject)["@odata.type"];
    const r = await run(`${command.trimEnd()} --errors=json`, body);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("body.json invalid");
    const errors = JSON.parse(r.stderr.slice(r.stderr.indexOf("["))) as Array<{ instancePath: string; keyword: string; params: JsonObject }>;
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: "/mediaConfig", keyword: "required", params: { missingProperty: "@odata.type" } }));
  });

  it("without the keywords file, strict mode refuses the schema (why the README gives it)", async () => {
    const without = command.replace(/ -c \.\/node_modules\/graph-calls-contract\/schemas\/ajv-keywords\.cjs/, "");
    expect(without).not.toBe(command);
    const r = await run(without, documented);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('strict mode: unknown keyword: "x-profile"');
  });
});
