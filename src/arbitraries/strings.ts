/**
 * Strings that satisfy a shape by construction: one generator chosen from the strongest constraint
 * (enumerated values, format, pattern, evolvable enum, plain length) and proofs that it also meets
 * the others. A constraint that cannot be proven is enforced by a filter, the last resort.
 */
import fc from "fast-check";
import { UnsupportedSchemaError } from "./errors.js";
import type { Shape } from "./shapes.js";

/** Graph GUIDs as the contract checks them (the 8-4-4-4-12 textual form). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Formats whose enumerated values can be checked here (others make `enum` + `format` unsupported). */
const FORMAT_CHECKS: Record<string, RegExp> = { uuid: GUID };
/** Longest plain string generated: long enough to find bugs, short enough to keep payloads small. */
const PLAIN_EXTRA_LENGTH = 16;
/** A `^scheme://` pattern, which a URL generator for that scheme satisfies. */
const SCHEME_PREFIX = /^\^([a-z][a-z0-9+.-]*):\/\/$/;
const REGEX_META = /[\\^$.|?*+()[\]{}]/;

export interface StringOptions {
  /** Give evolvable enums a never-seen member now and then. */
  freshEnumValues: boolean;
}

/** For enumerated values: the checks that can be made on one string. */
export function stringSatisfiesSimpleConstraints(value: string, shape: Shape): boolean {
  const length = [...value].length;
  if (length < shape.minLength || (shape.maxLength !== undefined && length > shape.maxLength)) return false;
  if (!shape.patterns.every((p) => new RegExp(p, "u").test(value))) return false;
  return shape.formats.every((f) => {
    const check = FORMAT_CHECKS[f];
    if (!check) throw new UnsupportedSchemaError("format", "(enum)", `cannot check enumerated values against format "${f}"`);
    return check.test(value);
  });
}

export function stringArbitrary(shape: Shape, at: string, options: StringOptions): fc.Arbitrary<string> {
  if (shape.values) return fc.constantFrom(...(shape.values as string[]));
  const source = baseGenerator(shape, at, options);
  const unproven = [
    ...shape.patterns.filter((p) => !source.guaranteed.patterns.has(p)).map((p) => {
      const re = new RegExp(p, "u");
      return (s: string) => re.test(s);
    }),
    ...(source.guaranteed.length ? [] : [(s: string) => stringSatisfiesSimpleConstraints(s, { ...shape, patterns: [], formats: [] })]),
    ...(shape.excluded.length > 0 ? [(s: string) => !shape.excluded.includes(s)] : []),
  ];
  return unproven.length === 0 ? source.arbitrary : source.arbitrary.filter((s) => unproven.every((ok) => ok(s)));
}

interface BaseGenerator {
  arbitrary: fc.Arbitrary<string>;
  /** The constraints this generator meets by construction. */
  guaranteed: { patterns: Set<string>; length: boolean };
}

function baseGenerator(shape: Shape, at: string, options: StringOptions): BaseGenerator {
  if (shape.formats.length > 1) throw new UnsupportedSchemaError("format", at, `several formats at once (${shape.formats.join(", ")})`);
  const format = shape.formats[0];
  if (format !== undefined) return formatGenerator(format, shape, at);
  if (shape.patterns.length > 0) return patternGenerator(shape);
  const plain = fc.string({ minLength: shape.minLength, maxLength: Math.min(shape.maxLength ?? Infinity, shape.minLength + PLAIN_EXTRA_LENGTH) });
  const known = (shape.extensible ?? []).filter((v) => stringSatisfiesSimpleConstraints(v, shape));
  if (known.length === 0) return { arbitrary: plain, guaranteed: { patterns: new Set(), length: true } };
  const members = fc.constantFrom(...known);
  const arbitrary = options.freshEnumValues
    ? fc.oneof({ arbitrary: members, weight: 4 }, { arbitrary: neverSeenMember(known).filter((s) => stringSatisfiesSimpleConstraints(s, shape)), weight: 1 })
    : members;
  return { arbitrary, guaranteed: { patterns: new Set(), length: true } };
}

