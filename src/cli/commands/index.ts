/**
 * Every CLI command, in the order `--help` lists them. A command's module is loaded only when it runs,
 * so `validate` starts without the harness, msw or fast-check, and its usage text (src/cli/usage/)
 * only for --help, which loads nothing else. `repositoryOnly` marks the maintainer's commands, which
 * run in a clone of the repository (npm run extract, generate, snippets, compat) and not from an
 * installed package, where the files they rewrite or read are absent or not theirs to change.
 */
import fs from "node:fs";
import type { CommandEntry } from "../command.js";

/**
 * A command's module, or the one-file bundle of it and its imports that `npm run build` writes next
 * to it (scripts/bundle-cli.js: validate, whose start is what users wait for), when there is one:
 * the same code, one file to load instead of twenty.
 */
async function importBundled<T>(name: string, unbundled: () => Promise<T>): Promise<T> {
  const bundle = new URL(`./${name}.bundle.js`, import.meta.url);
  return fs.existsSync(bundle) ? (import(bundle.href) as Promise<T>) : unbundled();
}

export const COMMANDS: CommandEntry[] = [
  { name: "run", summary: "run the conformance checks against an implementation (the bundled reference by default)", usage: async () => (await import("../usage/run.js")).usage, load: async () => (await import("./run.js")).runCommand },
  { name: "merge-reports", summary: "join the shards of a run (run --shard i/n) into the reports of the whole run", usage: async () => (await import("../usage/merge-reports.js")).usage, load: async () => (await import("./merge-reports.js")).mergeReportsCommand },
  { name: "check-adapter", summary: "check that an implementation speaks the process protocol (PROTOCOL.md), before a run: start, observe, errors, a notification, stop", usage: async () => (await import("../usage/check-adapter.js")).usage, load: async () => (await import("./check-adapter.js")).checkAdapterCommand },
  { name: "checks", summary: "print the check catalog: every check id with its one-line doc (docs/checks.md)", usage: async () => (await import("../usage/checks.js")).usage, load: async () => (await import("./checks.js")).checksCommand },
  { name: "validate", summary: "validate JSON payloads (files, directories, stdin) against the contract", usage: async () => (await import("../usage/validate.js")).usage, load: async () => (await importBundled("validate", () => import("./validate.js"))).validateCommand },
  { name: "schemas", summary: "list the schemas (operations, notifications, and types per profile)", usage: async () => (await import("../usage/schemas.js")).usage, load: async () => (await import("./schemas.js")).schemasCommand },
  { name: "fixtures", summary: "check every documented fixture and invalid case against the schemas, and print a summary", usage: async () => (await import("../usage/fixtures.js")).usage, load: async () => (await import("./fixtures.js")).fixturesCommand },
  { name: "extract", summary: "extract fixtures and errata from the documentation pages (--check: fail if fixtures/ is stale)", usage: async () => (await import("../usage/extract.js")).usage, load: async () => (await import("./extract.js")).extractCommand, repositoryOnly: true },
  { name: "generate", summary: "rebuild the published schemas from schemas/source/, the TypeScript types in generated/ and the OpenAPI/AsyncAPI documents in exports/", usage: async () => (await import("../usage/generate.js")).usage, load: async () => (await import("./generate.js")).generateCommand, repositoryOnly: true },
  { name: "diff", summary: "compare two versions of the published schemas; exit 1 on a breaking change not acknowledged", usage: async () => (await import("../usage/diff.js")).usage, load: async () => (await import("./diff.js")).diffCommand },
  { name: "export", summary: "print the contract as an OpenAPI 3.1 or AsyncAPI 3 document (JSON)", usage: async () => (await import("../usage/export.js")).usage, load: async () => (await import("./export.js")).exportCommand },
  { name: "snippets", summary: "run the documentation's SDK snippets (Python, Go, Java, JavaScript) against the mock Graph and write docs/SNIPPETS.md", usage: async () => (await import("../usage/snippets.js")).usage, load: async () => (await import("./snippets.js")).snippetsCommand, repositoryOnly: true },
  { name: "compat", summary: "run every implementation of implementations/compatibility.json and write the compatibility table", usage: async () => (await import("../usage/compat.js")).usage, load: async () => (await import("./compat.js")).compatCommand, repositoryOnly: true },
];
