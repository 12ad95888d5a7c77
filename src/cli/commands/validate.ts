/** `graph-calls-contract validate`: check JSON payloads (files, directories, stdin) against the contract. */
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { DEFAULT_MAX_ERRORS, loadContract, UnknownSchemaError, type Contract } from "../../index.js";
import { EXIT, UsageError, writeLine, type CliIO, type Command } from "../command.js";
import { InputError, listSources, readSource, STDIN_ARG, type Source } from "../input.js";
import { parseJsonDocument } from "../json-document.js";
import { watchOutput } from "../closed-output.js";
import { createProgress } from "../progress.js";
import { planValidation } from "../schema-choice.js";
import { fileLines, reportJson, summarize, summaryLine, type FileOutcome } from "../validate-report.js";

/** 10 MiB: Graph request bodies are capped at 4 MB and real notifications are kilobytes; this bounds memory (parsed JSON takes several times its text). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Above this a file no longer fits in one JavaScript string: refuse the option rather than fail mid-run. */
const MAX_BYTES_CEILING = 256 * 1024 * 1024;
/** The deepest documented payload nests 10 levels (a roster notification: value > resourceData > participant > info > identity > user...); 64 leaves room and stays far from any stack limit. */
export const MAX_DEPTH = 64;

/** The options --help lists, and only those (a test holds the two together). */
export const VALIDATE_OPTIONS = {
  as: { type: "string" },
  format: { type: "string", default: "text" },
  "max-bytes": { type: "string", default: String(DEFAULT_MAX_BYTES) },
} as const;

interface Options {
  paths: string[];
  as: string | undefined;
  json: boolean;
  maxBytes: number;
}

export const validateCommand: Command = {
  usage: `Usage: graph-calls-contract validate <file|dir|->... [--as <schema>] [--format text|json] [--max-bytes <n>]

Validates JSON payloads. A directory is searched recursively for *.json files, validated in sorted
order; - reads one payload from stdin (pipe or redirect it: a terminal is refused).
Without --as, the schema is detected from the payload (@odata.type, then its shape) and the reason
is printed. Files of the fixture model are recognised: a documented fixture (provenance, schemas,
payload) has its payload validated against each schema it claims, an invalid case (schema, payload,
expect) against the schema it names; a document manifest has no payload to validate.

Options:
  --as <schema>     validate every payload as this schema (graph-calls-contract schemas --all lists them)
  --format <f>      text (default) or json
  --max-bytes <n>   refuse an input larger than n bytes, checked before reading (default ${DEFAULT_MAX_BYTES}, 10 MiB)
  -h, --help        show this help

Text output: one line per file and schema, "path: valid (schema[, why])" or "path: invalid (schema[, why])"
followed by one line per error, "path: /pointer: message (rule)", at most ${DEFAULT_MAX_ERRORS} of them, then "path: and N more
errors"; an input that cannot be read, parsed or matched to a schema prints "path: error: what went wrong".
Last, a summary: "3 files: 2 valid, 1 invalid".
JSON output: one object on stdout, {"files": [{"path", "schemas": [{"schema", "detected", "reason",
"valid", "errors": [{"pointer", "rule", "message"}], "omitted"?: {"count", "atLeast"}}], "error"?}],
"summary": {"files", "valid", "invalid"}}.
Inputs nested deeper than ${MAX_DEPTH} levels are refused before parsing. Progress goes to stderr, only on a terminal.

Exit codes: 0 all valid, 1 a payload is invalid or an input could not be read, 2 usage error.`,

  async run(args, io) {
    const options = parseOptions(args, io.stdin);
    const contract = loadContract();
    if (options.as !== undefined) requireSchema(contract, options.as);
    const sources = listSources(options.paths, io.cwd);
    const progress = createProgress(io, sources.length, options.json);
    const output = watchOutput(io.stdout);
    const files: FileOutcome[] = [];
    for (const [index, source] of sources.entries()) {
      if (output.closed) break;
      progress.update(index, source.display);
      const file = await validateSource(source, options, io.stdin, contract);
      files.push(file);
      if (!options.json) {
        progress.beforeOutput();
        for (const line of fileLines(file)) writeLine(io.stdout, line);
      }
    }
    progress.done();
    // Nobody reads the results any more: stop, and do not claim success for what was not checked.
    if (output.closed) return EXIT.failed;
    const summary = summarize(files);
    writeLine(io.stdout, options.json ? reportJson(files) : summaryLine(summary));
    return summary.invalid === 0 ? EXIT.ok : EXIT.failed;
  },
};

/** The usage mistakes found without the contract; an unknown --as name is checked once it is loaded. Nothing is read or printed before. */
function parseOptions(args: string[], stdin: Readable): Options {
  const { values, positionals } = parseArgs({ args, options: VALIDATE_OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length === 0) throw new UsageError(`no input given: name JSON files, directories, or ${STDIN_ARG} for stdin`);
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json (got "${values.format}")`);
  const stdinCount = positionals.filter((p) => p === STDIN_ARG).length;
  if (stdinCount > 1) throw new UsageError(`${STDIN_ARG} (stdin) can be given only once`);
  // Reading a terminal would wait for someone to type a payload and press Ctrl-D: refuse instead of hanging.
  if (stdinCount === 1 && (stdin as { isTTY?: boolean }).isTTY === true) {
    throw new UsageError(`${STDIN_ARG} reads a payload from stdin, but stdin is a terminal: pipe or redirect a file into it`);
  }
  return { paths: positionals, as: values.as, json: values.format === "json", maxBytes: parseMaxBytes(values["max-bytes"]) };
}

/** An unknown --as name is the user's mistake (exit 2), and the message lists the names there are. */
function requireSchema(contract: Contract, name: string): void {
  // By name only: reading every schema's metadata would cost more than validating a payload.
  if (!contract.names().includes(name)) throw new UsageError(new UnknownSchemaError(name, contract.names()).message);
}

function parseMaxBytes(text: string): number {
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= MAX_BYTES_CEILING)) throw new UsageError(`--max-bytes must be a whole number of bytes from 1 to ${MAX_BYTES_CEILING} (got "${text}")`);
  return value;
}

async function validateSource(source: Source, options: Options, stdin: Readable, contract: Contract): Promise<FileOutcome> {
  try {
    const document = parseJsonDocument(await readSource(source, options.maxBytes, stdin), MAX_DEPTH);
    const plan = planValidation(document, options.as, contract.names());
    const schemas = plan.choices.map(({ schema, detected, reason }) => {
      const { valid, errors, omitted } = contract.validate(schema, plan.payload);
      return omitted ? { schema, detected, reason, valid, errors, omitted } : { schema, detected, reason, valid, errors };
    });
    return plan.nothingBecause === undefined ? { path: source.display, schemas } : { path: source.display, schemas, note: plan.nothingBecause };
  } catch (error) {
    if (error instanceof InputError) return { path: source.display, schemas: [], error: error.message };
    throw error;
  }
}
