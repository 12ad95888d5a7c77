/**
 * The CLI as a user starts it: `validate` of one file, and `--help` of every command. Each side is
 * one process that reports its own CPU time (all threads, exec to exit): a start-up is a few tens
 * of milliseconds, which wall time on a loaded machine buries under other jobs' scheduling.
 */
import path from "node:path";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { ONE_PROCESS } from "../measure.js";
import type { Row } from "../row.js";
import { largestValid, requireFile, runProcessCpu } from "./support.js";

const bin = (root: string) => requireFile(path.join(root, "bin", "graph-calls-contract.js"), "npm run build");
/** Alternated, one process per sample, the median of at least 9 per side: start-ups vary by 20 % from one to the next. */
const once = { ...ONE_PROCESS, minSamples: 9 };

export const cliValidateRow: Row = {
  id: "cli-validate",
  title: "graph-calls-contract validate <the largest valid documented create-call request>, CPU time of the process",
  baseline: "node reading and JSON.parse-ing the same file: a process start and the parse are the floor of validating a file",
  goal: { max: 1.5 },
  prepare({ root }) {
    // The fixture file: validate reads its payload, the baseline parses the whole file.
    const file = largestValid("create-call-request").file;
    const cli = bin(root);
    return {
      subject: { name: "validate <file>", run: () => runProcessCpu([cli, "validate", file], root) },
      baseline: { name: "node: JSON.parse(readFileSync(file))", run: () => runProcessCpu(["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`], root) },
      bounds: once,
    };
  },
};

export const cliHelpRows: Row[] = COMMANDS.map((command) => ({
  id: `cli-help-${command.name}`,
  title: `graph-calls-contract ${command.name} --help, CPU time of the process`,
  baseline: "a bare node start (node -e 0): printing a usage text should cost nothing more",
  goal: { max: 1.3 },
  slow: command.name !== "run" && command.name !== "validate",
  prepare({ root }) {
    const cli = bin(root);
    return {
      subject: { name: `${command.name} --help`, run: () => runProcessCpu([cli, command.name, "--help"], root) },
      baseline: { name: "node -e 0", run: () => runProcessCpu(["-e", "0"], root) },
      bounds: once,
    };
  },
}));
