/**
 * The generated types (generated/index.ts) agree with the contract: every payload the contract
 * accepts typechecks as its schema's type, and every known mistake (known-bad.ts) is a type error
 * on its own line. One in-memory TypeScript program holds all the cases, so the suite stays fast
 * however many fixtures the extractor writes.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadContract } from "../../src/index.js";
import { GENERATED_DIR, PROJECT_ROOT } from "../../src/util/paths.js";
import { findExpectErrorDirectives, withoutExpectErrorDirectives } from "./support/expect-error.js";
import { createInMemoryProgram, showDiagnostics } from "./support/in-memory-program.js";
import { payloadCases, readDocumentedFixtures, readSamples, type PayloadCase } from "./support/payload-cases.js";

const SUITE_DIR = path.join(PROJECT_ROOT, "suites/types");
const GENERATED_INDEX = path.join(GENERATED_DIR, "index.ts");
const KNOWN_BAD = path.join(SUITE_DIR, "known-bad.ts");
// In memory only, beside known-bad.ts so its relative import resolves the same way.
const KNOWN_BAD_WITHOUT_DIRECTIVES = path.join(SUITE_DIR, "known-bad.without-directives.ts");

const contract = loadContract();
const samples = payloadCases(readSamples(), contract);
// What the contract rejects has no type to match: the contract suites own those payloads.
const fixtures = payloadCases(readDocumentedFixtures(), contract).filter((c) => c.contractErrors.length === 0);
const cases = [...samples, ...fixtures];

const caseFile = (index: number) => path.join(SUITE_DIR, `payload-case-${index}.ts`);
// Pretty-printed, so a diagnostic's line points at the offending part of the payload.
const caseSource = (c: PayloadCase) =>
  `import type { SchemaTypes } from "../../generated/index.js";\n\nexport const payload: SchemaTypes[${JSON.stringify(c.schema)}] = ${JSON.stringify(c.payload, null, 2)};\n`;

const knownBad = fs.readFileSync(KNOWN_BAD, "utf8");
const knownBadWithoutDirectives = withoutExpectErrorDirectives(knownBad);
const directives = findExpectErrorDirectives(knownBad);

const sources = new Map<string, string>(cases.map((c, i) => [caseFile(i), caseSource(c)]));
sources.set(KNOWN_BAD_WITHOUT_DIRECTIVES, knownBadWithoutDirectives);
const compiled = createInMemoryProgram(sources);

test("the program has no global or option errors", () => {
  expect(compiled.globalDiagnostics()).toEqual([]);
});

describe("every payload the contract accepts typechecks as its generated type", () => {
  test.each(cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, index) => {
    // Samples are meant to be valid: one the contract rejects would silently test nothing.
    expect(c.contractErrors, `the contract rejects ${c.name}`).toEqual([]);
    const file = caseFile(index);
    const diagnostics = compiled.diagnosticsOf(file);
    expect(showDiagnostics(diagnostics, sources.get(file)!), `${c.name} does not typecheck as SchemaTypes["${c.schema}"]`).toBe("");
  });
});

describe("known-bad.ts: each case is a type error on the line after its @ts-expect-error", () => {
  const diagnostics = compiled.diagnosticsOf(KNOWN_BAD_WITHOUT_DIRECTIVES);

  test("there are at least 12 cases, each saying why it is wrong", () => {
    expect(directives.length).toBeGreaterThanOrEqual(12);
    expect(directives.filter((d) => d.why === "").map((d) => d.line), "directives without a reason").toEqual([]);
  });

  test.each(directives.map((d) => [`line ${d.target}: ${d.why}`, d] as const))("%s", (_name, directive) => {
    expect(diagnostics.filter((d) => d.line === directive.target), `no type error on line ${directive.target} of known-bad.ts`).not.toEqual([]);
  });

  test("nothing else in it is an error", () => {
    const targets = new Set(directives.map((d) => d.target));
    expect(showDiagnostics(diagnostics.filter((d) => !targets.has(d.line)), knownBadWithoutDirectives)).toBe("");
  });
});

test("SchemaTypes maps exactly the schema names the contract validates", () => {
  const checker = compiled.program.getTypeChecker();
  const index = compiled.program.getSourceFile(GENERATED_INDEX);
  const module = index && checker.getSymbolAtLocation(index);
  const schemaTypes = module && checker.getExportsOfModule(module).find((s) => s.name === "SchemaTypes");
  expect(schemaTypes, `${GENERATED_INDEX} exports SchemaTypes`).toBeDefined();
  const names = checker.getDeclaredTypeOfSymbol(schemaTypes!).getProperties().map((p) => p.name);
  expect(names.sort()).toEqual(contract.names().sort());
});
