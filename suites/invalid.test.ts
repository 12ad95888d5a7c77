/**
 * Negative cases as data: every file under fixtures/invalid/<schema>/<slug>.json is one payload that
 * must fail, with the exact (pointer, rule) errors the contract must report. A new case is a new
 * file; this suite never needs new code for it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContract } from "../src/index.js";
import type { InvalidCase } from "../src/fixtures/model.js";
import { FIXTURES_DIR } from "../src/util/paths.js";
import { SchemaStore } from "../src/arbitraries/index.js";
import { getAtPointer, isObject, splitPointer, joinPointer } from "../src/util/json.js";

const CASES_DIR = path.join(FIXTURES_DIR, "invalid");
const MIN_CASES = 45;
/** Rules whose pointer names a property that is absent from the payload (its parent must exist). */
const ABSENT_PROPERTY_RULES = new Set(["required", "discriminator"]);

interface LoadedCase {
  /** Path relative to fixtures/invalid, e.g. "transfer-request/client-context-too-long.json". */
  file: string;
  parsed: unknown;
}

function listCaseFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".json"))
    .map((d) => path.relative(CASES_DIR, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}

function loadCases(): LoadedCase[] {
  return listCaseFiles(CASES_DIR).map((file) => {
    const text = fs.readFileSync(path.join(CASES_DIR, file), "utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = new Error(`not valid JSON: ${(e as Error).message}`);
    }
    return { file, parsed };
  });
}

function asCase(loaded: LoadedCase): InvalidCase {
  if (loaded.parsed instanceof Error) throw new Error(`${loaded.file}: ${loaded.parsed.message}`);
  return loaded.parsed as InvalidCase;
}

const pairKey = (e: { pointer: string; rule: string }) => `${e.pointer} ${e.rule}`;
const pairSet = (errors: Array<{ pointer: string; rule: string }>) => [...new Set(errors.map(pairKey))].sort();

/** The property an error is about: the last non-index token of its pointer (items belong to their array). */
function propertyAtFault(pointer: string): string | undefined {
  return splitPointer(pointer).filter((t) => !/^(0|[1-9][0-9]*)$/.test(t)).at(-1);
}

/** The value as a message would show it (messages may truncate long values, so a prefix is enough). */
function valueShownPrefix(value: unknown): string | undefined {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : text.slice(0, 20);
}

function jsonTypeName(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/**
 * Whether a message names what is at fault: the property (nearest named pointer token) or the
 * offending value. At the payload root there is no property, so the value's type or any declared
 * property name (e.g. "must have targets or meetingInfo") counts.
 */
function mentionsFault(message: string, pointer: string, payload: unknown, knownNames: Set<string>): boolean {
  const property = propertyAtFault(pointer);
  const value = getAtPointer(payload, pointer);
  const shown = valueShownPrefix(value);
  if (property !== undefined && message.includes(property)) return true;
  if (shown !== undefined && message.includes(shown)) return true;
  if (property === undefined) {
    const words = message.match(/[A-Za-z@.]+/g) ?? [];
    return message.includes(jsonTypeName(value)) || words.some((w) => knownNames.has(w));
  }
  return false;
}

const loaded = loadCases();
const contract = loadContract();

describe("invalid cases (fixtures/invalid)", () => {
  describe("the directory", () => {
    it(`holds at least ${MIN_CASES} cases`, () => {
      expect(loaded.length).toBeGreaterThanOrEqual(MIN_CASES);
    });

    it("covers every operation and notification schema", () => {
      const covered = new Set(loaded.map((c) => asCase(c).schema));
      const required = contract.entries.filter((e) => e.kind !== "type").map((e) => e.name);
      expect(required.filter((name) => !covered.has(name))).toEqual([]);
    });

    it.each(loaded.map((c) => [c.file, c] as const))("%s is a well-formed case", (file, c) => {
      const k = asCase(c);
      expect(typeof k.description === "string" && k.description.length > 0, "description").toBe(true);
      expect(typeof k.reason === "string" && k.reason.length > 0, "reason").toBe(true);
      expect(contract.names()).toContain(k.schema);
      // fixtures/invalid/<schema>/<slug>.json: the folder says which schema, the slug what breaks.
      expect(path.posix.dirname(file)).toBe(k.schema);
      expect(path.posix.basename(file)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.json$/);
      expect("payload" in (k as object), "payload").toBe(true);
      expect(Array.isArray(k.expect) && k.expect.length > 0, "expect lists at least one error").toBe(true);
      expect(pairSet(k.expect)).toHaveLength(k.expect.length);
    });

    it.each(loaded.map((c) => [c.file, c] as const))("%s: every expected pointer resolves in the payload", (_file, c) => {
      const k = asCase(c);
      for (const { pointer, rule } of k.expect) {
        const tokens = splitPointer(pointer);
        const resolves = getAtPointer(k.payload, pointer) !== undefined;
        const parent = joinPointer("", ...tokens.slice(0, -1));
        const absentChildOfExistingParent = tokens.length > 0 && ABSENT_PROPERTY_RULES.has(rule) && isObject(getAtPointer(k.payload, parent));
        expect(resolves || absentChildOfExistingParent, `${rule} at ${JSON.stringify(pointer)}`).toBe(true);
      }
    });
  });

  describe("the contract rejects each case", () => {
    const knownNames = SchemaStore.load().declaredPropertyNames();

    it.each(loaded.map((c) => [c.file, c] as const))("%s: exactly the expected (pointer, rule) errors", (_file, c) => {
      const k = asCase(c);
      const result = contract.validate(k.schema, k.payload);
      expect(result.valid).toBe(false);
      expect(pairSet(result.errors)).toEqual(pairSet(k.expect));
    });

    it.each(loaded.map((c) => [c.file, c] as const))("%s: every message names the property or value at fault", (_file, c) => {
      const k = asCase(c);
      const vague = contract.validate(k.schema, k.payload).errors
        .filter((e) => e.message.trim() === "" || !mentionsFault(e.message, e.pointer, k.payload, knownNames))
        .map((e) => `${e.pointer} ${e.rule}: ${JSON.stringify(e.message)}`);
      expect(vague).toEqual([]);
    });
  });
});
