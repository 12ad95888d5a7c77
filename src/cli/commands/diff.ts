/** `graph-calls-contract diff <old> <new>`: the schema regression gate (see src/diff/README.md). */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ACKNOWLEDGEMENTS_FILE, AcknowledgementFileError, readAcknowledgements } from "../../diff/acknowledgements.js";
import { FixturePool } from "../../diff/fixture-pool.js";
import { diffSchemas, UnreadableSchemasError } from "../../diff/index.js";
import { renderJson } from "../../diff/render-json.js";
import { renderMarkdown } from "../../diff/render-markdown.js";
import { renderText } from "../../diff/render-text.js";
import { resolveVersion, VersionNotFoundError, type ResolvedVersion } from "../../diff/sources.js";
import { FIXTURES_DIR } from "../../util/paths.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { DIFF_OPTIONS, NO_FIXTURES, usage } from "../usage/diff.js";
export { DIFF_OPTIONS };

const RENDERERS = { text: renderText, markdown: renderMarkdown, json: renderJson } as const;

export const diffCommand: Command = {
  usage,

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
