/**
 * The SDK defects the SDK bots work around (each folder's README), proven against the pinned SDKs: a defect that
 * disappears fails here, so the READMEs cannot go stale. Skipped, with the note saying how to install it, where the
 * SDK is not installed (scripts/setup-toolchains.sh).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RUNNERS } from "../../src/snippets-run/index.js";
import { runProcess } from "../../src/snippets-run/process.js";
import { javaClasspath, SDK_DIRS } from "../../src/snippets-run/toolchains.js";

const javaMissing = RUNNERS.java.unavailable();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-defects-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.skipIf(javaMissing !== undefined)(`microsoft-graph (Java)${javaMissing ? ` (skipped: ${javaMissing})` : ""}`, () => {
  it("microsoft-kiota-serialization-json 1.9.2: a Map in a model's additional data throws 'Dangling name' in JsonSerializationWriter.writeObjectValue", async () => {
    const source = path.join(SDK_DIRS.java, "defects", "MapInAdditionalData.java");
    const compiled = await runProcess("javac", ["-nowarn", "-d", work, "-cp", javaClasspath(), source], { cwd: work, timeoutMs: 120_000 });
    expect(compiled.code, compiled.stderr).toBe(0);
    const ran = await runProcess("java", ["-cp", javaClasspath(work), "MapInAdditionalData"], { cwd: work, timeoutMs: 60_000 });
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toContain("java.lang.IllegalStateException: Dangling name: phone");
    expect(ran.stderr).toMatch(/at com\.microsoft\.kiota\.serialization\.JsonSerializationWriter\.writeObjectValue\(JsonSerializationWriter\.java:\d+\)/);
  }, 180_000);
});
