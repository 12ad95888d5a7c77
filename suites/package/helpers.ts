/** The package as built (dist/) and as packed: what the package suites inspect. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { STANDALONE_MODULE } from "../../src/validators/standalone-module.js";
import { STANDALONE_BUILD_DIR } from "../../src/validators/write-standalone.js";

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

/** What `npm pack` would put in the tarball (dist/ as it is: no build). */
export function packedContents(): Packed {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts", "--loglevel=error"], { cwd: ROOT, encoding: "utf8" });
  const [packed] = JSON.parse(out) as Packed[];
  if (!packed) throw new Error("npm pack --dry-run --json printed no package");
  return packed;
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
