/**
 * What `diff <old> <new>` compares: each argument names a version of the published schemas.
 *
 *   WORKTREE        the schemas/ folder of the working tree of the git repository around the current directory
 *   <dir>           a schemas folder (with operations/, notifications/, send/, receive/), or a folder holding one in schemas/
 *   <rev>           schemas/ as committed at a git revision of that repository: HEAD~1, main, v0.1.0, a commit id
 *   <rev>:<path>    another folder at that revision, e.g. HEAD:contract-baseline/schemas
 *
 * A folder that exists wins over a revision of the same name. Revisions are read with git into a
 * temporary folder that `dispose()` removes.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SchemasVersion } from "./index.js";
import { ACKNOWLEDGEMENTS_FILE } from "./acknowledgements.js";

export const WORKTREE = "WORKTREE";
const SCHEMA_FOLDERS = ["operations", "notifications", "send", "receive"];
/** Written next to a baseline's schemas/ folder: which release they are. */
export const RELEASE_FILE = "RELEASE.json";

/** The argument names no version of the schemas: a usage mistake, said with what was looked for. */
export class VersionNotFoundError extends Error {}

export interface ResolvedVersion extends SchemasVersion {
  /** How to name a file of this version in messages: a path, or "<rev>:<path>". */
  describe(relative: string): string;
  dispose(): void;
}

export function resolveVersion(spec: string, cwd: string): ResolvedVersion {
  if (spec === WORKTREE) return fromFolder(spec, path.join(repositoryRoot(spec, cwd), "schemas"), cwd);
  const asPath = path.resolve(cwd, spec);
  if (fs.existsSync(asPath) && fs.statSync(asPath).isDirectory()) return fromFolder(spec, asPath, cwd);
  return fromRevision(spec, repositoryRoot(spec, cwd));
}

function fromFolder(spec: string, dir: string, cwd: string): ResolvedVersion {
  const schemasDir = hasSchemaFolders(dir) ? dir : hasSchemaFolders(path.join(dir, "schemas")) ? path.join(dir, "schemas") : undefined;
  if (schemasDir === undefined) {
    throw new VersionNotFoundError(`"${spec}" (${dir}) is not a schemas folder: it has no ${SCHEMA_FOLDERS.map((f) => f + "/").join(", ")} (nor a schemas/ folder that has them)`);
  }
  const release = releaseOf(schemasDir);
  return {
    spec, dir: schemasDir, ...(release === undefined ? {} : { release }),
    describe: (relative) => path.relative(cwd, path.join(schemasDir, relative)) || ".",
    dispose: () => {},
  };
}

function hasSchemaFolders(dir: string): boolean {
  return SCHEMA_FOLDERS.some((f) => fs.existsSync(path.join(dir, f)));
}

/** The version in RELEASE.json beside the schemas folder (a baseline says which release it copies). */
function releaseOf(schemasDir: string): string | undefined {
  for (const file of [path.join(schemasDir, RELEASE_FILE), path.join(path.dirname(schemasDir), RELEASE_FILE)]) {
    try {
      const version = (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown }).version;
      if (typeof version === "string") return version;
    } catch {
      // No release file, or not one we can read: the version is simply not known.
    }
  }
  return undefined;
}

function git(repo: string, args: string[], input?: string): Buffer {
  return execFileSync("git", args, { cwd: repo, input, maxBuffer: 512 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
}

function repositoryRoot(spec: string, cwd: string): string {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).toString().trim();
  } catch {
    throw new VersionNotFoundError(spec === WORKTREE
      ? `${WORKTREE} names the working tree of a git repository, but ${cwd} is not in one`
      : `"${spec}": no such folder, and ${cwd} is not in a git repository, so it is no git revision either`);
  }
}

function fromRevision(spec: string, repo: string): ResolvedVersion {
  const colon = spec.indexOf(":");
  const revision = colon === -1 ? spec : spec.slice(0, colon);
  const folder = (colon === -1 ? "schemas" : spec.slice(colon + 1)).replace(/^\.?\/+|\/+$/g, "");
  let commit: string;
  try {
    commit = git(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]).toString().trim();
  } catch {
    throw new VersionNotFoundError(`"${spec}": no such folder, nor a git revision of ${repo}`);
  }
  const prefix = folder === "" ? "" : folder + "/";
  const files = git(repo, ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", prefix || "."]).toString().split("\0")
    .filter((f) => f.startsWith(prefix) && isPublished(f.slice(prefix.length)));
  if (!files.some((f) => f.endsWith(".json") && !f.endsWith(ACKNOWLEDGEMENTS_FILE))) {
    throw new VersionNotFoundError(`"${spec}": ${revision} (${commit.slice(0, 12)}) has no published schemas in ${folder || "its root"}/ (${SCHEMA_FOLDERS.map((f) => f + "/").join(", ")})`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-diff-"));
  try {
    writeBlobs(repo, commit, files, prefix, dir);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    spec, dir,
    describe: (relative) => `${revision}:${prefix}${relative}`,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The published schemas and the acknowledgement file; sources and the rest stay out. */
function isPublished(relative: string): boolean {
  const [top, ...rest] = relative.split("/");
  return (rest.length === 1 && SCHEMA_FOLDERS.includes(top!) && relative.endsWith(".json")) || relative === ACKNOWLEDGEMENTS_FILE;
}

/** Every file in one `git cat-file --batch`: one process, not one per schema. */
function writeBlobs(repo: string, commit: string, files: string[], prefix: string, dir: string): void {
  const output = git(repo, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}`).join("\n") + "\n");
  let offset = 0;
  for (const file of files) {
    const headerEnd = output.indexOf(10, offset);
    const [, type, size] = output.subarray(offset, headerEnd).toString().split(" ");
    if (type !== "blob" || size === undefined) throw new Error(`git cat-file ${commit}:${file}: unexpected answer`);
    const start = headerEnd + 1;
    const target = path.join(dir, file.slice(prefix.length));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
}
