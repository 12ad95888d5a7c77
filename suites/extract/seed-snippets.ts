/**
 * Test helpers over the seed pages: every snippet of a page in order, the raw JSON requests of the
 * Create call page, and the grouping of snippets into the examples they illustrate.
 */
import fs from "node:fs";
import path from "node:path";
import { Cursor } from "../../src/extract/snippets/cursor.js";
import { rebuildRequest, scanSnippet, type RebuiltRequest, type SnippetLanguage } from "../../src/extract/snippets/index.js";
import { IssueSink } from "../../src/extract/snippets/issues.js";
import { tokenize } from "../../src/extract/snippets/lexer.js";
import { readLiteral } from "../../src/extract/snippets/literal.js";
import { serialise } from "../../src/extract/snippets/model.js";
import { toCamel } from "../../src/extract/snippets/names.js";
import { isObject, splitPointer, type JsonValue } from "../../src/util/json.js";
import { SEEDS_DIR } from "../../src/util/paths.js";

export const SEED_FILES = {
  transferFr: "000_ebcc6d2cfe40d383.txt",
  transferEn: "001_1f9cd1d7375a257d.txt",
  createCall: "003_20c821c0d4169f83.txt",
} as const;

export const seedsAvailable = Object.values(SEED_FILES).every((f) => fs.existsSync(path.join(SEEDS_DIR, f)));
export const SEEDS_SKIP_REASON = `seed pages not found in ${SEEDS_DIR}: these tests read the real documents at run time; set GRAPH_CALLS_CONTRACT_SEEDS to the seeds folder, or put the project's shared/ folder beside the repo`;

/** A seed page's lines; none when the seeds are absent (describe blocks still run to collect their tests, then skip them). */
export function seedLines(file: string): string[] {
  return seedsAvailable ? fs.readFileSync(path.join(SEEDS_DIR, file), "utf8").split(/\r?\n/) : [];
}

export interface FoundSnippet {
  language: SnippetLanguage;
  start: number;
  end: number;
  code: string;
  rebuilt: RebuiltRequest;
}

/** Every snippet of a page, scanning line by line and resuming after each snippet's end. */
export function snippetsOf(lines: readonly string[], from = 0, to = lines.length): FoundSnippet[] {
  const found: FoundSnippet[] = [];
  for (let i = from; i < to; i++) {
    const scan = scanSnippet(lines, i);
    if (!scan) continue;
    const code = lines.slice(scan.start, scan.end + 1).join("\n");
    found.push({ ...scan, code, rebuilt: rebuildRequest(scan.language, code) });
    i = scan.end;
  }
  return found;
}

export function countByLanguage(snippets: readonly FoundSnippet[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of snippets) counts[s.language] = (counts[s.language] ?? 0) + 1;
  return counts;
}

/** Transfer pages: each example opens with its C# snippet. */
export function transferExamples(lines: readonly string[]): Array<Partial<Record<SnippetLanguage, FoundSnippet>>> {
  const examples: Array<Partial<Record<SnippetLanguage, FoundSnippet>>> = [];
  for (const s of snippetsOf(lines)) {
    if (s.language === "csharp" || examples.length === 0) examples.push({});
    examples[examples.length - 1]![s.language] = s;
  }
  return examples;
}

export interface CreateCallExample {
  /** The published request JSON, read leniently, and what was lenient about it. */
  json: JsonValue | undefined;
  jsonIssues: string[];
  snippets: Partial<Record<SnippetLanguage, FoundSnippet>>;
}

const CREATE_REQUEST = /^POST https:\/\/graph\.microsoft\.com\/v1\.0\/communications\/calls\s*$/;

/** Create call page: each example is a POST request line with its JSON, then the snippets. */
export function createCallExamples(lines: readonly string[]): CreateCallExample[] {
  const starts = lines.flatMap((l, i) => (CREATE_REQUEST.test(l) ? [i] : []));
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const jsonStart = lines.findIndex((l, i) => i > start && l.trim() === "{");
    const issues = new IssueSink();
    const cur = new Cursor(tokenize(lines.slice(jsonStart, end).join("\n"), { lineComments: [], quotes: { '"': "backslash" } }, issues), issues);
    const value = readLiteral(cur, { keywords: { true: true, false: false, null: null }, json: true });
    const { body } = serialise(value, issues);
    const snippets: Partial<Record<SnippetLanguage, FoundSnippet>> = {};
    for (const s of snippetsOf(lines, jsonStart, end)) snippets[s.language] ??= s;
    return { json: body, jsonIssues: issues.list.map((i) => i.message), snippets };
  });
}

/** Drops every "@odata.type" (the Go snippets never set it). */
export function withoutOdataType(value: JsonValue | undefined): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => withoutOdataType(v)!);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "@odata.type").map(([k, v]) => [k, withoutOdataType(v)!]));
}

/**
 * Undoes the Python generator's snake_casing of additional-data keys (and of every key inside
 * their values): `endpoint_type` → `endpointType`, `@odata_type` → `@odata.type`.
 */
export function unsnakeAdditionalData(body: JsonValue | undefined, pointers: readonly string[]): JsonValue | undefined {
  const unsnake = (key: string) => (key === "@odata_type" ? "@odata.type" : toCamel(key));
  const deep = (v: JsonValue): JsonValue =>
    Array.isArray(v) ? v.map(deep) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [unsnake(k), deep(x)])) : v;
  const copy = structuredClone(body);
  for (const pointer of pointers) {
    const tokens = splitPointer(pointer);
    const key = tokens.pop()!;
    let parent: JsonValue | undefined = copy;
    for (const t of tokens) parent = Array.isArray(parent) ? parent[Number(t)] : isObject(parent) ? parent[t] : undefined;
    if (!isObject(parent) || !(key in parent)) continue;
    const value = parent[key]!;
    delete parent[key];
    parent[unsnake(key)] = deep(value);
  }
  return copy;
}
