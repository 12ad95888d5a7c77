/** The lenient JSON reader: what it accepts from the docs, the repair it reports for each deviation, and what it refuses. */
import { describe, expect, test } from "vitest";
import { parseLenientJson, findJsonBlockEnd } from "../../src/extract/lenient-json.js";

const accepted: Array<[string, string, unknown, Array<[string, number]>]> = [
  ["valid JSON, no repair", '{"a": [1, 2.5, -3e2], "b": null, "c": true}', { a: [1, 2.5, -300], b: null, c: true }, []],
  ["trailing comma in an object", '{\n"a": 1,\n}', { a: 1 }, [["JSON_TRAILING_COMMA", 2]]],
  ["trailing comma in an array", '{"a": [1,\n2,\n]}', { a: [1, 2] }, [["JSON_TRAILING_COMMA", 2]]],
  ["line and block comments", '{\n// a comment\n"a": /* inline */ 1\n}', { a: 1 }, [["JSON_COMMENT", 2], ["JSON_COMMENT", 3]]],
  ["unquoted placeholder value", '{"blob": <Media Session Configuration>}', { blob: "<Media Session Configuration>" }, [["JSON_UNQUOTED_PLACEHOLDER", 1]]],
  ["elided array items", '{"value": [\n{"id": 1},\n...\n]}', { value: [{ id: 1 }] }, [["JSON_ELLIPSIS", 3]]],
  ["block cut off before its end", '{"a": {\n"b": 1', { a: { b: 1 } }, [["JSON_TRUNCATED", 1], ["JSON_TRUNCATED", 1]]],
  ["single-quoted strings", "{'a': 'it''s'}".replace("''", "\\'"), { a: "it's" }, [["JSON_SINGLE_QUOTES", 1], ["JSON_SINGLE_QUOTES", 1]]],
];

describe("accepted with repairs", () => {
  test.each(accepted)("%s", (_name, text, value, repairs) => {
    const result = parseLenientJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(value);
    expect(result.repairs.map((r) => [r.code, r.line])).toEqual(repairs);
  });
});

describe("refused, with a position", () => {
  test.each([
    ["a bare word", '{"a": maybe}', 1, 7],
    ["a missing colon", '{\n"a" 1\n}', 2, 5],
    ["two values without a comma", '{"a": 1 "b": 2}', 1, 9],
    ["a string broken across lines", '{"a": "x\ny"}', 1, 7],
  ])("%s", (_name, text, line, column) => {
    const result = parseLenientJson(text);
    expect(result).toMatchObject({ ok: false, line, column });
  });

  test("nesting deeper than any documentation payload is refused, not a stack overflow", () => {
    const result = parseLenientJson("[".repeat(10_000) + "]".repeat(10_000));
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.error).toMatch(/nesting deeper than/);
  });
});

test("a __proto__ key stays data and does not touch the prototype", () => {
  const result = parseLenientJson('{"__proto__": {"polluted": true}, "a": 1}');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(Object.keys(result.value as object)).toEqual(["__proto__", "a"]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
});

describe("where a JSON block ends on a page without fences", () => {
  test("where its brackets balance, strings respected", () => {
    const lines = ['{', '"a": "}",', '"b": [1, 2]', '}', 'Next paragraph {not json}'];
    expect(findJsonBlockEnd(lines, 0)).toEqual({ end: 3, balanced: true });
  });
  test("a truncated block ends at its last JSON-looking line, before prose", () => {
    const lines = ['{', '"a": 1,', '"b": {', '"c": 2', 'Notification - established', '{'];
    expect(findJsonBlockEnd(lines, 0)).toEqual({ end: 3, balanced: false });
  });
});
