/**
 * The schema-edit cases of the diff suite: suites/diff/cases/<case>/ holds either a minimal pair of
 * schema folders (before/, after/) or after.patch.json, RFC 6902 patches per published file applied
 * to the repository's schemas/ (then before is schemas/ itself), and expected.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyPatch } from "../../src/sequences/patch.js";
import type { PatchOperation } from "../../src/sequences/model.js";
import { formatJson, type JsonValue } from "../../src/util/json.js";
import { SCHEMAS_DIR } from "../../src/util/paths.js";

export const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "cases");

export interface ExpectedChange {
  schema: string;
  kind: string;
  pointer: string;
  classification: string;
  /** Whether the diff must find a witness (every breaking change should, unless the case is about one without). */
  witness: boolean;
  /** Where the witness must come from, when the case is about that. */
  witnessFrom?: "fixture" | "generated";
  /** The rule every error of the witness must have, when the case is about telling changes apart. */
  witnessRule?: string;
}

export interface DiffCase {
  name: string;
  description: string;
  changes: ExpectedChange[];
  /** The two schema folders, and how to remove what was made for them. */
  materialize(): { before: string; after: string; dispose(): void };
}

export function listCases(): DiffCase[] {
  return fs.readdirSync(CASES_DIR).sort().map((name) => {
    const dir = path.join(CASES_DIR, name);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as { description: string; changes: ExpectedChange[] };
    const patchFile = path.join(dir, "after.patch.json");
    return {
      name,
      ...expected,
      materialize: () => fs.existsSync(patchFile)
        ? patchedSchemas(JSON.parse(fs.readFileSync(patchFile, "utf8")) as Record<string, PatchOperation[]>)
        : { before: path.join(dir, "before"), after: path.join(dir, "after"), dispose: () => {} },
    };
  });
}

/** A copy of the published schemas with the patches applied, beside the originals. */
function patchedSchemas(patches: Record<string, PatchOperation[]>): { before: string; after: string; dispose(): void } {
  const after = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-diff-case-"));
  for (const folder of ["operations", "notifications", "send", "receive"]) fs.cpSync(path.join(SCHEMAS_DIR, folder), path.join(after, folder), { recursive: true });
  for (const [file, operations] of Object.entries(patches)) {
    const target = path.join(after, file);
    if (!fs.existsSync(target)) throw new Error(`after.patch.json: no published schema ${file}`);
    const patched = applyPatch(JSON.parse(fs.readFileSync(target, "utf8")) as JsonValue, operations);
    fs.writeFileSync(target, formatJson(patched));
  }
  return { before: SCHEMAS_DIR, after, dispose: () => fs.rmSync(after, { recursive: true, force: true }) };
}
