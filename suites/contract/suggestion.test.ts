/**
 * "did you mean": the bit-parallel edit distance (src/contract/errors.ts) answers exactly as the
 * textbook one, on names short enough for it (<= 31) and longer ones (its fallback).
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { suggestion } from "../../src/contract/errors.js";

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = above;
    }
  }
  return row[b.length]!;
}

/** The rule as first written: a case-insensitive match, else the closest within a quarter of the name (at least 1), first on ties. */
function reference(prop: string, known: string[]): string {
  const lower = prop.toLowerCase();
  const best = known.find((k) => k.toLowerCase() === lower) ?? known
    .map((k) => ({ k, d: levenshtein(lower, k.toLowerCase()) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d)[0]?.k;
  return best ? ` (did you mean "${best}"?)` : "";
}

const name = fc.string({ unit: fc.constantFrom(..."abcdeABCDE@._-x"), minLength: 1, maxLength: 40 });

test("the same suggestion as the textbook edit distance, for misspellings of known names and unrelated ones", () => {
  const misspelt = fc.tuple(fc.array(name, { minLength: 1, maxLength: 8 }), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(..."abcdeA.x"), fc.boolean()), { maxLength: 3 }))
    .map(([known, pick, edits]) => {
      let prop = known[pick % known.length]!;
      for (const [at, ch, insert] of edits) {
        const i = at % (prop.length + 1);
        prop = insert ? prop.slice(0, i) + ch + prop.slice(i) : prop.slice(0, i) + prop.slice(i + 1);
      }
      return { known, prop };
    });
  fc.assert(fc.property(fc.oneof(misspelt, fc.record({ known: fc.array(name, { minLength: 1, maxLength: 8 }), prop: name })), ({ known, prop }) => {
    expect(suggestion(prop, known)).toBe(reference(prop, known));
  }), { numRuns: 3_000, seed: 15 });
});

test("examples", () => {
  expect(suggestion("callbackURL", ["callbackUri", "targets"])).toBe(' (did you mean "callbackUri"?)');
  expect(suggestion("target", ["callbackUri", "targets"])).toBe(' (did you mean "targets"?)');
  expect(suggestion("targest", ["callbackUri", "targets"])).toBe(""); // a transposition is 2 edits: more than a quarter of 7
  expect(suggestion("zzz", ["callbackUri", "targets"])).toBe("");
});
