#!/usr/bin/env node
/**
 * Bundles the CLI's `validate` command, with every module of ours it imports, into one ES module
 * next to it (dist/src/cli/commands/validate.bundle.js), which the CLI loads when it exists
 * (src/cli/commands/index.ts). Node 20 pays about a millisecond per ES module it loads (resolve,
 * read, compile, link), and validate's graph is some twenty small modules: one file instead saves
 * about a fifth of a `validate <file>` start (bench row cli-validate). Only validate, the command a
 * user runs on every payload; the others start once per long job.
 *
 * Kept out of the bundle, imported from dist/ as they are: the packages (node_modules, found at
 * run time as before), and the modules the CLI's entry has already loaded, whose state or classes
 * must be the one copy (command.js: UsageError, caught by main with instanceof; closed-output.js:
 * the watched streams; util/paths.js: the package root). Run by scripts/build.js after tsc, so the
 * bundle is rebuilt whenever its sources are; a checkout that never ran the build has none, and the
 * CLI then loads the modules one by one, with the same answers.
 *
 *   node scripts/bundle-cli.js
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const commands = path.join(root, "dist", "src", "cli", "commands");
const SHARED = ["cli/command.js", "cli/closed-output.js", "util/paths.js"].map((rel) => path.join(root, "dist", "src", rel));

export async function bundleCli() {
  await build({
    input: path.join(commands, "validate.js"),
    platform: "node",
    logLevel: "warn",
    external: (id, importer) => {
      if (!id.startsWith(".") && !path.isAbsolute(id)) return true; // node: builtins and packages
      return SHARED.includes(importer ? path.resolve(path.dirname(importer), id) : id);
    },
    output: { file: path.join(commands, "validate.bundle.js"), format: "esm", codeSplitting: false, sourcemap: false },
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleCli();