/** A plausible future enum member (camelCase word) that is not one of the known ones. */
export function neverSeenMember(known: readonly string[]): fc.Arbitrary<string> {
  return stringMatching("^[a-z][a-zA-Z]{3,15}$").filter((s) => !known.includes(s));
}

function formatGenerator(format: string, shape: Shape, at: string): BaseGenerator {
  switch (format) {
    case "uuid":
      return { arbitrary: fc.uuid(), guaranteed: { patterns: new Set(), length: 36 >= shape.minLength && 36 <= (shape.maxLength ?? Infinity) } };
    case "uri": {
      const schemes = shape.patterns.flatMap((p) => SCHEME_PREFIX.exec(p)?.[1] ?? []);
      if (new Set(schemes).size > 1) throw new UnsupportedSchemaError("pattern", at, `several URI schemes required at once (${schemes.join(", ")})`);
      // Every generated URL is longer than "a://b.cd": length bounds up to that hold by construction.
      return { arbitrary: webUrl(schemes), guaranteed: { patterns: new Set(shape.patterns.filter((p) => SCHEME_PREFIX.test(p))), length: shape.minLength <= 8 && shape.maxLength === undefined } };
    }
    case "date-time":
      return {
        arbitrary: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
        guaranteed: { patterns: new Set(), length: 24 >= shape.minLength && 24 <= (shape.maxLength ?? Infinity) },
      };
    default:
      throw new UnsupportedSchemaError("format", at, `format "${format}" has no generator (supported: uuid, uri, date-time)`);
  }
}

/**
 * Absolute URLs made of RFC 3986 unreserved characters only (so any URI validator accepts them).
 * fc.webUrl would do, but building its first instance costs over a second per process.
 */
function webUrl(schemes: string[]): fc.Arbitrary<string> {
  const label = stringMatching("^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$");
  const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), stringMatching("^[a-z]{2,6}$")).map(([labels, tld]) => [...labels, tld].join("."));
  const path = fc.array(stringMatching("^[A-Za-z0-9._~-]{1,12}$"), { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join(""));
  const scheme = fc.constantFrom(...(schemes.length > 0 ? schemes : ["https", "http"]));
  return fc.tuple(scheme, host, path).map(([s, h, p]) => `${s}://${h}${p}`);
}

/** Generate from the pattern that implies the others (when one can be shown to), filter by the rest. */
function patternGenerator(shape: Shape): BaseGenerator {
  const chosen = shape.patterns.find((p) => shape.patterns.every((q) => impliesPattern(p, q))) ?? shape.patterns[0]!;
  const implied = new Set(shape.patterns.filter((q) => impliesPattern(chosen, q)));
  const matchesEmpty = new RegExp(chosen, "u").test("");
  const length = shape.maxLength === undefined && (shape.minLength === 0 || (shape.minLength === 1 && !matchesEmpty));
  return { arbitrary: stringMatching(chosen), guaranteed: { patterns: implied, length } };
}

const matchingCache = new Map<string, fc.Arbitrary<string>>();

/** fc.stringMatching, built once per pattern: building one costs tens of milliseconds. */
function stringMatching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = matchingCache.get(pattern);
  if (!arbitrary) {
    arbitrary = fc.stringMatching(new RegExp(pattern));
    matchingCache.set(pattern, arbitrary);
  }
  return arbitrary;
}

/**
 * Whether every string matching `p` matches `q`: q itself, or q a literal prefix ("^/") that p
 * starts with, unquantified ("^/(communications|app)/..." implies "^/").
 */
function impliesPattern(p: string, q: string): boolean {
  if (p === q) return true;
  if (!q.startsWith("^")) return false;
  const literal = q.slice(1);
  if (literal.length === 0) return true;
  if (REGEX_META.test(literal)) return false;
  const rest = p.slice(1 + literal.length);
  return p.startsWith("^") && p.slice(1, 1 + literal.length) === literal && !/^[?*+{]/.test(rest);
}
