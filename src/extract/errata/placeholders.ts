/**
 * Placeholders published as values ("<message>", "languageId-value", "{id}"): each becomes an erratum
 * and, in the repaired payload, a value: a concrete value the docs give the same property elsewhere
 * (for generator placeholders like "languageId-value"), else a neutral token made from its name.
 */
import { lastToken, setAtPointer, walkJson } from "../../util/json.js";
import { add, recordsOf, where, type ErrataContext } from "./context.js";

const ANGLE = /^<([^<>]+)>$/;
const GENERATED = /^([A-Za-z][A-Za-z0-9]*)-value$/;
const BRACED = /^\{([A-Za-z][\w-]*)\}$/;

export function isPlaceholder(value: unknown): boolean {
  return typeof value === "string" && (ANGLE.test(value) || GENERATED.test(value) || BRACED.test(value));
}

export function detectPlaceholders(ctx: ErrataContext): void {
  const concrete = concreteValues(ctx);
  for (const [doc, record] of recordsOf(ctx.corpus)) {
    if (record.http.url && /\{[^}]+\}/.test(record.http.url)) {
      const id = doc.payloads.filter((r) => r.example === record.example && r.role === "notification")
        .map((r) => /\/calls\/([^/"]+)/.exec(JSON.stringify(r.value))?.[1]).find(Boolean);
      add(record, {
        code: "PLACEHOLDER_PATH",
        subject: "request URL",
        line: record.example.request?.http.line,
        description: `the request URL ${record.http.url} has a placeholder instead of a call id${id ? `; the example's notifications are about call ${id}` : ""}`,
      });
    }
    if (record.value === null || record.value === undefined) continue;
    for (const [pointer, value] of [...walkJson(record.value)]) {
      if (typeof value !== "string" || !isPlaceholder(value)) continue;
      const property = lastToken(pointer) ?? "";
      const borrowed = GENERATED.test(value) ? concrete.get(property) : undefined;
      const replacement = borrowed?.value ?? neutral(value);
      setAtPointer(record.value, pointer, replacement);
      record.repaired = true;
      add(record, {
        code: "PLACEHOLDER_VALUE",
        subject: property,
        pointer,
        line: record.lines.start,
        description: `${JSON.stringify(value)} is a placeholder, not a value of ${property}`,
        repair: borrowed
          ? `replaced with ${JSON.stringify(replacement)}, the value ${where(borrowed.doc, borrowed.record)} gives ${property}`
          : `replaced with the neutral ${JSON.stringify(replacement)}`,
      });
    }
  }
}

/** "<Media Session Configuration>" -> "media-session-configuration". */
function neutral(placeholder: string): string {
  const name = ANGLE.exec(placeholder)?.[1] ?? GENERATED.exec(placeholder)?.[1] ?? BRACED.exec(placeholder)?.[1] ?? placeholder;
  return name.replace(/([a-z])([A-Z])/g, "$1-$2").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

/** The first concrete string value each property has anywhere in the corpus (documents in name order). */
function concreteValues(ctx: ErrataContext) {
  const found = new Map<string, { value: string; doc: (typeof ctx.corpus)[number]; record: Parameters<typeof where>[1] }>();
  for (const [doc, record] of recordsOf(ctx.corpus)) {
    for (const [pointer, value] of walkJson(record.value)) {
      const property = lastToken(pointer);
      if (property && typeof value === "string" && !isPlaceholder(value) && !found.has(property)) found.set(property, { value, doc, record });
    }
  }
  return found;
}
