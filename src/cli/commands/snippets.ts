/** `graph-calls-contract snippets`: run the documentation's own SDK snippets against the mock Graph; write docs/SNIPPETS.md. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runSnippets, RUN_LANGUAGES, type RunLanguage } from "../../snippets-run/index.js";
import { renderSnippetsMarkdown, reportOf, type SnippetReport } from "../../snippets-run/markdown.js";
import { describeSync, diffGeneratedTree, writeGeneratedTree } from "../../util/generated-files.js";
import { formatJson } from "../../util/json.js";
import { PROJECT_ROOT, SEEDS_DIR, SEEDS_ENV } from "../../util/paths.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/snippets.js";

export const snippetsCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { check: { type: "boolean" }, language: { type: "string", multiple: true }, seeds: { type: "string" } }, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const languages = (values.language ?? [...RUN_LANGUAGES]).map((l) => {
      if (!(RUN_LANGUAGES as readonly string[]).includes(l)) throw new UsageError(`--language must be one of ${RUN_LANGUAGES.join(", ")} (got "${l}")`);
      return l as RunLanguage;
    });
    const seeds = values.seeds ? path.resolve(io.cwd, values.seeds) : SEEDS_DIR;
    if (!fs.existsSync(seeds)) throw new UsageError(`seed documents not found at ${seeds} (pass --seeds <dir> or set ${SEEDS_ENV})`);
    const run = await runSnippets({ seedsDir: seeds, languages, log: (line) => writeLine(io.stderr, line) });
    const jsonFile = path.join(PROJECT_ROOT, "docs", "snippets.json");
    const committed = readCommitted(jsonFile);
    // Languages not run here keep their committed results, so the check judges only what ran.
    const kept = RUN_LANGUAGES.filter((l) => !languages.includes(l) || run.skipped[l]);
    const keptResults = (committed?.results ?? []).filter((r) => kept.includes(r.snippet.language));
    const results = [...run.results.filter((r) => !kept.includes(r.snippet.language) || !keptResults.some((k) => k.snippet.language === r.snippet.language)), ...keptResults];
    const report = reportOf(run.examples, results, run.sdks, {});
    for (const language of RUN_LANGUAGES) {
      const rs = report.results.filter((r) => r.snippet.language === language);
      const n = (s: string) => rs.filter((r) => r.status === s).length;
      const how = kept.includes(language) ? ` (not run here${run.skipped[language] ? `: ${run.skipped[language]}` : ""}; committed results kept)` : run.durationsMs[language] !== undefined ? ` in ${(run.durationsMs[language]! / 1000).toFixed(1)} s` : "";
      writeLine(io.stderr, `snippets: ${language.padEnd(10)} ${rs.length} snippets: ${n("matches")} match, ${n("differs")} differ, ${n("compile-error")} do not compile, ${n("run-error")} fail at run${how}`);
    }
    const tree = { root: PROJECT_ROOT, owned: [], files: new Map([["docs/SNIPPETS.md", renderSnippetsMarkdown(report)], ["docs/snippets.json", formatJson(report)]]) };
    if (values.check) {
      const sync = diffGeneratedTree(tree);
      writeLine(io.stdout, describeSync("docs/SNIPPETS.md, docs/snippets.json", sync, true));
      if (sync.changed.length > 0) {
        writeLine(io.stdout, "run graph-calls-contract snippets (npm run snippets) and commit docs/SNIPPETS.md and docs/snippets.json");
        return EXIT.failed;
      }
      return EXIT.ok;
    }
    writeLine(io.stdout, describeSync("docs/SNIPPETS.md, docs/snippets.json", writeGeneratedTree(tree), false));
    return EXIT.ok;
  },
};

function readCommitted(file: string): SnippetReport | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as SnippetReport;
  } catch {
    return undefined;
  }
}
