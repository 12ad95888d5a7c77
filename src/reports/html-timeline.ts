/**
 * A timeline as an inline SVG picture: one row per POST, top to bottom, with the steps it carried
 * (a batch boxed together, duplicates and alterations marked), the bot's answer, and what the bot
 * believed against what the sequence expected. Failing rows are tinted and carry a "✗" as text,
 * so they read without colour too. Text is monospace, so widths follow from character counts.
 */
import { describeExpected, isAnyOf } from "../harness/observation.js";
import { isObject, type JsonValue } from "../util/json.js";
import { toJsonValue } from "./json-safe.js";
import { escapeMarkup } from "./markup.js";
import { postViews, type PostView, type StepMark } from "./model.js";
import { compactJson, oneLine, truncate, wrapText } from "./text.js";

const CHAR = 7.3; // width of a 12px monospace character, rounded up
const LINE = 18;
const PAD = 6;
const COLUMNS = { spine: 12, post: 28, steps: 104, status: 424, observation: 530, end: 1100 };
const STEPS_WIDTH = COLUMNS.status - COLUMNS.steps - 12;
const OBSERVATION_CHARS = Math.floor((COLUMNS.end - COLUMNS.observation - 8) / CHAR);
/** A long mismatch wraps onto this many lines at most; the tooltip has the rest. */
const LINES_PER_ITEM = 4;
const HEADER = 26;

/** A line of the observation column; `full` is its tooltip when the line shows less. */
interface Line { text: string; tone: "ok" | "bad" | "plain"; full?: string }
interface Chip { text: string; css: string; x: number; line: number; width: number }

const chipWidth = (text: string) => Math.ceil(text.length * CHAR) + 14;

function chipText(mark: StepMark): { text: string; css: string } {
  if (mark.kind === "action") return { text: `▶ ${mark.label}`, css: "chip-action" };
  if (mark.kind === "alteration") return { text: `✎ ${mark.label}`, css: "chip-altered" };
  return mark.duplicate ? { text: `↻ ${mark.label} (dup)`, css: "chip-dup" } : { text: mark.label, css: "chip-step" };
}

/** Chips left to right, wrapping within the steps column; a batch gets its own first line naming it. */
function layoutChips(view: PostView): Chip[] {
  const chips: Chip[] = [];
  let x = 0;
  let line = 0;
  if (view.batched) {
    const text = `batch of ${view.marks.filter((m) => m.kind === "notification").length}`;
    chips.push({ text, css: "chip-batch", x: 0, line: 0, width: chipWidth(text) });
    line = 1;
  }
  for (const mark of view.marks) {
    const { text, css } = chipText(mark);
    const shown = truncate(text, Math.floor((STEPS_WIDTH - 14) / CHAR));
    const width = chipWidth(shown);
    if (x > 0 && x + width > STEPS_WIDTH) { x = 0; line++; }
    chips.push({ text: shown, css, x, line, width });
    x += width + 6;
  }
  return chips;
}

/**
 * Observed against expected, field by field; the harness's mismatch lines ("field: expected …")
 * decide what differs. Other mismatch lines (a malformed observation, observe() failing) mean the
 * fields could not be compared: they show as "?" with what the bot answered.
 */
function observationLines(view: PostView): Line[] {
  const { entry } = view;
  const mismatches = entry.mismatches ?? [];
  const lines: Line[] = [];
  if (entry.error) lines.push({ text: `✗ error: ${entry.error}`, tone: "bad" });
  const expected = toJsonValue(entry.expected);
  const observed = toJsonValue(entry.observed);
  const fields = isObject(expected) ? Object.keys(expected) : [];
  const aboutField = (m: string) => fields.some((f) => m.startsWith(`${f}:`));
  const compared = mismatches.every(aboutField);
  for (const field of fields) {
    const wanted = (expected as Record<string, JsonValue>)[field]!;
    const want = describeExpected(wanted, (v) => compactJson(v as JsonValue));
    const got = compactJson(isObject(observed) ? observed[field] ?? null : observed);
    if (!compared) lines.push({ text: `? ${field}: expected ${want}`, tone: "plain" });
    else if (mismatches.some((m) => m.startsWith(`${field}:`))) lines.push({ text: `✗ ${field}: expected ${want}, observed ${got}`, tone: "bad" });
    else lines.push({ text: isAnyOf(wanted) ? `✓ ${field} = ${got} (${want})` : `✓ ${field} = ${want}`, tone: "ok" });
  }
  for (const m of mismatches.filter((m) => !aboutField(m))) lines.push({ text: `✗ ${m}`, tone: "bad" });
  if (entry.observed !== undefined && (fields.length === 0 || !compared)) lines.push({ text: `observed ${observationSummary(observed)}`, tone: "plain", full: `observed ${compactJson(observed)}` });
  if (lines.length === 0) lines.push({ text: "(not observed)", tone: "plain" });
  return lines;
}

