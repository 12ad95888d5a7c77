#!/usr/bin/env node
/** graph-calls-contract: the command-line entry point. Routes to a command; never prints a stack trace. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../util/paths.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT, UsageError, writeLine, type CliIO, type CommandEntry } from "./command.js";
import { watchOutput } from "./closed-output.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Whether this CLI runs from a clone of the repository (its TypeScript sources are there) rather than
 * from an installed package (which ships dist/ only): only a clone offers the maintainer's commands.
 */
export function inRepository(root = PROJECT_ROOT): boolean {
  return existsSync(path.join(root, "src", "cli", "main.ts"));
}

export function mainUsage(repository = inRepository()): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const line = (c: CommandEntry) => `  ${c.name.padEnd(width)}  ${c.summary}`;
  const maintainer = COMMANDS.filter((c) => c.repositoryOnly);
  return [
    "Usage: graph-calls-contract <command> [options]",
    "",
    "The Microsoft Graph calling API (create call, transfer, change notifications) as an executable contract.",
    "",
    "Commands:",
    ...COMMANDS.filter((c) => !c.repositoryOnly).map(line),
    ...(repository ? ["", "Maintainer commands (in a clone of the repository only):", ...maintainer.map(line)] : []),
    "",
    "Run `graph-calls-contract <command> --help` for a command's options.",
    "Exit codes: 0 success, 1 a check failed (or a payload is invalid), 2 usage error, 3 the tool itself failed",
    "(an internal error, or an implementation under test that could not start at all), 130/143 interrupted by",
    "SIGINT/SIGTERM, 141 its output closed (run writes its reports, marked partial).",
  ].join("\n");
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  // Every command, not only validate: `graph-calls-contract schemas | head -1` must not end in an EPIPE stack trace,
  // and a parent that dies (closing stderr too) must not make a harness loop on failed writes.
  watchOutput(io.stdout);
  watchOutput(io.stderr);
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    writeLine(name === undefined ? io.stderr : io.stdout, mainUsage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    writeLine(io.stdout, version());
    return EXIT.ok;
  }
  const repository = inRepository();
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    writeLine(io.stderr, `graph-calls-contract: unknown command "${name}". Commands: ${COMMANDS.filter((c) => repository || !c.repositoryOnly).map((c) => c.name).join(", ")}. See --help.`);
    return EXIT.usage;
  }
  if (entry.repositoryOnly && !repository) {
    writeLine(io.stderr, `graph-calls-contract: "${name}" is a maintainer command: it runs in a clone of the graph-calls-contract repository (npm run ${name}), not from an installed package. See --help for the commands an installed package offers.`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    writeLine(io.stdout, await entry.usage());
    return EXIT.ok;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      writeLine(io.stderr, `graph-calls-contract ${entry.name}: ${(error as Error).message}. See graph-calls-contract ${entry.name} --help.`);
      return EXIT.usage;
    }
    // Anything else is our bug, not the user's: one line, and the stack only on request.
    writeLine(io.stderr, `graph-calls-contract ${entry.name}: internal error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.GRAPH_CALLS_CONTRACT_DEBUG) writeLine(io.stderr, (error as Error)?.stack ?? "");
    return EXIT.internal;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => { process.stderr.write(`graph-calls-contract: ${String(error)}\n`); process.exitCode = EXIT.internal; },
  );
}
