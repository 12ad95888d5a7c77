/** The phrases every output format shares, so text, Markdown and JSON never say different things. */
import type { Classification, DiffReport, Witness } from "./model.js";

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  breaking: "breaking",
  "breaking-for-handlers": "breaking for handlers",
  compatible: "compatible",
  "annotation-only": "annotation-only",
};

export function versionLabel(version: DiffReport["old"]): string {
  return version.release === undefined ? version.spec : `${version.spec} (release ${version.release})`;
}

/** "valid under the old schemas, rejected by the new ones (as create-call-request)". */
export function witnessVerdict(witness: Witness): string {
  const [valid, rejected] = witness.direction === "old-valid-new-invalid" ? ["old", "new"] : ["new", "old"];
  return `valid under the ${valid} schemas, rejected by the ${rejected} ones (as ${witness.schema})`;
}

export function rejectingSide(witness: Witness): "old" | "new" {
  return witness.direction === "old-valid-new-invalid" ? "new" : "old";
}

export function summaryLine(report: DiffReport): string {
  const s = report.summary;
  const total = s.breaking + s.breakingForHandlers + s.compatible + s.annotationOnly;
  if (total === 0) return "No schema changes.";
  return `${total} change${total === 1 ? "" : "s"}: ${s.breaking} breaking, ${s.breakingForHandlers} breaking for handlers, ${s.compatible} compatible, ${s.annotationOnly} annotation-only; ${s.acknowledged} acknowledged.`;
}

/** The gate's verdict, one line. */
export function verdictLine(report: DiffReport): string {
  const { blocking } = report.summary;
  if (blocking === 0) return "OK: no unacknowledged breaking change.";
  const where = report.acknowledgementsFile ?? "an acknowledgement file (--changes)";
  return `FAIL: ${blocking} breaking change${blocking === 1 ? " is" : "s are"} not acknowledged: add an entry with schema, pointer, kind and reason to ${where}, or undo the change.`;
}
