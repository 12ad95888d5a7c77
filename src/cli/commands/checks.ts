/** `graph-calls-contract checks`: the check catalog (docs/checks.md), generated from the check registry. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderCheckCatalog } from "../../reports/check-catalog.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/checks.js";

export const checksCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: "string" }, check: { type: "boolean" } }, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values.check && !values.out) throw new UsageError("--check compares a file: give it with --out");
    const catalog = renderCheckCatalog();
    if (!values.out) {
      io.stdout.write(catalog);
      return EXIT.ok;
    }
    const file = path.resolve(io.cwd, values.out);
    const shown = path.relative(io.cwd, file) || file;
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (values.check) {
      if (current === catalog) {
        writeLine(io.stdout, `${shown}: up to date`);
        return EXIT.ok;
      }
      writeLine(io.stdout, `${shown}: ${current === undefined ? "missing" : "stale"}; run npm run checks (graph-calls-contract checks --out ${shown}) and commit it`);
      return EXIT.failed;
    }
    if (current !== catalog) fs.writeFileSync(file, catalog);
    writeLine(io.stdout, `${shown}: ${current === catalog ? "up to date" : "written"}`);
    return EXIT.ok;
  },
};
