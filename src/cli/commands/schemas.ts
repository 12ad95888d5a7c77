/** `graph-calls-contract schemas`: list the schemas payloads can be validated against. */
import { parseArgs } from "node:util";
import { loadContract } from "../../index.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/schemas.js";

export const schemasCommand: Command = {
  usage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { all: { type: "boolean" }, format: { type: "string", default: "text" } }, strict: true });
    if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json (got "${values.format}")`);
    const entries = loadContract().entries.filter((e) => values.all || e.kind !== "type");
    if (values.format === "json") {
      writeLine(io.stdout, JSON.stringify(entries.map(({ name, kind, profile, id, description }) => ({ name, kind, profile, id, description })), null, 2));
      return EXIT.ok;
    }
    const width = Math.max(...entries.map((e) => e.name.length));
    for (const e of entries) writeLine(io.stdout, `${e.name.padEnd(width)}  ${e.profile.padEnd(7)}  ${firstSentence(e.description)}`);
    return EXIT.ok;
  },
};

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end === -1 ? text : text.slice(0, end + 1);
}
