/**
 * One way to write generated artefacts (schemas, fixtures, types, ERRATA.md) and one way to
 * check them: `--check` compares what would be written with what is committed, byte for byte.
 */
import fs from "node:fs";
import path from "node:path";

export interface GeneratedTree {
  /** Absolute directory the paths are relative to. */
  root: string;
  /** Sub-directories (relative to root) that this generator owns entirely: files there that it does not produce are stale. */
  owned: string[];
  /**
   * Relative path -> exact file content, or a function producing it: large trees (fixtures of a
   * long page) are formatted one file at a time while written, never all held in memory at once.
   */
  files: Map<string, string | (() => string)>;
}

function contentOf(content: string | (() => string)): string {
  return typeof content === "function" ? content() : content;
}

export interface SyncResult {
  /** Relative paths whose committed content differs from the generated one (or that are missing). */
  changed: string[];
  /** Relative paths in owned directories that the generator no longer produces. */
  extra: string[];
}

export function diffGeneratedTree(tree: GeneratedTree): SyncResult {
  return sync(tree, false);
}

/** Write the tree, removing stale files in owned directories. Returns what changed. */
export function writeGeneratedTree(tree: GeneratedTree): SyncResult {
  const result = sync(tree, true);
  for (const rel of result.extra) fs.rmSync(path.join(tree.root, rel));
  for (const dir of tree.owned) removeEmptyDirs(path.join(tree.root, dir));
  return result;
}

/** One pass: each file's content is produced once, compared with what is there, and written if it differs. */
function sync(tree: GeneratedTree, write: boolean): SyncResult {
  const changed: string[] = [];
  for (const [rel, produce] of tree.files) {
    const full = path.join(tree.root, rel);
    const content = contentOf(produce);
    if (fs.existsSync(full) && fs.readFileSync(full, "utf8") === content) continue;
    changed.push(rel);
    if (write) {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  const extra: string[] = [];
  for (const dir of tree.owned) {
    for (const rel of listFiles(path.join(tree.root, dir)).map((f) => path.join(dir, f))) {
      if (!tree.files.has(toPosix(rel))) extra.push(toPosix(rel));
    }
  }
  return { changed: changed.sort(), extra: extra.sort() };
}

/** A one-paragraph report for `--check` failures and write summaries. */
export function describeSync(what: string, result: SyncResult, checking: boolean): string {
  const total = result.changed.length + result.extra.length;
  if (total === 0) return `${what}: up to date`;
  const lines = [
    checking
      ? `${what}: ${total} file(s) differ from what the generator produces:`
      : `${what}: wrote ${result.changed.length} file(s), removed ${result.extra.length}:`,
    ...result.changed.slice(0, 20).map((f) => `  ${checking ? "stale  " : "wrote  "} ${f}`),
    ...result.extra.slice(0, 20).map((f) => `  ${checking ? "extra  " : "removed"} ${f}`),
  ];
  if (total > 40) lines.push(`  ... and ${total - 40} more`);
  return lines.join("\n");
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

function removeEmptyDirs(dir: string): void {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return;
  for (const entry of fs.readdirSync(dir)) removeEmptyDirs(path.join(dir, entry));
  if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
