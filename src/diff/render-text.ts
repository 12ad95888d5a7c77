/** The default output: one block per schema, a line per change, the witness under each breaking one. */
import type { ClassifiedChange, DiffReport } from "./model.js";
import { CLASSIFICATION_LABELS, rejectingSide, summaryLine, verdictLine, versionLabel, witnessVerdict } from "./render-words.js";

export function renderText(report: DiffReport): string {
  const lines = [`Schema diff: ${versionLabel(report.old)} -> ${versionLabel(report.new)}`];
  if (report.acknowledgementsFile !== undefined) lines.push(`Acknowledgements: ${report.acknowledgementsFile}`);
  let schema: string | undefined;
  for (const change of report.changes) {
    if (change.schema !== schema) {
      schema = change.schema;
      lines.push("", `${change.schema} (${change.profile})`);
    }
    lines.push(...changeLines(change));
  }
  for (const ack of report.unmatchedAcknowledgements) {
    lines.push("", `Acknowledgement matching no change: ${ack.schema} ${ack.pointer || '""'} ${ack.kind} ("${ack.reason}")`);
  }
  lines.push("", summaryLine(report), verdictLine(report));
  return lines.join("\n");
}

function changeLines(change: ClassifiedChange): string[] {
  const label = change.blocking ? CLASSIFICATION_LABELS[change.classification].toUpperCase() : CLASSIFICATION_LABELS[change.classification];
  const lines = [`  ${label}: ${change.kind} ${change.pointer || '""'}: ${change.summary}`];
  if (change.locations.length > 0 && change.classification !== "annotation-only" && change.kind !== "schema-added") lines.push(`    in payloads at ${change.locations.join(", ")}`);
  if (change.acknowledged !== undefined) lines.push(`    acknowledged: ${change.acknowledged}`);
  const { witness } = change;
  if (witness) {
    lines.push(`    witness, ${witnessVerdict(witness)}: ${witness.source}`);
    lines.push(`      ${JSON.stringify(witness.payload)}`);
    for (const e of witness.errors) lines.push(`      ${rejectingSide(witness)}: ${e.pointer || "(the payload)"}: ${e.message} (${e.rule})`);
    if (witness.otherErrors > 0) lines.push(`      (and ${witness.otherErrors} other error${witness.otherErrors === 1 ? "" : "s"} elsewhere)`);
  } else if (change.noWitness !== undefined) {
    lines.push(`    no witness: ${change.noWitness}`);
  }
  return lines;
}
