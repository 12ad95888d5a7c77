/** `graph-calls-contract validate`: check JSON payloads (files, directories, stdin) against the contract. */
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { loadContract, UnknownSchemaError, type Contract } from "../../index.js";
import { EXIT, UsageError, writeLine, type CliIO, type Command } from "../command.js";
import { InputError, listSources, readSource, STDIN_ARG, type Source } from "../input.js";
import { parseJsonDocument } from "../json-document.js";
import { watchOutput } from "../closed-output.js";
import { createProgress } from "../progress.js";
import { planValidation } from "../schema-choice.js";
import { isObject } from "../../util/json.js";
import { fileLines, reportJson, summarize, summaryLine, validateItems, type FileOutcome } from "../validate-report.js";
import { DEFAULT_MAX_BYTES, MAX_DEPTH, usage, VALIDATE_OPTIONS } from "../usage/validate.js";
export { DEFAULT_MAX_BYTES, MAX_DEPTH, VALIDATE_OPTIONS };

/** Above this a file no longer fits in one JavaScript string: refuse the option rather than fail mid-run. */
const MAX_BYTES_CEILING = 256 * 1024 * 1024;

interface Options {
  paths: string[];
  as: string | undefined;
  json: boolean;
  maxBytes: number;
}

export const validateCommand: Command = {
  usage,

  async run(args, io) {
    const options = parseOptions(args, io.stdin);
    const contract = loadContract();
    if (options.as !== undefined) requireSchema(contract, options.as);
    const sources = listSources(options.paths, io.cwd);
    const progress = createProgress(io, sources.length, options.json);
    const output = watchOutput(io.stdout);
    const files: FileOutcome[] = [];
    for (const [index, source] of sources.entries()) {
      // Files are read synchronously: give the event loop a turn, so that a reader gone (EPIPE) is seen before the next file.
      if (index > 0) await new Promise((resolve) => setImmediate(resolve));
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

/** How many value[] items got no verdict of their own (beyond MAX_ITEM_VERDICTS). */
function notChecked(payload: unknown, checked: number): { itemsNotChecked?: number } {
  const total = isObject(payload) && Array.isArray(payload.value) ? payload.value.length : 0;
  return total > checked ? { itemsNotChecked: total - checked } : {};
}

async function validateSource(source: Source, options: Options, stdin: Readable, contract: Contract): Promise<FileOutcome> {
  try {
    const document = parseJsonDocument(await readSource(source, options.maxBytes, stdin), MAX_DEPTH);
    const plan = planValidation(document, options.as, contract);
    const schemas = plan.choices.map((choice) => {
      const { valid, errors, omitted } = contract.validate(choice.schema, plan.payload);
      const items = plan.items ? { items: validateItems(contract, plan.payload, plan.items), ...notChecked(plan.payload, plan.items.length) } : {};
      return { ...choice, valid, errors, ...(omitted ? { omitted } : {}), ...items };
    });
    return plan.nothingBecause === undefined ? { path: source.display, schemas } : { path: source.display, schemas, note: plan.nothingBecause };
  } catch (error) {
    if (error instanceof InputError) return { path: source.display, schemas: [], error: error.message };
    throw error;
  }
}
