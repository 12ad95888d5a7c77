/**
 * graph-calls-contract/validators compiles nothing at run time: the generated modules require only
 * ajv's runtime helpers, ajv-formats' format functions and the schema files; and a process that
 * imports the validators (or the library entry's loadContract) and validates never loads ajv's
 * compiler (so `new Ajv` cannot happen), where Contract.load, which compiles now, the control, does.
 * Both paths are timed.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { requireBuild, runNodeScript, STANDALONE_FILE } from "./helpers.js";

beforeAll(requireBuild);

/** What a process may load to validate with the precompiled validators (CommonJS modules, relative to node_modules or the package). */
const ALLOWED_AT_RUN_TIME = [
  /^ajv\/dist\/runtime\/[\w.-]+\.js$/,
  /^ajv-formats\/dist\/formats\.js$/,
  /^fast-deep-equal\/index\.js$/, // required by ajv/dist/runtime/equal
  /^dist\/src\/validators\/standalone(-first)?\.cjs$/,
  /^dist\/src\/validators\/standalone(-first)?\/[\w.-]+\.cjs$/, // the module of a group of schemas, loaded on first use
  /^schemas\/(operations|notifications|send|receive)\/[\w-]+\.json$/,
];
/** ajv's compiler: the modules `new Ajv(...)` and `ajv.compile` need. */
const AJV_COMPILER = /^ajv\/dist\/(core|ajv|2019|2020|jtd)\.js$|^ajv\/dist\/compile\//;

test("the generated modules require only ajv's runtime helpers, ajv-formats' formats, the published schemas and each other", () => {
  const partsDir = STANDALONE_FILE.replace(/\.cjs$/, "");
  const files = [STANDALONE_FILE, ...fs.readdirSync(partsDir).map((name) => path.join(partsDir, name))];
  const required = files.flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
  const outside = required.filter((r) => !/^ajv\/dist\/runtime\/\w+$/.test(r) && r !== "ajv-formats/dist/formats" && !/^\.\.\/\.\.\/\.\.\/schemas\/[\w/-]+\.json$/.test(r) && !/^\.\/standalone\/[\w.-]+\.cjs$/.test(r));
  expect(outside).toEqual([]);
  expect(required.some((r) => r.startsWith("ajv/dist/runtime/"))).toBe(true);
  expect(required.filter((r) => r.startsWith("./standalone/")).length).toBe(files.length - 1);
});

interface Timed {
  modules: string[];
  importMs: number;
  validateMs: number;
  errors: Array<{ pointer: string; rule: string; message: string }>;
}

/** Import an entry in a fresh node, validate one request (with a discriminator error, which reads schema files), and list every CommonJS module loaded; times are the child's CPU time. */
function timedRun(entry: string, validateExpression: string): Timed {
  return runNodeScript<Timed>(`
    import { createRequire } from "node:module";
    import path from "node:path";
    const require = createRequire(import.meta.url);
    const body = { callbackUri: "https://bot.example.com/cb", targets: [{ identity: { user: { id: "112f7296-5fa4-42ca-bae8-6a692b15d4b8" } } }], requestedModalities: ["audio"], mediaConfig: { "@odata.type": "#microsoft.graph.fooMediaConfig" } };
    // CPU time, not the clock: beside other suites the process may wait for a core, and that is not work.
    const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
    const started = cpu();
    const entry = await import(${JSON.stringify(entry)});
    const imported = cpu();
    const result = ${validateExpression};
    const validated = cpu();
    const relative = (file) => file.includes("/node_modules/") ? file.slice(file.lastIndexOf("/node_modules/") + 14) : path.relative(process.cwd(), file);
    console.log(JSON.stringify({ modules: Object.keys(require.cache).map(relative).sort(), importMs: imported - started, validateMs: validated - imported, errors: result.errors }));
  `);
}

test("importing the validators and validating never loads ajv's compiler, nor does loadContract(); Contract.load() does", () => {
  const precompiled = timedRun("graph-calls-contract/validators", `entry.validate("create-call-request", body)`);
  const shared = timedRun("graph-calls-contract", `entry.loadContract().validate("create-call-request", body)`);
  const library = timedRun("graph-calls-contract", `entry.Contract.load().validate("create-call-request", body)`);

  for (const run of [precompiled, shared]) {
    expect(run.modules.filter((m) => AJV_COMPILER.test(m))).toEqual([]);
    expect(run.modules.filter((m) => !ALLOWED_AT_RUN_TIME.some((allowed) => allowed.test(m)))).toEqual([]);
  }
  expect(library.modules.filter((m) => AJV_COMPILER.test(m))).toContain("ajv/dist/core.js"); // the control: this is what compiling loads
  expect(shared.errors).toEqual(library.errors);

  expect(precompiled.errors).toEqual(library.errors);
  expect(precompiled.errors.map((e) => e.rule)).toEqual(["discriminator"]);
  // Loading ready code is far cheaper than compiling 72 schemas; printed for the record.
  const total = (t: Timed) => t.importMs + t.validateMs;
  console.log(`validators: import ${precompiled.importMs.toFixed(0)} ms + validate ${precompiled.validateMs.toFixed(0)} ms; library: import ${library.importMs.toFixed(0)} ms + compile and validate ${library.validateMs.toFixed(0)} ms`);
  expect(total(precompiled)).toBeLessThan(total(library));
});
