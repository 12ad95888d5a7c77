/**
 * The light install for teams that only validate: graph-calls-contract-validators (packages/validators,
 * packed by scripts/pack-validators.js from this build) installed alone in an empty directory stays
 * under 5 MB and pulls none of the harness's dependencies nor ajv; its entries work there, typecheck
 * strictly (skipLibCheck off), and judge every documented fixture exactly as the full package does.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { formatInstallSize, installSize, readPackageJson, requireBuild, ROOT, runNodeScript, withoutVitest, type InstallSize } from "./helpers.js";

const LIMIT_BYTES = 5 * 1024 * 1024;
const INSTALL_MS = 300_000;
const NAME = "graph-calls-contract-validators";

let dir: string;
let size: InstallSize;

function sh(command: string, args: string[], timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: dir, encoding: "utf8", timeout, env: withoutVitest(process.env) });
}
const output = (run: SpawnSyncReturns<string>) => `exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

/** Run an ES module in the light install (so `graph-calls-contract-validators` resolves there), its last stdout line parsed as JSON. */
function inInstall<T>(script: string): T {
  const out = execFileSync(process.execPath, ["--input-type=module", "--eval", script], { cwd: dir, encoding: "utf8", env: withoutVitest(process.env) });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

beforeAll(() => {
  requireBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-light-"));
  const tarball = execFileSync(process.execPath, [path.join(ROOT, "scripts", "pack-validators.js"), "--out", path.join(dir, "vendor")], { cwd: ROOT, encoding: "utf8", env: withoutVitest(process.env) }).trim();
  expect(sh("npm", ["init", "-y", "--loglevel=error"]).status).toBe(0);
  const install = sh("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], INSTALL_MS);
  expect(install.status, output(install)).toBe(0);
  size = installSize(dir);
  console.log(`validators-only install (${NAME}): ${formatInstallSize(size)}: ${size.packages.join(", ")}`);
}, INSTALL_MS + 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

test("installs under 5 MB, with none of the harness's dependencies and no ajv", () => {
  expect(size.bytes).toBeLessThan(LIMIT_BYTES);
  expect(size.packages).toEqual([NAME, "fast-deep-equal"].sort());
});

test("its manifest keeps the package's version, licence and the entries it shares with the full package", () => {
  const light = readPackageJson(path.join(dir, "node_modules", NAME));
  const full = readPackageJson();
  expect(light.version).toBe(full.version);
  expect(light.license).toBe(full.license);
  expect(fs.existsSync(path.join(dir, "node_modules", NAME, "LICENSE"))).toBe(true);
  for (const entry of ["./validators", "./types", "./vitest", "./schemas/*"]) expect(light.exports[entry], entry).toEqual(full.exports[entry]);
});

test("validate, isValid and the schemas by path work, with the full package's errors", () => {
  const documented = JSON.parse(fs.readFileSync(path.join(ROOT, "fixtures", "documented", "create-call.fr.v1.0", "ex01.request.json"), "utf8")) as { payload: Record<string, unknown> };
  const { callbackUri: _, ...broken } = documented.payload;
  const script = (pkg: string) => `
    import { createRequire } from "node:module";
    import { validate, isValid, schemaNames } from "${pkg}/validators";
    const require = createRequire(import.meta.url);
    const ok = ${JSON.stringify(documented.payload)}, broken = ${JSON.stringify(broken)};
    console.log(JSON.stringify({
      ok: validate("create-call-request", ok).valid, isValid: isValid("create-call-request", ok),
      broken: validate("create-call-request", broken).errors, names: schemaNames.length,
      id: require("${pkg}/schemas/send/call.json").$id,
    }));`;
  const light = inInstall<{ ok: boolean; isValid: boolean; broken: unknown[]; names: number; id: string }>(script(NAME));
  expect(light.ok).toBe(true);
  expect(light.isValid).toBe(true);
  expect(light.broken).toContainEqual({ pointer: "/callbackUri", rule: "required", message: 'missing required property "callbackUri"' });
  expect(light).toEqual(runNodeScript(script("graph-calls-contract")));
});

test("judges every documented fixture as the full package does", () => {
  const script = (pkg: string) => `
    import fs from "node:fs";
    import path from "node:path";
    import { validate } from "${pkg}/validators";
    const verdicts = [];
    const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith(".json") && e.name !== "Document.json") {
        const fx = JSON.parse(fs.readFileSync(f, "utf8"));
        for (const name of fx.schemas ?? []) { const r = validate(name, fx.payload); verdicts.push([fx.id, name, r.valid, r.errors.length]); }
      }
    } };
    walk(${JSON.stringify(path.join(ROOT, "fixtures", "documented"))});
    console.log(JSON.stringify(verdicts));`;
  const light = inInstall<unknown[][]>(script(NAME));
  expect(light.length).toBeGreaterThan(50);
  expect(light).toEqual(runNodeScript(script("graph-calls-contract")));
});

test("its types check strictly (skipLibCheck off) without ajv or vitest's types installed", () => {
  fs.writeFileSync(path.join(dir, "check.mts"), [
    `import { validate, isValid, type ValidationResult } from "${NAME}";`,
    `import type { CreateCallRequest, NotificationCallState } from "${NAME}/types";`,
    `export function accept(body: unknown): NotificationCallState | undefined { return isValid("notification-call-state", body) ? body : undefined; }`,
    `export const result: ValidationResult = validate("create-call-request", {} satisfies Partial<CreateCallRequest>);`,
    "",
  ].join("\n"));
  const tsc = (file: string) => {
    const config = `tsconfig.${path.basename(file, ".mts")}.json`;
    fs.writeFileSync(path.join(dir, config), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, skipLibCheck: false, noEmit: true, types: [] }, files: [file] }));
    return sh(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", config]);
  };
  const ok = tsc("check.mts");
  expect(ok.status, output(ok)).toBe(0);
  // The check can fail: a wrong schema name is a type error.
  fs.writeFileSync(path.join(dir, "wrong.mts"), `import { validate } from "${NAME}";\nvalidate("create-call-requests", {});\n`);
  const wrong = tsc("wrong.mts");
  expect(wrong.status).not.toBe(0);
  expect(wrong.stdout).toMatch(/wrong\.mts\(2,10\): error TS2345: .*"create-call-requests"/);
}, 120_000); // two tsc runs
