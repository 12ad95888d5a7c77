/**
 * Placeholders published as values ("<message>", "languageId-value", "{id}", and type names such as
 * "String" or "Boolean" where a value belongs): each becomes an erratum and, in the repaired payload,
 * a value: a concrete value the docs give the same property elsewhere (for generated placeholders and
 * type names), else a neutral value of the right JSON type made from its name.
 */
import type { JsonValue } from "../../util/json.js";
import { lastToken, setAtPointer, walkJson } from "../../util/json.js";
import type { CorpusDocument, PayloadRecord } from "../model.js";
import { add, recordsByExample, recordsOf, where, type ErrataContext } from "./context.js";

const ANGLE = /^<([^<>]+)>$/;
const GENERATED = /^([A-Za-z][A-Za-z0-9]*)-value$/;
const BRACED = /^\{([A-Za-z][\w-]*)\}$/;
/** Edm and SDK type names, as the docs' generated examples print them in place of a value. */
const TYPE_NAME = /^(?:Edm\.)?([Ss]tring|[Bb]oolean|[Ii]nt(?:16|32|64)|[Dd]ouble|[Ss]ingle|[Dd]ecimal|[Gg]uid|GUID|DateTimeOffset|Duration|[Bb]inary)$/;

type JsonKind = "string" | "boolean" | "number";

/** The JSON type a type name stands for, and the neutral value used when the docs give no concrete one. */
function typeNameValue(name: string, property: string): { kind: JsonKind; neutral: JsonValue } {
  switch (name.toLowerCase()) {
    case "boolean":
      return { kind: "boolean", neutral: false };
    case "int16":
    case "int32":
    case "int64":
    case "double":
    case "single":
    case "decimal":
      return { kind: "number", neutral: 0 };
    case "guid":
      return { kind: "string", neutral: "00000000-0000-0000-0000-000000000000" };
    case "datetimeoffset":
      return { kind: "string", neutral: "2000-01-01T00:00:00Z" };
    case "duration":
      return { kind: "string", neutral: "PT0S" };
    default:
      return { kind: "string", neutral: kebab(property) || "value" };
  }
}

export function isPlaceholder(value: unknown): boolean {
  return typeof value === "string" && (ANGLE.test(value) || GENERATED.test(value) || BRACED.test(value));
}

function isTypeName(value: unknown, property: string): value is string {
  return typeof value === "string" && !property.startsWith("@odata.") && TYPE_NAME.test(value);
}

export function detectPlaceholders(ctx: ErrataContext): void {
  const concrete = concreteValues(ctx);
  for (const [doc, record] of recordsOf(ctx.corpus)) {
    if (record.http.url && /\{[^}]+\}/.test(record.http.url)) {
      const id = (recordsByExample(doc).get(record.example) ?? []).filter((r) => r.role === "notification")
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
      if (typeof value !== "string") continue;
      const property = lastToken(pointer) ?? "";
      let replacement: JsonValue;
      let borrowed: Concrete | undefined;
      let what: string;
      if (isPlaceholder(value)) {
        borrowed = GENERATED.test(value) ? concrete.get(`string:${property}`) : undefined;
        replacement = borrowed?.value ?? neutral(value);
        what = `${JSON.stringify(value)} is a placeholder, not a value of ${property}`;
      } else if (isTypeName(value, property)) {
        const type = typeNameValue(TYPE_NAME.exec(value)![1]!, property);
        borrowed = concrete.get(`${type.kind}:${property}`);
        replacement = borrowed?.value ?? type.neutral;
        what = `${JSON.stringify(value)} is the name of a type, published where a value of ${property} belongs`;
      } else {
        continue;
      }
      setAtPointer(record.value, pointer, replacement);
      record.repaired = true;
      add(record, {
        code: "PLACEHOLDER_VALUE",
        subject: property,
        pointer,
        line: record.lines.start,
        description: what,
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
  return kebab(name);
}

function kebab(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1-$2").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

interface Concrete {
  value: JsonValue;
  doc: CorpusDocument;
  record: PayloadRecord;
}

/** The first concrete value of each JSON type each property has anywhere in the corpus (documents in name order), keyed "type:property". */
function concreteValues(ctx: ErrataContext): Map<string, Concrete> {
  const found = new Map<string, Concrete>();
  for (const [doc, record] of recordsOf(ctx.corpus)) {
    for (const [pointer, value] of walkJson(record.value)) {
      const property = lastToken(pointer);
      if (!property || !(typeof value === "string" || typeof value === "boolean" || typeof value === "number")) continue;
      if (typeof value === "string" && (isPlaceholder(value) || isTypeName(value, property))) continue;
      const key = `${typeof value}:${property}`;
      if (!found.has(key)) found.set(key, { value, doc, record });
    }
  }
  return found;
}
