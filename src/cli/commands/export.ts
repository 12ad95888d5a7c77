/** `graph-calls-contract export`: the contract as an OpenAPI 3.1 or AsyncAPI 3 document, for tools that read those. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXPORTED_DOCUMENTS, exportedDocument, readExportInputs, type ExportFormat } from "../../export/index.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/export.js";

const FORMATS = Object.keys(EXPORTED_DOCUMENTS) as ExportFormat[];

export const exportCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { format: { type: "string" }, out: { type: "string" } }, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format;
    if (!isFormat(format)) throw new UsageError(format === undefined ? "--format is required (openapi or asyncapi)" : `--format must be openapi or asyncapi (got "${format}")`);
    const document = exportedDocument(format, readExportInputs());
    if (values.out === undefined) {
      io.stdout.write(document);
      return EXIT.ok;
    }
    const file = path.resolve(io.cwd, values.out);
    try {
      fs.writeFileSync(file, document);
    } catch (error) {
      writeLine(io.stderr, `graph-calls-contract export: cannot write ${values.out}: ${(error as Error).message}`);
      return EXIT.failed;
    }
    writeLine(io.stdout, `wrote ${values.out}`);
    return EXIT.ok;
  },
};

function isFormat(value: string | undefined): value is ExportFormat {
  return (FORMATS as string[]).includes(value ?? "");
}
