/** The package as built (dist/) and as packed: what the package suites inspect. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { STANDALONE_MODULE } from "../../src/validators/standalone-module.js";
import { STANDALONE_BUILD_DIR } from "../../src/validators/write-standalone.js";
import { inject } from "vitest";

export const ROOT = PROJECT_ROOT;
export const STANDALONE_DIR = STANDALONE_BUILD_DIR;
export const STANDALONE_FILE = path.join(STANDALONE_DIR, STANDALONE_MODULE);

export interface PackageJson {
  name: string;
  version: string;
  license?: string;
  private?: boolean;
  repository?: { type: string; url: string };
  bin: Record<string, string>;
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export function readPackageJson(dir = ROOT): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as PackageJson;
}

/** These suites test the build: say how to get one rather than fail obscurely. */
export function requireBuild(): void {
  if (!fs.existsSync(STANDALONE_FILE)) throw new Error(`${path.relative(ROOT, STANDALONE_FILE)} is missing: run \`npm run build\` before the package suites`);
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface Packed {
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

/** What the run's packed tarball (packedTarball()) holds: its files as `tar` lists them, without npm's "package/" prefix. */
export function packedContents(): Packed {
  const tarball = packedTarball();
  const listing = execFileSync("tar", ["-tvzf", tarball], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const files: PackedFile[] = [];
  for (const line of listing.split("\n")) {
    // -rw-r--r-- 0/0  1089 1985-10-26 08:15 package/LICENSE
    const m = /^-\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+package\/(.+)$/.exec(line);
    if (m) files.push({ path: m[2]!, size: Number(m[1]) });
  }
  if (files.length === 0) throw new Error(`tar listed no file in ${tarball}`);
  return { size: fs.statSync(tarball).size, unpackedSize: files.reduce((sum, f) => sum + f.size, 0), files };
}

/** Run an ES module script with node in the repository (so `graph-calls-contract/...` resolves to this package through its exports), and parse its last stdout line as JSON. */
export function runNodeScript<T>(script: string, nodeArgs: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeArgs, "--input-type=module", "--eval", script], { cwd: ROOT, encoding: "utf8", env: withoutVitest(process.env) });
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** The environment without vitest's own variables, for child processes that must not believe they run inside it. */
export function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("VITEST")));
}

const PACK_WAIT_MS = 240_000;

/**
 * The package packed as `npm pack` gives it (dist/ as it is: no build), packed once per test run
 * into the run's folder (suites/setup/pack.ts) and shared by every suite that asks. The first
 * worker to ask takes a lock (an exclusive mkdir) and packs; the others wait for the tarball,
 * within a bound.
 */
export function packedTarball(): string {
  const dir = inject("packDir");
  if (!dir) throw new Error("no packDir: suites/setup/pack.ts is not among vitest's globalSetup files");
  const tarball = path.join(dir, "graph-calls-contract.tgz");
  const lock = path.join(dir, "packing");
  const deadline = Date.now() + PACK_WAIT_MS;
  for (;;) {
    if (fs.existsSync(tarball)) return tarball;
    try {
      fs.mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`waited ${PACK_WAIT_MS / 1000} s for another suite to pack ${tarball}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      const out = path.join(lock, "out");
      fs.mkdirSync(out);
      execFileSync("npm", ["pack", "--ignore-scripts", "--loglevel=error", "--pack-destination", out], { cwd: ROOT, encoding: "utf8", env: withoutVitest(process.env), timeout: PACK_WAIT_MS });
      const [file] = fs.readdirSync(out).filter((f) => f.endsWith(".tgz"));
      if (!file) throw new Error(`npm pack wrote no tarball into ${out}`);
      // A rename is atomic: a waiting worker sees no tarball or the whole one.
      fs.renameSync(path.join(out, file), tarball);
    } finally {
      // Released on failure too, so that a waiting suite tries (and reports the error) itself.
      fs.rmSync(lock, { recursive: true, force: true });
    }
    return tarball;
  }
}

export interface InstallSize {
  bytes: number;
  /** Every installed package (nested ones too), by name. */
  packages: string[];
}

/** What `npm install` put in `dir`/node_modules: its bytes on disk (file sizes) and its packages. */
export function installSize(dir: string): InstallSize {
  let bytes = 0;
  const packages: string[] = [];
  const walk = (folder: string, inModules: boolean): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        const isPackage = inModules && !entry.name.startsWith("@") && !entry.name.startsWith(".");
        if (isPackage) packages.push(path.relative(path.join(dir, "node_modules"), full).split(path.sep).join("/").replace(/\/node_modules\//g, " > "));
        walk(full, entry.name === "node_modules" || (inModules && entry.name.startsWith("@")));
      } else {
        bytes += fs.statSync(full).size;
      }
    }
  };
  walk(path.join(dir, "node_modules"), true);
  return { bytes, packages: packages.sort() };
}

/** "3.1 MB, 2 packages": the figure the package suites log. */
export function formatInstallSize(size: InstallSize): string {
  return `${(size.bytes / 1024 / 1024).toFixed(1)} MB, ${size.packages.length} package${size.packages.length === 1 ? "" : "s"}`;
}
