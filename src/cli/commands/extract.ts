/** `graph-calls-contract extract`: documentation pages -> fixtures, errata and ERRATA.md. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeSync, diffGeneratedTree, writeGeneratedTree } from "../../util/generated-files.js";
import { FIXTURES_DIR, SEEDS_DIR, SEEDS_ENV } from "../../util/paths.js";
import { documentKey, extractToTree, readDocument, readSeedDocuments } from "../../extract/index.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";

export const extractCommand: Command = {
  usage: `Usage: graph-calls-contract extract [--check] [--seeds <dir>] [--out <dir>] [<page>...]

Reads Graph documentation pages (rendered text or markdown source), and writes one fixture per
documented payload, a manifest per document and ERRATA.md.
  --check          write nothing; exit 1 if the committed fixtures differ from what extraction produces
  --seeds <dir>    the documents to read (default: $${SEEDS_ENV}, else ../shared/seeds next to this package)
  --out <dir>      where to write (default: the package's fixtures/)
  <page>...        extract these files instead of the seeds folder (with --out, to try a new page)`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { check: { type: "boolean" }, seeds: { type: "string" }, out: { type: "string" } },
      strict: true,
    });
    const documents = positionals.length > 0
      ? positionals.map((p) => readPage(path.resolve(io.cwd, p)))
      : readSeedDocuments(seedsDir(values.seeds, io.cwd));
    if (documents.length === 0) throw new UsageError("no documents to extract");
    const out = values.out ? path.resolve(io.cwd, values.out) : FIXTURES_DIR;
    const { corpus, tree } = extractToTree(documents, out);

    for (const doc of corpus.documents) {
      const count = (role: string) => doc.payloads.filter((p) => p.role === role && p.value !== undefined).length;
      const errata = doc.errata.length + doc.payloads.reduce((n, p) => n + p.errata.length, 0);
      writeLine(io.stderr, `${doc.source.name}  ${documentKey(doc).padEnd(26)} examples ${doc.assembled.examples.length}, requests ${count("request")}, responses ${count("response")}, notifications ${count("notification")}, errata ${errata}`);
    }
    if (values.check) {
      const result = diffGeneratedTree(tree);
      writeLine(io.stdout, describeSync(`fixtures (${path.relative(io.cwd, out) || "."})`, result, true));
      if (result.changed.length + result.extra.length > 0) {
        writeLine(io.stdout, "Run `npm run extract` and commit the result.");
        return EXIT.failed;
      }
      return EXIT.ok;
    }
    writeLine(io.stdout, describeSync(`fixtures (${path.relative(io.cwd, out) || "."})`, writeGeneratedTree(tree), false));
    return EXIT.ok;
  },
};

function seedsDir(option: string | undefined, cwd: string): string {
  const dir = option ? path.resolve(cwd, option) : SEEDS_DIR;
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UsageError(`seed documents not found at ${dir} (pass --seeds <dir> or set ${SEEDS_ENV})`);
  }
  return dir;
}

function readPage(file: string) {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such page: ${file}`);
  return readDocument(file);
}
