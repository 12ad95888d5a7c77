/** `graph-calls-contract extract`: documentation pages -> fixtures, errata and ERRATA.md. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeSync, diffGeneratedTree, writeGeneratedTree } from "../../util/generated-files.js";
import { FIXTURES_DIR, SEEDS_DIR, SEEDS_ENV } from "../../util/paths.js";
import { DocumentReadError, ExtractionInputError, extractToTree, MAX_DOCUMENT_BYTES, readDocument, readSeedDocuments, type SourceDocument } from "../../extract/index.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/extract.js";

export const extractCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { check: { type: "boolean" }, seeds: { type: "string" }, out: { type: "string" }, "max-bytes": { type: "string" } },
      strict: true,
    });
    const maxBytes = values["max-bytes"] === undefined ? MAX_DOCUMENT_BYTES : Number(values["max-bytes"]);
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive whole number of bytes (got ${values["max-bytes"]})`);
    let extracted;
    try {
      const documents = positionals.length > 0 ? readPages(positionals, io.cwd, maxBytes) : readSeedDocuments(seedsDir(values.seeds, io.cwd));
      if (documents.length === 0) throw new UsageError("no documents to extract");
      extracted = extractToTree(documents, values.out ? path.resolve(io.cwd, values.out) : FIXTURES_DIR);
    } catch (error) {
      // The pages, not the tool: say which page and why, write nothing.
      if (!(error instanceof DocumentReadError || error instanceof ExtractionInputError)) throw error;
      writeLine(io.stderr, `graph-calls-contract extract: ${error.message}`);
      return EXIT.failed;
    }
    const { corpus, tree } = extracted;
    const out = tree.root;

    for (const doc of corpus.documents) {
      const count = (role: string) => doc.payloads.filter((p) => p.role === role && p.value !== undefined).length;
      const errata = doc.errata.length + doc.payloads.reduce((n, p) => n + p.errata.length, 0);
      writeLine(io.stderr, `${doc.source.name}  ${doc.key.padEnd(26)} examples ${doc.assembled.examples.length}, requests ${count("request")}, responses ${count("response")}, notifications ${count("notification")}, errata ${errata}`);
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

/** The pages named on the command line; a file name that two of them share is replaced by the path as given. */
function readPages(args: string[], cwd: string, maxBytes: number): SourceDocument[] {
  const files = args.map((arg) => {
    const file = path.resolve(cwd, arg);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such page: ${arg}`);
    return { arg, file };
  });
  const shared = (name: string) => files.filter((f) => path.basename(f.file) === name).length > 1;
  return files.map(({ arg, file }) => {
    const doc = readDocument(file, maxBytes);
    return shared(doc.name) ? { ...doc, name: arg } : doc;
  });
}
