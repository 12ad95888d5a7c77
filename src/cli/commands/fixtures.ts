/**
 * `graph-calls-contract fixtures`: the contract checked against its own evidence. Every
 * documented fixture against every schema it claims (with the errors its errata predict), every
 * invalid case against the errors it must produce, as a summary table per schema.
 */
import { parseArgs } from "node:util";
import { loadContract } from "../../index.js";
import { checkDocumented, checkInvalid, type FixtureCheck } from "../../fixtures/check.js";
import { readDecisions } from "../../fixtures/decisions.js";
import { loadDocumentedFixtures, loadInvalidCases } from "../../fixtures/load.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { formatContractError } from "../../contract/errors.js";
import { usage } from "../usage/fixtures.js";

interface Row {
  schema: string;
  documented: number;
  valid: number;
  rejectedAsErrataSay: number;
  invalidCases: number;
  failures: string[];
}

export const fixturesCommand: Command = {
  usage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { format: { type: "string", default: "text" } }, strict: true });
    if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json (got "${values.format}")`);
    const contract = loadContract();
    const decisions = readDecisions();
    const rows = new Map<string, Row>();
    const row = (schema: string) => {
      let r = rows.get(schema);
      if (!r) rows.set(schema, (r = { schema, documented: 0, valid: 0, rejectedAsErrataSay: 0, invalidCases: 0, failures: [] }));
      return r;
    };
    const describe = (id: string, c: FixtureCheck) =>
      `${id} as ${c.schema}: expected ${c.expected.length ? c.expected.map((e) => `${e.pointer} (${e.rule})`).join(", ") : "valid"}, got ${c.actual.length ? c.actual.map(formatContractError).join("; ") : "valid"}`;

    for (const { data } of loadDocumentedFixtures()) {
      for (const c of checkDocumented(contract, decisions, data)) {
        const r = row(c.schema);
        r.documented++;
        if (!c.ok) r.failures.push(describe(data.id, c));
        else if (c.expected.length === 0) r.valid++;
        else r.rejectedAsErrataSay++;
      }
    }
    for (const { file, data } of loadInvalidCases()) {
      const c = checkInvalid(contract, data);
      const r = row(c.schema);
      r.invalidCases++;
      if (!c.ok) r.failures.push(describe(file, c));
    }

    const ordered = [...rows.values()].sort((a, b) => a.schema.localeCompare(b.schema));
    const failures = ordered.flatMap((r) => r.failures);
    if (values.format === "json") {
      writeLine(io.stdout, JSON.stringify({ schemas: ordered, failures: failures.length }, null, 2));
      return failures.length === 0 ? EXIT.ok : EXIT.failed;
    }
    const header = ["schema", "documented", "valid", "rejected as errata say", "invalid cases", "failures"];
    const table = ordered.map((r) => [r.schema, r.documented, r.valid, r.rejectedAsErrataSay, r.invalidCases, r.failures.length].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    writeLine(io.stdout, line(header));
    for (const t of table) writeLine(io.stdout, line(t));
    const total = (k: keyof Row) => ordered.reduce((n, r) => n + (r[k] as number), 0);
    writeLine(io.stdout, line(["total", total("documented"), total("valid"), total("rejectedAsErrataSay"), total("invalidCases"), failures.length].map(String)));
    for (const f of failures) writeLine(io.stdout, `FAIL ${f}`);
    writeLine(io.stdout, failures.length === 0 ? "Every fixture behaves as the contract and its errata say." : `${failures.length} fixture check(s) failed.`);
    return failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
