/** The CLI as a user starts it: `validate` of one file, and `--help` of every command. */
import path from "node:path";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { ONE_CALL } from "../measure.js";
import type { Row } from "../row.js";
import { largestValid, requireFile, runProcess } from "./support.js";

const bin = (root: string) => requireFile(path.join(root, "bin", "graph-calls-contract.js"), "npm run build");
const once = { ...ONE_CALL, minSamples: 7 };

export const cliValidateRow: Row = {
  id: "cli-validate",
  title: "graph-calls-contract validate <the largest valid documented create-call request>",
  baseline: "node reading and JSON.parse-ing the same file: a process start and the parse are the floor of validating a file",
  goal: { max: 1.5 },
  prepare({ root }) {
    // The fixture file: validate reads its payload, the baseline parses the whole file.
    const file = largestValid("create-call-request").file;
    const cli = bin(root);
    return {
      subject: { name: "validate <file>", run: () => runProcess(process.execPath, [cli, "validate", file], root) },
      baseline: { name: "node: JSON.parse(readFileSync(file))", run: () => runProcess(process.execPath, ["-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`], root) },
      bounds: once,
    };
  },
};

export const cliHelpRows: Row[] = COMMANDS.map((command) => ({
  id: `cli-help-${command.name}`,
  title: `graph-calls-contract ${command.name} --help`,
  baseline: "a bare node start (node -e 0): printing a usage text should cost nothing more",
  goal: { max: 1.3 },
  slow: command.name !== "run" && command.name !== "validate",
  prepare({ root }) {
    const cli = bin(root);
    return {
      subject: { name: `${command.name} --help`, run: () => runProcess(process.execPath, [cli, command.name, "--help"], root) },
      baseline: { name: "node -e 0", run: () => runProcess(process.execPath, ["-e", "0"], root) },
      bounds: once,
    };
  },
}));