/** "state=established, transfer=none": an observation at a glance (unset and empty fields left out; the tooltip has it all). */
function observationSummary(observed: JsonValue): string {
  if (!isObject(observed)) return compactJson(observed);
  const set = Object.entries(observed).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0));
  return set.length === 0 ? "nothing set" : set.map(([k, v]) => `${k}=${typeof v === "string" ? v : compactJson(v)}`).join(", ");
}

function text(x: number, y: number, content: string, css: string, full = content): string {
  const tooltip = full === content ? "" : `<title>${escapeMarkup(full)}</title>`;
  return `<text x="${x}" y="${y}" class="${css}">${tooltip}${escapeMarkup(content)}</text>`;
}

function postRow(view: PostView, top: number): { svg: string; height: number } {
  const chips = layoutChips(view);
  const observation = observationLines(view).flatMap((line) => {
    const full = oneLine(line.full ?? line.text);
    return wrapText(oneLine(line.text), OBSERVATION_CHARS, LINES_PER_ITEM).map((text, i) => ({ ...line, text: i === 0 ? text : `  ${text}`, full }));
  });
  const lines = Math.max(1, ...chips.map((c) => c.line + 1), observation.length);
  const height = lines * LINE + PAD * 2;
  const baseline = (line: number) => top + PAD + line * LINE + 13;
  const state = view.failed ? "fail" : "pass";
  const parts = [`<g class="post ${state}" data-post="${view.entry.post}" data-status="${state}">`];
  parts.push(`<rect class="row-bg" x="0" y="${top}" width="${COLUMNS.end}" height="${height}"/>`);
  parts.push(`<circle class="dot" cx="${COLUMNS.spine}" cy="${top + PAD + 9}" r="5"/>`);
  parts.push(text(COLUMNS.post, baseline(0), `POST ${view.entry.post}${view.failed ? " ✗" : ""}`, "post-label"));
  if (view.batched) {
    const chipLines = Math.max(...chips.map((c) => c.line)) + 1;
    parts.push(`<rect class="batch" x="${COLUMNS.steps - 4}" y="${top + 3}" width="${STEPS_WIDTH + 8}" height="${chipLines * LINE + PAD * 2 - 6}" rx="6"/>`);
  }
  for (const chip of chips) {
    const y = top + PAD + chip.line * LINE;
    parts.push(`<g class="chip ${chip.css}"><rect x="${COLUMNS.steps + chip.x}" y="${y}" width="${chip.width}" height="${LINE - 3}" rx="4"/>${text(COLUMNS.steps + chip.x + 7, y + 12, chip.text, "chip-text")}</g>`);
  }
  const status = view.entry.status === null ? "no answer ✗" : `${view.entry.status}${view.badStatus ? " ✗" : ""}`;
  parts.push(`<g class="status ${view.badStatus ? "fail" : "pass"}"><rect x="${COLUMNS.status}" y="${top + PAD}" width="${chipWidth(status)}" height="${LINE - 3}" rx="4"/>${text(COLUMNS.status + 7, top + PAD + 12, status, "status-text")}</g>`);
  observation.forEach((line, i) => parts.push(text(COLUMNS.observation, baseline(i), line.text, `obs obs-${line.tone}`, line.full)));
  parts.push("</g>");
  return { svg: parts.join(""), height };
}

/** The picture of one timeline; `label` names it for screen readers. */
export function renderTimelineSvg(timeline: Parameters<typeof postViews>[0], label: string): string {
  const rows: string[] = [];
  let top = HEADER;
  for (const view of postViews(timeline)) {
    const row = postRow(view, top);
    rows.push(row.svg);
    top += row.height + 4;
  }
  const height = top + 2;
  const header = [
    text(COLUMNS.post, 16, "POST", "col-head"),
    text(COLUMNS.steps, 16, "steps delivered", "col-head"),
    text(COLUMNS.status, 16, "answer", "col-head"),
    text(COLUMNS.observation, 16, "bot believes (✓ as expected, ✗ mismatch)", "col-head"),
  ].join("");
  const spine = `<line class="spine" x1="${COLUMNS.spine}" y1="${HEADER + PAD + 9}" x2="${COLUMNS.spine}" y2="${Math.max(HEADER + PAD + 9, top - 20)}"/>`;
  return `<svg class="timeline-svg" xmlns="http://www.w3.org/2000/svg" role="img" width="${COLUMNS.end}" height="${height}" viewBox="0 0 ${COLUMNS.end} ${height}"><title>${escapeMarkup(label)}</title>${header}${spine}${rows.join("")}</svg>`;
}
