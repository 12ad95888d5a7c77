/** `validate --help` tells the truth: every option it lists works as described, and the limits and keys it states are the real ones. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VALIDATE_OPTIONS, validateCommand } from "../../src/cli/commands/validate.js";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { put, run, useTempDir, type RunResult } from "./helpers.js";
import { createCallRequestWithTypo, transferRequest } from "./payloads.js";

const usage = validateCommand.usage;

/** The long names in the help's Options block ("  --as <schema>  ...", "  -h, --help  ..."). */
function listedOptions(): string[] {
  const block = usage.slice(usage.indexOf("\nOptions:\n"), usage.indexOf("\n\n", usage.indexOf("\nOptions:\n") + 1));
  return [...block.matchAll(/^ {2}(?:-\w, )?--([a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

/** For each listed option, a run that uses it and a check that it did what the help says. */
const EXAMPLES: Record<string, Array<{ args: string[]; check: (r: RunResult) => void }>> = {
  as: [{ args: ["--as", "transfer-request", "t.json"], check: (r) => expect(r.lines[0]).toBe("t.json: valid (transfer-request)") }],
  format: [
    { args: ["--format", "text", "t.json"], check: (r) => expect(r.lines.at(-1)).toBe("1 file: 1 valid, 0 invalid") },
    { args: ["--format", "json", "t.json"], check: (r) => expect(JSON.parse(r.stdout)).toMatchObject({ summary: { files: 1, valid: 1, invalid: 0 } }) },
  ],
  "max-bytes": [{ args: ["--max-bytes", "10", "t.json"], check: (r) => expect(r.lines[0]).toMatch(/^t\.json: error: too large: \d+ bytes, over the 10-byte limit/) }],
  help: [
    { args: ["--help"], check: (r) => expect(r.stdout).toBe(usage + "\n") },
    { args: ["-h"], check: (r) => expect(r.stdout).toBe(usage + "\n") },
  ],
};

describe("validate --help", () => {
  const tmp = useTempDir();

  it("lists exactly the options the parser accepts (plus --help, which main handles)", () => {
    expect(listedOptions().sort()).toEqual([...Object.keys(VALIDATE_OPTIONS), "help"].sort());
  });

  it("every listed option has an example here (a new option needs one)", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(listedOptions().sort());
  });

  it.each(listedOptions())("--%s works as the help says", async (option) => {
    put(tmp(), "t.json", transferRequest());
    for (const { args, check } of EXAMPLES[option]!) {
      const r = await run(["validate", ...args], { cwd: tmp() });
      expect(r.stderr).toBe("");
      check(r);
    }
  });

  it("the usage line names each listed option", () => {
    const firstLine = usage.split("\n")[0]!;
    for (const option of listedOptions().filter((o) => o !== "help")) expect(firstLine).toContain(`--${option}`);
  });

  it("the JSON keys the help names are the keys of a real report", async () => {
    put(tmp(), "ok.json", transferRequest());
    put(tmp(), "bad.json", createCallRequestWithTypo());
    put(tmp(), "broken.json", "[");
    put(tmp(), "many.json", JSON.stringify({ transferTarget: 1, ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, 1])) }));
    const r = await run(["validate", "--format", "json", "ok.json", "bad.json", "broken.json", "many.json"], { cwd: tmp() });
    const keys = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) keys.add(k) && collect(v);
    };
    collect(JSON.parse(r.stdout));
    const start = usage.indexOf("JSON output:");
    const paragraph = usage.slice(start, usage.indexOf("\n", usage.indexOf('"summary"', start)));
    const named = new Set([...paragraph.matchAll(/"([a-zA-Z]+)"/g)].map((m) => m[1]!));
    expect([...named].sort()).toEqual([...keys].sort());
  });

  it("the default size limit it states is the one applied", async () => {
    const stated = Number(/--max-bytes <n> .*\(default (\d+)/.exec(usage)?.[1]);
    expect(stated).toBeGreaterThan(0);
    const at = path.join(tmp(), "at-limit.json");
    const over = path.join(tmp(), "over-limit.json");
    fs.writeFileSync(at, "");
    fs.truncateSync(at, stated);
    fs.writeFileSync(over, "");
    fs.truncateSync(over, stated + 1);
    const r = await run(["validate", "at-limit.json", "over-limit.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe("at-limit.json: error: binary data: NUL byte at offset 0"); // read, then refused for its content
    expect(r.lines[1]).toBe(`over-limit.json: error: too large: ${stated + 1} bytes, over the ${stated}-byte limit (raise it with --max-bytes)`);
  });

  it("the nesting limit it states is the one applied", async () => {
    const stated = Number(/nested deeper than (\d+) levels/.exec(usage)?.[1]);
    expect(stated).toBeGreaterThan(0);
    put(tmp(), "at.json", "[".repeat(stated) + "]".repeat(stated));
    put(tmp(), "over.json", "[".repeat(stated + 1) + "]".repeat(stated + 1));
    const r = await run(["validate", "--as", "transfer-request", "at.json", "over.json"], { cwd: tmp() });
    expect(r.lines).toContain("at.json: invalid (transfer-request)");
    expect(r.lines).toContain(`over.json: error: too deeply nested: more than ${stated} levels of arrays and objects at line 1, column ${stated + 1}`);
  });

  it("the top-level help lists the command", async () => {
    const r = await run(["--help"]);
    expect(r.lines.filter((l) => /^ {2}validate +/.test(l)).map((l) => l.replace(/^ {2}validate +/, ""))).toEqual([COMMANDS.find((c) => c.name === "validate")!.summary]);
  });
});
