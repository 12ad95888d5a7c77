/** `graph-calls-contract check-adapter`: the process protocol's own checks against an implementation (src/protocol-check/). */
import path from "node:path";
import { parseArgs } from "node:util";
import { AdapterUnavailable, framingOption, loadAdapterModule } from "../../adapters/load.js";
import { checkAdapter, type AdapterTarget } from "../../protocol-check/run.js";
import { EXIT, UsageError, writeLine, type Command } from "../command.js";
import { usage } from "../usage/check-adapter.js";

export const checkAdapterCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { command: { type: "string" }, adapter: { type: "string" }, framing: { type: "string" }, "step-timeout": { type: "string", default: "5000" }, json: { type: "boolean" } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if ((values.command === undefined) === (values.adapter === undefined)) throw new UsageError("give the implementation: --command <cmd> or --adapter <module>");
    if (values.framing !== undefined && values.command === undefined) throw new UsageError("--framing frames the process protocol: it goes with --command");
    const timeout = values["step-timeout"];
    if (!/^\d+$/.test(timeout) || Number(timeout) < 10 || Number(timeout) > 600_000) throw new UsageError(`--step-timeout must be an integer from 10 to 600000 (got "${timeout}")`);
    let target: AdapterTarget;
    try {
      if (values.command !== undefined) {
        if (values.command.trim() === "") throw new AdapterUnavailable("the command is empty");
        target = { command: values.command, cwd: io.cwd, framing: framingOption(values.framing) };
      } else {
        target = { module: (await loadAdapterModule(path.resolve(io.cwd, values.adapter!))).adapter };
      }
    } catch (e) {
      throw e instanceof AdapterUnavailable ? new UsageError(e.message) : e;
    }

    const report = await checkAdapter(target, Number(timeout));
    const failed = report.results.filter((r) => r.status !== "passed");
    if (values.json) {
      writeLine(io.stdout, JSON.stringify(report, null, 2));
      return failed.length === 0 ? EXIT.ok : EXIT.failed;
    }
    const spoke = [report.framing && `framing ${report.framing}`, report.protocol && `protocol ${report.protocol}`].filter(Boolean).join(", ");
    writeLine(io.stdout, `check-adapter: ${values.command ?? values.adapter}${spoke ? ` (${spoke})` : ""}`);
    for (const r of report.results) {
      const detail = r.status === "failed" ? `: ${r.message}` : r.status === "blocked" ? ` (by ${r.blockedBy})` : "";
      writeLine(io.stdout, `${r.status.padEnd(8)} ${r.id}${detail}`);
    }
    const count = (status: string) => report.results.filter((r) => r.status === status).length;
    writeLine(io.stdout, `${count("passed")} passed, ${count("failed")} failed, ${count("blocked")} blocked`);
    return failed.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
