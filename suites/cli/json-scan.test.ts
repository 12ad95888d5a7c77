import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAndColumn, scanJson } from "../../src/cli/json-scan.js";
import { cpuTimer } from "../cpu-time.js";

/** The scan's verdict in the form the CLI prints it: "line:column message", or "ok". */
function verdict(text: string, maxDepth = 64): string {
  const failure = scanJson(text, maxDepth);
  if (!failure) return "ok";
  const { line, column } = lineAndColumn(text, failure.offset);
  return `${line}:${column} ${failure.kind === "depth" ? "depth: " : ""}${failure.message}`;
}

describe("scanJson: where and what the first error is", () => {
  it.each([
    ['{"a": 1}', "ok"],
    ['  [1, -2.5e+3, "x\\u00e9\\n", true, false, null, {}]\n', "ok"],
    ['"just a string"', "ok"],
    ['{\n  "a": 1,\n}', "3:1 trailing comma before '}'"],
    ["[1, 2,]", "1:7 trailing comma before ']'"],
    ['{"a": }', "1:7 unexpected '}' (expected a value)"],
    ['{"a" 1}', "1:6 unexpected '1' (expected ':' after the property name)"],
    ["{a: 1}", "1:2 unexpected 'a' (expected a property name in double quotes or '}')"],
    ['{"a": 1 "b": 2}', "1:9 unexpected '\"' (expected ',' or '}')"],
    ["[1 2]", "1:4 unexpected '2' (expected ',' or ']')"],
    ['{"a": [1}', "1:9 unexpected '}' (expected ',' or ']')"],
    ['{"a": 1', "1:8 unexpected end of input (expected ',' or '}')"],
    ["", "1:1 unexpected end of input (expected a value)"],
    ['{"a": "b', "1:7 unterminated string"],
    ['{"a": "b\nc"}', "1:9 unescaped control character U+000A in a string"],
    ['"\\x"', "1:2 invalid escape \\\\x in a string"],
    ['"\\u12G4"', "1:2 invalid \\u escape in a string (expected 4 hex digits)"],
    ["[01]", "1:2 invalid number"],
    ["[1.]", "1:2 invalid number"],
    ["[-]", "1:2 invalid number"],
    ['{"id": {id}}', "1:9 unexpected 'i' (expected a property name in double quotes or '}')"],
    ['{"state": established}', '1:11 unexpected word "established" (expected a value: an object, array, string in double quotes, number, true, false or null)'],
    ["[NaN]", '1:2 unexpected word "NaN" (expected a value: an object, array, string in double quotes, number, true, false or null)'],
    ["{'a': 1}", "1:2 unexpected ''' (expected a property name in double quotes or '}')"],
    ["['a']", "1:2 strings must be in double quotes"],
    ["[1, // one\n2]", "1:5 comments are not allowed in JSON"],
    ['{"a": 1} {"b": 2}', "1:10 unexpected '{' after the JSON value"],
    ['{"a": 1}\u00a0', "1:9 unexpected U+00A0 after the JSON value"],
    ["[\u{1F600}]", "1:2 unexpected U+1F600 (expected a value)"],
  ])("%j -> %s", (text, expected) => {
    expect(verdict(text)).toBe(expected);
  });
});

describe("scanJson: nesting depth", () => {
  it("accepts exactly maxDepth levels and refuses one more, pointing at the bracket that goes too deep", () => {
    expect(verdict("[".repeat(4) + "]".repeat(4), 4)).toBe("ok");
    expect(verdict('{"a":{"b":[[{}]]}}', 4)).toBe("1:13 depth: more than 4 levels of arrays and objects");
  });

  it("refuses 100 000 nested arrays in linear time, without recursion", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const cpuMs = cpuTimer();
    expect(verdict(deep)).toBe("1:65 depth: more than 64 levels of arrays and objects");
    expect(cpuMs()).toBeLessThan(1000);
  });

  it("does not count brackets inside strings", () => {
    expect(verdict(JSON.stringify({ a: "[[[[[[[[[[{{{{{{{{" }), 2)).toBe("ok");
  });
});

describe("scanJson agrees with JSON.parse", () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it("accepts every serialised JSON value", () => {
    fc.assert(fc.property(fc.json({ depthSize: "small" }), (text) => scanJson(text, 1000) === undefined), { numRuns: 500 });
  });

  it("accepts and refuses the same texts as JSON.parse when JSON is damaged", () => {
    // Damage a JSON text with one edit: delete, duplicate or insert a JSON-significant character.
    const damaged = fc
      .tuple(fc.json({ depthSize: "small" }), fc.nat(), fc.constantFrom(..."{}[]:,\"\\ -0.eE+tfn'\n\u0001"), fc.constantFrom("delete", "insert", "replace"))
      .map(([text, at, ch, edit]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        if (edit === "delete") return text.slice(0, i) + text.slice(i + 1);
        if (edit === "insert") return text.slice(0, i) + ch + text.slice(i);
        return text.slice(0, i) + ch + text.slice(i + 1);
      });
    fc.assert(fc.property(damaged, (text) => (scanJson(text, 1000) === undefined) === parses(text)), { numRuns: 2000 });
  });
});

describe("lineAndColumn", () => {
  it("counts lines from 1 and columns from 1 after the last newline", () => {
    expect(lineAndColumn("ab\ncd\r\nef", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd\r\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn("ab\ncd\r\nef", 7)).toEqual({ line: 3, column: 1 });
  });
});
