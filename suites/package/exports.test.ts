/**
 * The package's export map and contents: every entry resolves through Node's `exports` (the
 * repository imports itself by name) and offers what it documents; the tarball carries every
 * export target, the bin and what the installed CLI reads, and nothing a consumer does not need.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { packedContents, readPackageJson, requireBuild, ROOT, runNodeScript, type Packed } from "./helpers.js";

const pkg = readPackageJson();

/** Each subpath and names its module must export ([] for a type-only module). */
const ENTRIES: Record<string, string[]> = {
  ".": ["loadContract", "validate", "listSchemas", "detectSchema", "Contract", "UnknownSchemaError"],
  "./validators": ["validate", "isValid", "schemaNames", "UnknownSchemaError"],
  "./types": [],
  "./arbitraries": ["arbitraryFor", "annotatedArbitraryFor", "payloadArbitraries", "SchemaStore"],
  "./harness": ["runConformance", "deliveryChecks", "EMPTY_OBSERVATION", "bounded", "StepTimeout", "writeReports"],
  "./vitest": ["toMatchContract"],
};

beforeAll(requireBuild);

test("the export map is the documented one", () => {
  expect(Object.keys(pkg.exports).sort()).toEqual([...Object.keys(ENTRIES), "./schemas/*", "./package.json"].sort());
});

test("every entry resolves by name and exports what it documents", () => {
  const specifiers = Object.keys(ENTRIES).map((subpath) => `${pkg.name}${subpath.slice(1)}`);
  const found = runNodeScript<Record<string, { file: string; names: string[] }>>(`
    const found = {};
    for (const specifier of ${JSON.stringify(specifiers)}) {
      const file = import.meta.resolve(specifier);
      found[specifier] = { file: file.slice(${JSON.stringify(`file://${ROOT}/`)}.length), names: Object.keys(await import(specifier)) };
    }
    console.log(JSON.stringify(found));
  `);
  for (const [subpath, names] of Object.entries(ENTRIES)) {
    const specifier = `${pkg.name}${subpath.slice(1)}`;
    const target = pkg.exports[subpath] as { default: string };
    expect(found[specifier]?.file, specifier).toBe(target.default.slice(2));
    expect(found[specifier]?.names, specifier).toEqual(expect.arrayContaining(names));
  }
});

test("the published schemas resolve by path, with the $id they are addressed by", () => {
  const ids = runNodeScript<string[]>(`
    import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    console.log(JSON.stringify(["operations/create-call-request", "notifications/notification-roster", "send/call", "receive/participant"]
      .map((name) => require("${pkg.name}/schemas/" + name + ".json").$id)));
  `);
  expect(ids).toEqual(["operations/create-call-request", "notifications/notification-roster", "send/call", "receive/participant"].map((n) => `https://graph-calls-contract.dev/schemas/${n}.json`));
});

describe("the tarball", () => {
  let packed: Packed;
  let paths: Set<string>;
  beforeAll(() => {
    packed = packedContents();
    paths = new Set(packed.files.map((f) => f.path));
    console.log(`npm pack: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`);
  }, 300_000); // the run's one npm pack (packedTarball), if no other suite made it yet

  test("carries every export target, the types field and the bin", () => {
    const targets = Object.values(pkg.exports).flatMap((t) => typeof t === "string" ? [] : [t.types, t.default]);
    const missing = [...targets, pkg.types, ...Object.values(pkg.bin)].map((t) => t.replace(/^\.\//, "")).filter((t) => !paths.has(t));
    expect(missing).toEqual([]);
  });

  test("carries the precompiled validators and what the installed CLI and harness read", () => {
    for (const file of [
      "dist/src/validators/standalone.cjs",
      "dist/src/validators/standalone-first.cjs", // isValid
      "schemas/operations/create-call-request.json",
      "schemas/send/call.json",
      "schemas/ajv-keywords.cjs", // schemas/README.md: ajv-cli in strict mode
      "schemas/source/errata-decisions.json", // fixture checks (fixtures, run) and export build from the sources
      "fixtures/sequences/delta-roster.json", // run: sequences and scenarios
      "fixtures/scenarios/create-call.v1.0.ex01.json",
      "fixtures/invalid/create-call-request/media-config-unknown-kind.json", // fixtures, diff witnesses
      "src/reports/results.schema.json", // run --reports copies it next to results.json
      "dist/implementations/reference/index.js", // run's default adapter
      "dist/implementations/faulty/index.js", // run --prove
      "PROTOCOL.md",
      "VERSIONING.md",
      "README.md",
    ]) expect(paths.has(file), file).toBe(true);
  });

  test("leaves out suites, sources, examples, reports, source maps and dev-only implementations", () => {
    const unwanted = [...paths].filter((p) =>
      /^(suites|examples|reports|node_modules|bench|generated|implementations)\//.test(p) ||
      /^src\/.*\.ts$/.test(p) ||
      /^dist\/(bench|implementations\/clients)\//.test(p) ||
      /\.(map|tsbuildinfo)$/.test(p));
    expect(unwanted).toEqual([]);
  });
});

test("the peer dependencies accept the versions the suites run with", () => {
  for (const peer of Object.keys(pkg.peerDependencies)) {
    const [major] = pkg.devDependencies[peer]!.split(".");
    expect(pkg.peerDependencies[peer], peer).toMatch(new RegExp(`^\\^${major}\\.`));
  }
  expect(pkg.peerDependenciesMeta?.vitest?.optional).toBe(true); // only graph-calls-contract/vitest needs it
});
