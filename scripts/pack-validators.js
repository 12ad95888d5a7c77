#!/usr/bin/env node
/**
 * Pack graph-calls-contract-validators: the contract for teams that only validate (schemas, types,
 * precompiled validators, the vitest matcher), without the harness's dependencies (msw, fast-check,
 * picomatch) nor ajv's compiler.
 *
 * Why a second package assembled from the one build rather than a workspace of two source trees:
 * the validators are generated output of this package's build (dist/src/validators/standalone.cjs)
 * and share its modules (src/contract/*); splitting the sources would move those modules and
 * every import of them, and give two builds to keep in step. Here the manifest is committed
 * (packages/validators/package.json), and the files are found, not listed: the import closure of
 * the manifest's exports in dist/, so the package cannot silently miss a module or pull one in
 * that imports a dependency it does not declare (the script fails, naming the file and the import).
 *
 * The precompiled code requires three of ajv's run-time helpers; they are copied in (MIT, with
 * their licences), so ajv itself (2.5 MB with fast-uri) is not installed.
 *
 *   node scripts/pack-validators.js [--out <dir>]   packs into <dir> (default: dist/packages), prints the tarball's path
 *
 * Needs a build (npm run build); it does not run one.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifestFile = path.join(root, "packages", "validators", "package.json");
const stage = path.join(root, "dist", "packages", "validators");

/** The helpers the standalone code requires, and the copy each require is pointed at (next to it). */
const RUNTIME = [
  { require: "ajv/dist/runtime/equal", file: "equal.cjs", from: "ajv/dist/runtime/equal.js", licence: "ajv" },
  { require: "ajv/dist/runtime/ucs2length", file: "ucs2length.cjs", from: "ajv/dist/runtime/ucs2length.js", licence: "ajv" },
  { require: "ajv-formats/dist/formats", file: "formats.cjs", from: "ajv-formats/dist/formats.js", licence: "ajv-formats" },
];
const RUNTIME_DIR = "dist/src/validators/runtime";
/**
 * Imports outside the package the closure may keep: node's modules, the declared dependencies and
 * peers, and ajv's compiler where it is required lazily for Contract.load (compiling at run time),
 * which the validators entry never calls (it uses the precompiled code).
 */
const LAZY_COMPILER = { "dist/src/contract/ajv-setup.js": ["ajv", "ajv-formats"], "dist/src/validators/standalone-code.js": ["ajv"] };

function fail(message) {
  console.error(`pack-validators: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let out = path.join(root, "dist", "packages");
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--out" && args[i + 1]) out = path.resolve(args[++i]);
  else fail(`unknown argument ${args[i]} (usage: node scripts/pack-validators.js [--out <dir>])`);
}

const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
const main = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
if (manifest.version !== main.version) fail(`packages/validators/package.json has version ${manifest.version}, the package ${main.version}: one version for both`);
if (!fs.existsSync(path.join(root, "dist", "src", "validators", "standalone.cjs"))) fail("dist/src/validators/standalone.cjs is missing: run npm run build first");

const allowed = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
const packageName = (spec) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");
const isBuiltin = (spec) => spec.startsWith("node:") || builtinModules.includes(spec);
const SPECIFIERS = /(?:^|[\s;])(?:import|export)\b[^'"]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;

/** Every file the exports reach, as paths relative to the root. */
function closure(entries) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) fail(`${rel} is missing (run npm run build)`);
    seen.add(rel);
    if (!/\.(c?js|d\.ts)$/.test(rel)) return;
    let text = fs.readFileSync(abs, "utf8");
    // tsc's output keeps the comments, whose examples show imports; ajv's generated .cjs has none (and its strings may hold "/*").
    if (!rel.endsWith(".cjs")) text = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const m of text.matchAll(SPECIFIERS)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (spec.startsWith(".")) {
        let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
        if (rel.endsWith(".d.ts") && target.endsWith(".js")) target = target.replace(/\.js$/, ".d.ts");
        visit(target);
      } else if (!isBuiltin(spec) && !allowed.has(packageName(spec)) && !RUNTIME.some((r) => r.require === spec) && !(LAZY_COMPILER[rel] ?? []).includes(packageName(spec))) {
        fail(`${rel} imports "${spec}", which packages/validators/package.json does not declare: the validators-only package must not pull it in`);
      }
    }
  };
  for (const entry of entries) visit(entry);
  return seen;
}

const entries = [];
for (const target of Object.values(manifest.exports)) {
  for (const file of typeof target === "string" ? [target] : Object.values(target)) if (!file.includes("*") && file !== "./package.json") entries.push(file.replace(/^\.\//, ""));
}
// The precompiled modules are found at run time (standalone-module.js), not imported.
entries.push("dist/src/validators/standalone.cjs", "dist/src/validators/standalone-first.cjs");
const files = closure(entries);

fs.rmSync(stage, { recursive: true, force: true });
const copy = (rel, to = rel) => {
  fs.mkdirSync(path.dirname(path.join(stage, to)), { recursive: true });
  fs.copyFileSync(path.join(root, rel), path.join(stage, to));
};
for (const rel of files) copy(rel);
// "./schemas/*": the published schemas, as the main package has them.
for (const dir of ["operations", "notifications", "send", "receive"]) {
  for (const name of fs.readdirSync(path.join(root, "schemas", dir))) copy(path.join("schemas", dir, name));
}
copy("schemas/README.md");
copy("schemas/ajv-keywords.cjs");
copy("LICENSE");
copy("packages/validators/README.md", "README.md");

// The standalone code's helpers, copied next to it with their licences (the group modules are a folder deeper).
for (const rel of [...files].filter((f) => /^dist\/src\/validators\/standalone[^/]*(\/[^/]+)?\.cjs$/.test(f))) {
  const file = path.join(stage, rel);
  const toRuntime = path.relative(path.dirname(rel), RUNTIME_DIR).split(path.sep).join("/");
  let code = fs.readFileSync(file, "utf8");
  for (const r of RUNTIME) code = code.split(`require("${r.require}")`).join(`require("${toRuntime.startsWith(".") ? toRuntime : `./${toRuntime}`}/${r.file}")`);
  const left = code.match(/require\("ajv[^"]*"\)/);
  if (left) fail(`${rel} still requires ${left[0]}: add it to RUNTIME in scripts/pack-validators.js`);
  fs.writeFileSync(file, code);
}
for (const r of RUNTIME) {
  const source = path.join(root, "node_modules", r.from);
  const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules", r.licence, "package.json"), "utf8")).version;
  const header = `// Copied from ${r.licence} ${version} (${r.from.replace(/^[^/]+\//, "")}), MIT licence: LICENSE-${r.licence} in this folder.\n`;
  fs.mkdirSync(path.join(stage, RUNTIME_DIR), { recursive: true });
  fs.writeFileSync(path.join(stage, RUNTIME_DIR, r.file), header + fs.readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=.*$/m, ""));
  fs.copyFileSync(path.join(root, "node_modules", r.licence, "LICENSE"), path.join(stage, RUNTIME_DIR, `LICENSE-${r.licence}`));
}
fs.writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

fs.mkdirSync(out, { recursive: true });
const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", out], { cwd: stage, encoding: "utf8" }));
console.log(path.join(out, packed[0].filename));
