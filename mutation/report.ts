/**
 * Stryker's JSON report (mutation-testing-report-schema) + the list of equivalent mutants
 * (mutation/equivalent.json) -> the figures and the verdict of `npm run mutation`, and
 * docs/MUTATION.md. Pure: reading and writing files is run.ts's job.
 *
 * An entry of mutation/equivalent.json explains a survivor in one of two ways: equivalent (no bot
 * behaviour the contract can observe differs: set aside from the score, as mutation testing defines
 * it), or a gap (`"gap": true`: a behaviour no check pins yet, with why; it still counts against the
 * score). A survivor neither explains fails the run.
 *
 * A mutant is identified across edits by what it changes, not by where: its file, its mutator, the
 * code it replaces and the replacement (and, when that is not unique in the file, a piece of the
 * line it is on). Line numbers only label it in the report.
 */

export interface Position {
  line: number;
  column: number;
}

/** The part of a mutant of Stryker's JSON report this module reads. */
export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: Position; end: Position };
  status: string;
  statusReason?: string;
  killedBy?: string[];
  coveredBy?: string[];
  static?: boolean;
}

export interface StrykerReport {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
}

/** A surviving mutant the contract cannot tell from the reference, and why: equivalent, or a known gap. */
export interface Equivalent {
  file: string;
  mutator: string;
  /** The code the mutant replaces, whitespace collapsed. */
  original: string;
  replacement: string;
  /** A piece of the source line the mutant starts on, when the rest does not single it out. */
  within?: string;
  reason: string;
  /** Not equivalent: a behaviour no check pins yet (the reason says what would). Counts against the score. */
  gap?: boolean;
}

export interface EquivalentsFile {
  description: string;
  equivalents: Equivalent[];
}

/** How a mutant counts, as Stryker counts it. */
export type Outcome = "detected" | "survived" | "no coverage" | "invalid" | "ignored";

export interface Mutant {
  file: string;
  id: string;
  mutator: string;
  line: number;
  original: string;
  replacement: string;
  /** The source line it starts on, trimmed. */
  lineText: string;
  status: string;
  outcome: Outcome;
  killedBy: string[];
  /** The equivalent entry that explains it, for a survivor or a mutant without coverage. */
  equivalent?: Equivalent;
}

export interface Counts {
  mutants: number;
  detected: number;
  survived: number;
  noCoverage: number;
  /** Survivors and mutants without coverage listed as equivalent (not as gaps). */
  equivalent: number;
  /** Survivors and mutants without coverage listed as known gaps. */
  gaps?: number;
  invalid: number;
  ignored: number;
}

export interface Summary {
  files: Array<{ file: string; counts: Counts; score: number | null }>;
  total: Counts;
  /** Stryker's mutation score: detected / (detected + survived + no coverage), in %. */
  score: number | null;
  /** The mutation score proper: the same with the equivalent mutants set aside (the threshold's). */
  scoreWithoutEquivalents: number | null;
  mutants: Mutant[];
  /** What makes the run fail: unexplained survivors, stale equivalents, a score under the threshold. */
  problems: string[];
}

const OUTCOMES: Record<string, Outcome> = {
  Killed: "detected",
  Timeout: "detected",
  Survived: "survived",
  NoCoverage: "no coverage",
  CompileError: "invalid",
  RuntimeError: "invalid",
  Ignored: "ignored",
};

const collapse = (code: string) => code.replace(/\s+/g, " ").trim();

/** The code a mutant replaces: the report's source between its start and end (1-based lines and columns). */
export function originalCode(source: string, location: ReportMutant["location"]): string {
  const lines = source.split("\n");
  const { start, end } = location;
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? "";
  const middle = lines.slice(start.line, end.line - 1);
  return [lines[start.line - 1]?.slice(start.column - 1) ?? "", ...middle, lines[end.line - 1]?.slice(0, end.column - 1) ?? ""].join("\n");
}

