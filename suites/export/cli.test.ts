/** `graph-calls-contract export`: the committed documents on stdout or in a file, and usage errors that say what to do. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { EXPORTED_DOCUMENTS, EXPORTS_DIR } from "../../src/export/index.js";
import { run } from "../cli/helpers.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gcc-export-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each(Object.values(EXPORTED_DOCUMENTS).map((d) => d.file))("--format %s prints the committed document", async (file) => {
  const format = file.replace(/\.json$/, "");
  const result = await run(["export", "--format", format]);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(fs.readFileSync(path.join(EXPORTS_DIR, file), "utf8"));
});

test("--out writes the file, relative to the working directory", async () => {
  const result = await run(["export", "--format", "asyncapi", "--out", "doc.json"], { cwd: tmp });
  expect(result).toMatchObject({ code: 0, stdout: "wrote doc.json\n" });
  expect(fs.readFileSync(path.join(tmp, "doc.json"), "utf8")).toBe(fs.readFileSync(path.join(EXPORTS_DIR, "asyncapi.json"), "utf8"));
});

test("a file that cannot be written: one line, exit 1", async () => {
  const result = await run(["export", "--format", "openapi", "--out", "missing/dir/doc.json"], { cwd: tmp });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^graph-calls-contract export: cannot write missing\/dir\/doc.json: .*\n$/);
});

test.each([
  [[], /--format is required/],
  [["--format", "yaml"], /--format must be openapi or asyncapi \(got "yaml"\)/],
  [["--format", "openapi", "extra"], /unexpected argument "extra"/],
])("usage error %j: exit 2", async (args, message) => {
  const result = await run(["export", ...args]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
});

test("--help names both formats and is listed in the main help", async () => {
  const help = await run(["export", "--help"]);
  expect(help.stdout).toMatch(/--format openapi\|asyncapi/);
  expect((await run(["--help"])).stdout).toMatch(/^ {2}export +print the contract as an OpenAPI 3.1 or AsyncAPI 3 document/m);
});
