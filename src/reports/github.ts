/**
 * GitHub Actions output, when the run is in a workflow (GITHUB_ACTIONS=true): one error
 * annotation per root cause, on the scenario or sequence fixture of its first root (the run's
 * annotations list then reads like the root causes), and summary.md appended to the job summary
 * ($GITHUB_STEP_SUMMARY). Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import fs from "node:fs";
import type { RunResult } from "../harness/run.js";
import { blockedSummary, causeHeadline, rootCausesOf } from "./root-causes.js";

/** GitHub's limit of error annotations per step is 10: more would be dropped silently. */
export const ANNOTATIONS_MAX = 10;

/** A workflow command's data: %, CR and LF escaped. */
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** A workflow command's property value: also ":" and ",". */
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=…,title=…::…` lines, the cause that explains the most checks first. */
export function githubAnnotations(result: RunResult): string[] {
  const { causes } = rootCausesOf(result.checks);
  const lines = causes.slice(0, ANNOTATIONS_MAX).map((cause) => {
    const first = cause.roots[0];
    const file = first?.file;
    const blocked = blockedSummary(cause);
    const text = [
      ...(first ? [`${first.id}: ${first.message ?? "failed"}`] : []),
      ...(cause.roots.length > 1 ? [`and ${cause.roots.length - 1} more: ${cause.roots.slice(1).map((r) => r.id).join(", ")}`] : []),
      ...(blocked ? [blocked] : []),
    ].join("\n");
    const props = [...(file ? [`file=${escapeProperty(file)}`] : []), `title=${escapeProperty(`root cause ${cause.number}: ${causeHeadline(cause)}`.slice(0, 250))}`];
    return `::error ${props.join(",")}::${escapeData(text)}`;
  });
  if (causes.length > ANNOTATIONS_MAX) lines.push(`::notice title=${escapeProperty("more root causes")}::${escapeData(`${causes.length - ANNOTATIONS_MAX} more root causes: see the job summary or summary.md`)}`);
  return lines;
}

/** Appends the summary to the job summary file, when the workflow gives one; says why it could not. */
export function appendJobSummary(markdown: string, file = process.env.GITHUB_STEP_SUMMARY): string | undefined {
  if (!file) return undefined;
  try {
    fs.appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
    return undefined;
  } catch (error) {
    return `cannot append to the job summary ${file}: ${(error as Error).message}`;
  }
}
