/** A timeline as plain lines, one per POST, for the formats that are text (JUnit, Markdown). */
import type { CheckResult, TimelineEntry } from "../harness/checks.js";
import { postViews, type PostView, type StepMark } from "./model.js";
import { compactJson, oneLine } from "./text.js";

const VALUE_WIDTH = 160;

function markText(mark: StepMark): string {
  if (mark.kind === "action") return `${mark.label} (action)`;
  if (mark.kind === "alteration") return `(altered: ${mark.label})`;
  return mark.duplicate ? `${mark.label} (duplicate)` : mark.label;
}

export interface TimelineTextOptions {
  /** At most this many lines: the first POST and the failing ones are kept first, and each gap says how many POSTs it hides. */
  maxLines?: number;
  /** Add the whole observation to lines with a mismatch (the mismatch itself names the differing field's value). */
  withObserved?: boolean;
}

/** "POST 3: [delta-2 + delta-3] (batch) -> 500; MISMATCH participants: expected [...], observed []". */
export function postLine(view: PostView, withObserved = true): string {
  const { entry } = view;
  const steps = view.marks.map(markText).join(" + ");
  const parts = [`POST ${entry.post}: ${view.batched ? `[${steps}] (batch)` : steps} -> ${entry.status ?? "no answer"}`];
  if (entry.error) parts.push(`ERROR ${entry.error}`);
  if (entry.mismatches && entry.mismatches.length > 0) parts.push(`MISMATCH ${entry.mismatches.join("; ")}`);
  else if (entry.expected !== undefined) parts.push(`as expected ${compactJson(entry.expected, VALUE_WIDTH)}`);
  if (withObserved && entry.observed !== undefined && (entry.mismatches?.length ?? 0) > 0) parts.push(`observed ${compactJson(entry.observed, VALUE_WIDTH)}`);
  return oneLine(parts.join("; "));
}

/** The timeline's lines, one per POST. */
export function timelineLines(timeline: readonly TimelineEntry[], { maxLines = Infinity, withObserved = true }: TimelineTextOptions = {}): string[] {
  const views = postViews(timeline);
  const line = (view: PostView) => postLine(view, withObserved);
  if (views.length <= maxLines) return views.map(line);
  const budget = Math.max(1, maxLines - 1); // room for at least one gap line
  const keep = new Set<number>([0]);
  for (const [i, v] of views.entries()) if (v.failed && keep.size < budget) keep.add(i);
  for (let i = 1; keep.size < budget && i < views.length; i++) keep.add(i);
  const lines: string[] = [];
  let hidden = 0;
  for (const [i, view] of views.entries()) {
    if (!keep.has(i)) { hidden++; continue; }
    if (hidden > 0) lines.push(`… ${hidden} POST(s) not shown`);
    hidden = 0;
    lines.push(line(view));
  }
  if (hidden > 0) lines.push(`… ${hidden} POST(s) not shown`);
  return lines;
}

/** How to reproduce a property-based check, when it says. */
export function replayLines(check: Pick<CheckResult, "seed" | "replay">): string[] {
  return [
    ...(check.seed === undefined ? [] : [`seed: ${check.seed}`]),
    ...(check.replay === undefined ? [] : [`replay: ${oneLine(check.replay)}`]),
  ];
}
