/**
 * The commands an installed package offers are the ones that work there; the maintainer's commands
 * (they rewrite a clone's fixtures, schemas and docs, or run its toolchains) are listed only in a
 * clone. suites/package/from-empty-directory.test.ts runs the installed CLI itself.
 */
import { expect, test } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { inRepository, mainUsage } from "../../src/cli/main.js";

const MAINTAINER = ["extract", "generate", "snippets", "compat"];

test("the maintainer's commands are the repository-only ones", () => {
  expect(COMMANDS.filter((c) => c.repositoryOnly).map((c) => c.name).sort()).toEqual([...MAINTAINER].sort());
});

test("an installed package's --help lists no maintainer command", () => {
  const listed = mainUsage(false).split("\n").filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
  expect(listed).toEqual(COMMANDS.filter((c) => !c.repositoryOnly).map((c) => c.name));
  expect(mainUsage(false)).not.toMatch(/Maintainer/);
});

test("a clone's --help lists them apart, after the others", () => {
  expect(inRepository()).toBe(true);
  const usage = mainUsage();
  const heading = usage.indexOf("Maintainer commands (in a clone of the repository only):");
  expect(heading).toBeGreaterThan(usage.indexOf("  validate "));
  for (const name of MAINTAINER) expect(usage.indexOf(`  ${name} `), name).toBeGreaterThan(heading);
});
