/** `--format markdown`: a pull-request comment. A table of every change, then each witness in a folded block. */
import type { ClassifiedChange, DiffReport } from "./model.js";
import { CLASSIFICATION_LABELS, rejectingSide, summaryLine, verdictLine, versionLabel, witnessVerdict } from "./render-words.js";

export function renderMarkdown(report: DiffReport): string {
  const out = [`### Schema diff: ${code(versionLabel(report.old))} → ${code(versionLabel(report.new))}`, "", `**${verdictLine(report)}**`, "", summaryLine(report)];
  if (report.changes.length > 0) {
    out.push("", "| Classification | Schema | Change | Pointer | What |", "|---|---|---|---|---|");
    for (const c of report.changes) {
      const label = c.blocking ? `**${CLASSIFICATION_LABELS[c.classification]}**` : c.acknowledged !== undefined ? `${CLASSIFICATION_LABELS[c.classification]} (acknowledged)` : CLASSIFICATION_LABELS[c.classification];
      out.push(`| ${label} | ${code(c.schema)} (${c.profile}) | ${code(c.kind)} | ${code(c.pointer || '""')} | ${cell(c.summary)} |`);
    }
  }
  const proven = report.changes.filter((c) => c.witness !== undefined || c.noWitness !== undefined);
  if (proven.length > 0) out.push("", "#### Witnesses");
  for (const change of proven) out.push("", ...witnessBlock(change));
  if (report.unmatchedAcknowledgements.length > 0) {
    out.push("", "#### Acknowledgements matching no change", "");
    for (const a of report.unmatchedAcknowledgements) out.push(`- ${code(a.schema)} ${code(a.pointer || '""')} ${code(a.kind)}: ${cell(a.reason)}`);
  }
  return out.join("\n");
}

function witnessBlock(change: ClassifiedChange): string[] {
  const title = `<summary>${html(change.schema)} <code>${html(change.pointer || '""')}</code> ${html(change.kind)}</summary>`;
  const body: string[] = [];
  if (change.acknowledged !== undefined) body.push(`Acknowledged: ${cell(change.acknowledged)}`, "");
  const { witness } = change;
  if (witness) {
    body.push(`A payload ${witnessVerdict(witness)}, from ${cell(witness.source)}:`, "", "```json", JSON.stringify(witness.payload, null, 2), "```", "", `The ${rejectingSide(witness)} schemas say:`, "");
    for (const e of witness.errors) body.push(`- ${code(e.pointer || "(the payload)")}: ${cell(e.message)} (${code(e.rule)})`);
    if (witness.otherErrors > 0) body.push(`- and ${witness.otherErrors} other error${witness.otherErrors === 1 ? "" : "s"} elsewhere`);
  } else {
    body.push(`No witness: ${cell(change.noWitness ?? "")}`);
  }
  return ["<details>", title, "", ...body, "", "</details>"];
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.replace(/\|/g, "\\|")}${fence}`;
}

/** Text in a table cell or a list item: no pipes, no line breaks, no HTML. */
function cell(text: string): string {
  return html(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function html(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
