/**
 * docs/checks.md, the check catalog, generated from the check registry and the fixtures (every
 * scenario and sequence is a subject): what each kind of check judges, what blocks it, what counts
 * as one root cause, and every subject's id. Every report links to it (catalogLink).
 */
import fs from "node:fs";
import path from "node:path";
import { CHECK_REGISTRY, catalogAnchor, EXIT_CODE_DOCS, STATUS_DOCS, type CheckKindEntry } from "../harness/check-registry.js";
import type { CheckGroup } from "../harness/checks.js";
import { loadScenarios, loadSequences } from "../sequences/load.js";
import { PROJECT_ROOT } from "../util/paths.js";
import { mdCode, mdRow, mdTable, mdText } from "./markdown-syntax.js";
import { GROUP_TITLES } from "./model.js";
import { ROOT_CAUSE_RULE } from "./root-causes.js";

/** Relative to the package root; shipped in the package, so an installed copy has it too. */
export const CHECK_CATALOG_FILE = "docs/checks.md";

let base: string | undefined;
/**
 * Where a report links for a kind's doc: docs/checks.md in the repository named by package.json
 * (a report travels as a CI artifact or a pull-request comment, where only a URL works), else the
 * file in this package.
 */
export function catalogLink(kind?: string): string {
  base ??= repositoryFileUrl(CHECK_CATALOG_FILE) ?? new URL(`file://${path.join(PROJECT_ROOT, CHECK_CATALOG_FILE)}`).href;
  return kind === undefined ? base : `${base}#${catalogAnchor(kind)}`;
}

function repositoryFileUrl(file: string): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { repository?: string | { url?: string } };
    const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
    const github = url && /github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?(?:#.*)?$/.exec(url);
    return github ? `https://github.com/${github[1]}/${github[2]}/blob/main/${file}` : undefined;
  } catch {
    return undefined;
  }
}

const GROUP_ORDER: readonly CheckGroup[] = ["run", "requests", "sequences", "deliveries"];

function entry(e: CheckKindEntry): string {
  return [
    `### <a id="${catalogAnchor(e.kind)}"></a>${mdCode(e.id)}`,
    "",
    `${mdText(e.doc.charAt(0).toUpperCase() + e.doc.slice(1))}.`,
    "",
    `- kind: ${mdCode(e.kind)}; applies to ${mdText(e.appliesTo)}`,
    ...(e.blockedBy ? [`- blocked by: ${mdText(e.blockedBy)}`] : []),
    ...(e.cause ? [`- one root cause: ${mdText(e.cause)}`] : []),
  ].join("\n");
}

export function renderCheckCatalog(): string {
  const scenarios = loadScenarios();
  const sequences = loadSequences();
  const groups = [...new Set([...GROUP_ORDER, ...CHECK_REGISTRY.map((e) => e.group)])].filter((g) => CHECK_REGISTRY.some((e) => e.group === g));
  return [
    "# Check catalog",
    "",
    "<!-- Generated from src/harness/check-registry.ts and the fixtures by `npm run checks`; CI fails when it is stale. -->",
    "",
    `Every check id is a subject (a scenario of ${mdCode("fixtures/scenarios/")} or a sequence of ${mdCode("fixtures/sequences/")}) and a kind of check:`,
    `${mdCode("create-call.v1.0.ex01/schema")} is the kind ${mdCode("schema")} of the scenario ${mdCode("create-call.v1.0.ex01")}. Ids are stable: they are`,
    `what ${mdCode("run --only")}, known defects and the faulty catalog name. Every report links here.`,
    "",
    "## Statuses",
    "",
    mdTable(["status", "meaning"], ["left", "left"], STATUS_DOCS.map((s) => [mdCode(s.status), mdText(s.doc)])),
    "",
    "Exit codes of `run`:",
    "",
    mdTable(["code", "meaning"], ["right", "left"], EXIT_CODE_DOCS.map((e) => [String(e.code), mdText(e.doc)])),
    "",
    "## Root causes",
    "",
    mdText(ROOT_CAUSE_RULE),
    "Every report (stdout, summary.md, index.html, junit.xml, results.json, ctrf.json) leads with the root causes, each with the checks it blocked folded under it, and links here.",
    "",
    ...groups.flatMap((g) => [`## ${GROUP_TITLES[g]}`, "", ...CHECK_REGISTRY.filter((e) => e.group === g).flatMap((e) => [entry(e), ""])]),
    `## Subjects`,
    "",
    `### Scenarios (${scenarios.length})`,
    "",
    mdTable(["id", "operation", "documented example"], ["left", "left", "left"], scenarios.map((s) => [mdCode(s.id), s.intent.operation, mdText(s.description)])),
    "",
    `### Sequences (${sequences.length})`,
    "",
    `Each has ${mdCode("sequence.<id>/step.<step>")} for the steps listed, ${mdCode("/acks")}, ${mdCode("/end")}, and ${mdCode("delivery.<id>")}.`,
    "",
    [mdRow(["id", "steps checked", "sequence"]), "|---|---|---|", ...sequences.map((s) => mdRow([mdCode(s.id), s.steps.filter((st) => st.expect).map((st) => mdCode(st.id)).join(" "), mdText(s.description)]))].join("\n"),
    "",
  ].join("\n");
}
