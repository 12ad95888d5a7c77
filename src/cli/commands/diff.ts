/** `graph-calls-contract diff <old> <new>`: the schema regression gate (see src/diff/README.md). */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ACKNOWLEDGEMENTS_FILE, AcknowledgementFileError, readAcknowledgements } from "../../diff/acknowledgements.js";
import { FixturePool } from "../../diff/fixture-pool.js";
import { DEFAULT_DIFF_OPTIONS, diffSchemas, UnreadableSchemasError } from "../../diff/index.js";
import { renderJson } from "../../diff/render-json.js";
import { renderMarkdown } from "../../diff/render-markdown.js";
import { renderText } from "../../diff/render-text.js";
import { resolveVersion, VersionNotFoundError, WORKTREE, type ResolvedVersion } from "../../diff/sources.js";
import { FIXTURES_DIR } from "../../util/paths.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";

/** The options --help lists, and only those (a test holds the two together). */
export const DIFF_OPTIONS = {
  format: { type: "string", default: "text" },
  changes: { type: "string" },
  fixtures: { type: "string" },
  runs: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.runs) },
  seed: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.seed) },
  seconds: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.budgetMs / 1000) },
} as const;

const RENDERERS = { text: renderText, markdown: renderMarkdown, json: renderJson } as const;
const NO_FIXTURES = "none";

export const diffCommand: Command = {
  usage: `Usage: graph-calls-contract diff <old> <new> [--format text|markdown|json] [--changes <file>] [--fixtures <dir>] [--runs <n>] [--seed <n>] [--seconds <n>]

Compares two versions of the published schemas (operations, notifications, and every type in both
profiles), classifies each change, and looks for a witness of each breaking one: a payload valid
under one version and rejected by the other at the changed place, from the fixtures first (and
variants of them), else generated with fast-check. A breaking change without a witness says why.

<old> and <new> each name a version:
  ${WORKTREE}        schemas/ in the working tree of the git repository around the current directory
  <dir>           a schemas folder (with operations/, notifications/, send/, receive/), or a folder with one in schemas/
  <rev>           schemas/ as committed at a git revision: HEAD~1, main, v0.1.0, a commit id
  <rev>:<path>    another folder at that revision, e.g. HEAD:contract-baseline/schemas
A folder that exists wins over a revision of the same name.

Classification, per change:
  send schemas (what a bot sends): rejects a payload that was valid -> breaking; only accepts more -> compatible.
  receive schemas (what a bot receives): rejects a payload that was valid -> breaking; accepts a value
    handlers could not get before (a new member of a closed enum, null, another type, a missing
    property, a new discriminated branch...) -> breaking for handlers. A property declared, or a
    member of an open enum (x-extensible-enum) added, is compatible.
  description, title, examples and x-* annotations -> annotation-only.

Options:
  --format <f>      text (default), markdown (a pull-request comment) or json (one object, formatVersion 1)
  --changes <file>  the acknowledgement file (default: ${ACKNOWLEDGEMENTS_FILE} in the <new> schemas folder, if any):
                    {"acknowledged": [{"schema", "pointer", "kind", "reason"}]}; an acknowledged breaking
                    change does not fail the run, an acknowledgement matching no change is reported
  --fixtures <dir>  where witnesses are looked for first (default: this package's fixtures/; ${NO_FIXTURES}: generate only)
  --runs <n>        payloads generated per schema, for each breaking change (default ${DIFF_OPTIONS.runs.default})
  --seed <n>        fast-check seed: the same seed gives the same witnesses (default ${DIFF_OPTIONS.seed.default})
  --seconds <n>     time budget of the witness search, per change (default ${DIFF_OPTIONS.seconds.default})
  -h, --help        show this help

Each change is printed as "classification: kind pointer: what changed"; the pointer is into the schema
document (the new version; the old one for a removal), and for members of required, enum and
x-extensible-enum it ends with the member itself (/required/targets). Breaking changes not
acknowledged are in capitals. The JSON format is documented in src/diff/README.md.

Exit codes: 0 no breaking change, or every one acknowledged; 1 a breaking change is not acknowledged
(or a version's schemas cannot be read); 2 usage error (bad option, no such folder or revision,
malformed acknowledgement file).`,

  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: DIFF_OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 2) throw new UsageError(`expected two versions, <old> and <new> (got ${positionals.length})`);
    const format = values.format;
    if (!(format in RENDERERS)) throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
    const numbers = { runs: wholeNumber("--runs", values.runs, 1, 100_000), seed: wholeNumber("--seed", values.seed, 0, 2 ** 31 - 1), seconds: wholeNumber("--seconds", values.seconds, 1, 3600) };
    const fixtures = fixturePool(values.fixtures, io.cwd);
    const versions: ResolvedVersion[] = [];
    try {
      for (const spec of positionals) versions.push(resolveVersion(spec, io.cwd));
      const [oldVersion, newVersion] = versions as [ResolvedVersion, ResolvedVersion];
      const acknowledgements = acknowledgementFile(values.changes, newVersion, io.cwd);
      const report = diffSchemas(oldVersion, newVersion, {
        fixtures,
        runs: numbers.runs,
        seed: numbers.seed,
        budgetMs: numbers.seconds * 1000,
        acknowledgements: acknowledgements?.entries ?? [],
        ...(acknowledgements ? { acknowledgementsFile: acknowledgements.display } : {}),
      });
      writeLine(io.stdout, RENDERERS[format as keyof typeof RENDERERS](report));
      return report.summary.blocking > 0 ? EXIT.failed : EXIT.ok;
    } catch (error) {
      if (error instanceof VersionNotFoundError || error instanceof AcknowledgementFileError) throw new UsageError(error.message);
      if (error instanceof UnreadableSchemasError) {
        writeLine(io.stderr, `graph-calls-contract diff: ${error.message}`);
        return EXIT.failed;
      }
      throw error;
    } finally {
      for (const version of versions) version.dispose();
    }
  },
};

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`${option} must be a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}

function fixturePool(option: string | undefined, cwd: string): FixturePool {
  if (option === NO_FIXTURES) return FixturePool.empty();
  if (option === undefined) return FixturePool.load(FIXTURES_DIR, "fixtures");
  const dir = path.resolve(cwd, option);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--fixtures: no such folder: ${option}`);
  return FixturePool.load(dir, option);
}

/** The explicit file (which must exist), else CHANGES.json of the new version when it has one. */
function acknowledgementFile(option: string | undefined, newVersion: ResolvedVersion, cwd: string) {
  if (option !== undefined) {
    const file = path.resolve(cwd, option);
    if (!fs.existsSync(file)) throw new UsageError(`--changes: no such file: ${option}`);
    return { entries: readAcknowledgements(file), display: option };
  }
  const file = path.join(newVersion.dir, ACKNOWLEDGEMENTS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const display = newVersion.describe(ACKNOWLEDGEMENTS_FILE);
  try {
    return { entries: readAcknowledgements(file), display };
  } catch (error) {
    // The temporary copy of a revision is no name for the user: say which file of which version.
    throw error instanceof AcknowledgementFileError ? new AcknowledgementFileError(error.message.replace(file, display)) : error;
  }
}
