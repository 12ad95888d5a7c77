/**
 * Extraction (issue 14): the seed documents as they are, then synthetic pages of 1, 10 and 50 MB
 * built by repeating the examples of the longest seed page, each against reading the same file and
 * splitting its lines. A growth check compares the same extraction at two sizes: linear means about
 * the ratio of the sizes, a quadratic step its square. Before timing, each synthetic page is
 * extracted once in a process of its own (bench/extract-child.ts) for its peak memory, which the
 * subject's name reports and the budget bounds (50 MB: 60 s of CPU, 1 GB).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument, extractToTree, extractCorpus, readDocument, readSeedDocuments } from "../../src/extract/index.js";
import { SEEDS_DIR, SEEDS_ENV } from "../../src/util/paths.js";
import type { ChildResult } from "../extract-child.js";
import { ONE_CALL } from "../measure.js";
import { MissingInput, type Prepared, type Row } from "../row.js";

const MB = 1024 * 1024;
const BUDGET = { sizeMB: 50, cpuSeconds: 60, peakMB: 1024 };

/** What `extract` does short of touching the disk: read, decode, extract, and produce every file's text. Returns the fixture count. */
export function extractPage(file: string): number {
  const { tree } = extractToTree([readDocument(file)], "/nonexistent");
  let fixtures = 0;
  for (const [name, content] of tree.files) {
    if (typeof content === "function") content();
    if (/\/ex[^/]+\.json$/.test(name)) fixtures++;
  }
  return fixtures;
}

function readAndSplit(file: string): number {
  return fs.readFileSync(file, "utf8").split("\n").length;
}

function seedPages(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) throw new MissingInput(`the source documents at ${SEEDS_DIR} (set ${SEEDS_ENV} to their folder)`);
  return fs.readdirSync(SEEDS_DIR).filter((f) => !/^readme/i.test(f)).map((f) => path.join(SEEDS_DIR, f)).filter((f) => fs.statSync(f).isFile());
}

/**
 * The longest seed's text before its first example, then its examples repeated until the page
 * has `bytes`: what the extractor finds in a real page, many times over.
 */
function syntheticPage(bytes: number): { file: string; close: () => void } {
  const seed = seedPages().sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!seed) throw new MissingInput(`a seed page in ${SEEDS_DIR}`);
  const doc = readDocument(seed);
  const first = extractDocument(doc).assembled.examples[0]?.startLine ?? 1;
  const head = doc.lines.slice(0, first - 1).join("\n") + "\n";
  const body = doc.lines.slice(first - 1).join("\n") + "\n";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "graph-calls-contract-bench-extract-"));
  const file = path.join(dir, `synthetic-${Math.round(bytes / MB)}mb-${path.basename(seed)}`);
  const fd = fs.openSync(file, "w");
  try {
    let size = fs.writeSync(fd, head);
    while (size < bytes) size += fs.writeSync(fd, body);
  } finally {
    fs.closeSync(fd);
  }
  return { file, close: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function extractInChild(file: string): ChildResult {
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "extract-child.js");
  return JSON.parse(execFileSync(process.execPath, [child, file], { encoding: "utf8", maxBuffer: MB })) as ChildResult;
}

const seedsRow: Row = {
  id: "extract",
  title: "extract the seed documents (fixtures and errata)",
  baseline: "reading the same files and splitting them into lines: the least any extractor does",
  slow: true,
  prepare() {
    const files = seedPages();
    return {
      subject: { name: "extractCorpus(readSeedDocuments())", run: () => extractCorpus(readSeedDocuments(SEEDS_DIR)) },
      baseline: { name: "read and split lines", run: () => files.map((f) => fs.readFileSync(f, "utf8").split("\n")) },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};

function sizeRow(sizeMB: number): Row {
  const budget = sizeMB === BUDGET.sizeMB ? `; budget ${BUDGET.cpuSeconds} s of CPU and ${BUDGET.peakMB} MB` : "";
  return {
    id: `extract-${sizeMB}mb`,
    title: `extract a ${sizeMB} MB page (the longest seed's examples repeated) into fixtures, manifest and ERRATA.md text${budget}`,
    baseline: "reading the same file and splitting it into lines: what any extractor does first",
    slow: true,
    prepare(): Prepared {
      const page = syntheticPage(sizeMB * MB);
      const subject = { name: `extract the ${sizeMB} MB page`, run: () => extractPage(page.file) };
      return {
        subject,
        baseline: { name: "read and split its lines", run: () => readAndSplit(page.file) },
        // CPU time of this process: the extraction's cost, whoever else loads the machine.
        bounds: { ...ONE_CALL, clock: "cpu", minSamples: sizeMB >= BUDGET.sizeMB ? 3 : 5 },
        check() {
          const alone = extractInChild(page.file);
          subject.name = `extract the ${sizeMB} MB page (alone in a process: ${(alone.cpuMs / 1000).toFixed(1)} s CPU, ${(alone.cpuMs / sizeMB).toFixed(0)} ms per MB, peak ${alone.peakRssMB} MB, ${alone.fixtures} fixtures)`;
          if (sizeMB === BUDGET.sizeMB && (alone.cpuMs > BUDGET.cpuSeconds * 1000 || alone.peakRssMB > BUDGET.peakMB)) {
            throw new Error(`over budget: ${subject.name}; the budget is ${BUDGET.cpuSeconds} s of CPU and ${BUDGET.peakMB} MB`);
          }
        },
        close: page.close,
      };
    },
  };
}

/** The same extraction at two sizes; linear extraction costs about the size ratio (fixed costs make it less). */
const growthRow: Row = {
  id: "extract-linear",
  title: "extract a page 4 times as long (4 MB against 1 MB; 10 MB against 2.5 MB in the full bench)",
  baseline: "the same extraction of the shorter page: a quadratic step would cost 16 times as much",
  goal: { max: 6, growth: true },
  prepare({ quick }) {
    const [small, large] = quick ? [1, 4] : [2.5, 10];
    const short = syntheticPage(small * MB);
    const long = syntheticPage(large * MB);
    return {
      subject: { name: `extract the ${large} MB page`, run: () => extractPage(long.file) },
      baseline: { name: `extract the ${small} MB page`, run: () => extractPage(short.file) },
      bounds: { ...ONE_CALL, clock: "cpu", minSamples: 5 },
      close: () => {
        short.close();
        long.close();
      },
    };
  },
};

export const extractRows: Row[] = [seedsRow, growthRow, sizeRow(1), sizeRow(10), sizeRow(BUDGET.sizeMB)];
