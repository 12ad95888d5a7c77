/**
 * `validate` on a payload with more errors than anyone reads: the first 100, then one line saying
 * how many more (text and JSON), quickly even when the payload is built to stall a validator.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../src/util/paths.js";
import { put, run, useTempDir } from "./helpers.js";

function roster(n: number): string {
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, "documented", "create-call.fr.v1.0", "ex05.notification-03.json"), "utf8")) as { payload: { value: Array<{ resourceData: Array<{ mediaStreams: Array<Record<string, unknown>> }> }> } };
  const entry = fixture.payload.value[0]!;
  const participant = structuredClone(entry.resourceData[0]!);
  participant.mediaStreams[0]!.serverMuted = "no";
  return JSON.stringify({ ...fixture.payload, value: Array.from({ length: n }, () => ({ ...entry, resourceData: [participant] })) });
}

describe("validate: a payload with many errors", () => {
  const tmp = useTempDir();

  it("lists 100 errors, then 'and N more errors'", async () => {
    put(tmp(), "roster.json", roster(150));
    const r = await run(["validate", "roster.json", "--as", "notification-roster"], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe("roster.json: invalid (notification-roster)");
    expect(r.lines.slice(1, 101).every((line) => line.startsWith("roster.json: /value/") && line.endsWith("(type)"))).toBe(true);
    expect(r.lines.slice(101)).toEqual(["roster.json: and 50 more errors", "1 file: 0 valid, 1 invalid"]);
  });

  it("the JSON report carries the count as omitted", async () => {
    put(tmp(), "roster.json", roster(150));
    const r = await run(["validate", "roster.json", "--as", "notification-roster", "--format", "json"], { cwd: tmp() });
    const report = JSON.parse(r.stdout) as { files: Array<{ schemas: Array<{ errors: unknown[]; omitted?: unknown }> }> };
    expect(report.files[0]!.schemas[0]!.errors).toHaveLength(100);
    expect(report.files[0]!.schemas[0]!.omitted).toEqual({ count: 50, atLeast: false });
  });

  it("a 10 MB roster of bad participants (the 32 KB one took 68 s) ends with 'and at least N more'", async () => {
    put(tmp(), "hostile.json", roster(9_000));
    const r = await run(["validate", "hostile.json"], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.lines.at(-2)).toMatch(/^hostile\.json: and at least [\d,]+ more errors \(collection stops early/);
  });
});