export function mutantsOf(report: StrykerReport): Mutant[] {
  return Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, { source, mutants }]) => {
      const lines = source.split("\n");
      return [...mutants]
        .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column || a.mutatorName.localeCompare(b.mutatorName) || (a.replacement ?? "").localeCompare(b.replacement ?? ""))
        .map((m) => ({
          file,
          id: m.id,
          mutator: m.mutatorName,
          line: m.location.start.line,
          original: collapse(originalCode(source, m.location)),
          replacement: collapse(m.replacement ?? ""),
          lineText: (lines[m.location.start.line - 1] ?? "").trim(),
          status: m.status,
          outcome: OUTCOMES[m.status] ?? "invalid",
          killedBy: m.killedBy ?? [],
        }));
    });
}

function matches(entry: Equivalent, mutant: Mutant): boolean {
  return entry.file === mutant.file
    && entry.mutator === mutant.mutator
    && collapse(entry.original) === mutant.original
    && collapse(entry.replacement) === mutant.replacement
    && (entry.within === undefined || mutant.lineText.includes(entry.within));
}

const undetected = (m: Mutant) => m.outcome === "survived" || m.outcome === "no coverage";

function count(mutants: readonly Mutant[]): Counts {
  const of = (outcome: Outcome) => mutants.filter((m) => m.outcome === outcome).length;
  return {
    mutants: mutants.length,
    detected: of("detected"),
    survived: of("survived"),
    noCoverage: of("no coverage"),
    equivalent: mutants.filter((m) => m.equivalent && !m.equivalent.gap).length,
    gaps: mutants.filter((m) => m.equivalent?.gap).length,
    invalid: of("invalid"),
    ignored: of("ignored"),
  };
}

export function score(counts: Counts): number | null {
  const valid = counts.detected + counts.survived + counts.noCoverage;
  return valid === 0 ? null : (100 * counts.detected) / valid;
}

/** The score with the equivalent mutants out of the count (gaps stay in it). */
export function scoreWithoutEquivalents(counts: Counts): number | null {
  const valid = counts.detected + counts.survived + counts.noCoverage - counts.equivalent;
  return valid === 0 ? null : (100 * counts.detected) / valid;
}

export function summarize(report: StrykerReport, equivalents: readonly Equivalent[], threshold: number): Summary {
  const mutants = mutantsOf(report);
  const problems: string[] = [];
  for (const entry of equivalents) {
    const matched = mutants.filter((m) => matches(entry, m));
    const label = `${entry.gap ? "gap" : "equivalent"} ${entry.file} ${entry.mutator} ${JSON.stringify(entry.original)} -> ${JSON.stringify(entry.replacement)}`;
    if (matched.length === 0) problems.push(`${label}: matches no mutant (the code changed: remove or update the entry)`);
    for (const m of matched) {
      if (undetected(m)) m.equivalent = entry;
      else problems.push(`${label}: listed as ${entry.gap ? "a gap" : "equivalent"}, but line ${m.line} is ${m.status}${m.killedBy.length ? ` by ${m.killedBy.join(", ")}` : ""} (remove the entry)`);
    }
  }
  for (const m of mutants.filter((x) => undetected(x) && !x.equivalent)) {
    problems.push(`${m.file}:${m.line} ${m.mutator} ${JSON.stringify(m.original)} -> ${JSON.stringify(m.replacement)}: ${m.outcome}, and not listed in mutation/equivalent.json (pin the behaviour with a check, or list it as equivalent or as a gap, with the reason)`);
  }
  for (const m of mutants.filter((x) => x.outcome === "invalid")) problems.push(`${m.file}:${m.line} ${m.mutator}: ${m.status} (the mutant could not be judged)`);
  const files = [...new Set(mutants.map((m) => m.file))].map((file) => {
    const counts = count(mutants.filter((m) => m.file === file));
    return { file, counts, score: score(counts) };
  });
  const total = count(mutants);
  const proper = scoreWithoutEquivalents(total);
  if (proper !== null && proper < threshold) problems.push(`mutation score ${formatScore(proper)} (equivalent mutants set aside) is under the threshold of ${threshold} %`);
  return { files, total, score: score(total), scoreWithoutEquivalents: proper, mutants, problems };
}

export function formatScore(value: number | null): string {
  return value === null ? "n/a" : `${(Math.floor(value * 100) / 100).toFixed(2)} %`;
}
