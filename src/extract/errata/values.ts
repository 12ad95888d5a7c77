/**
 * Values the docs publish in a form Graph has retired or never uses: a deprecated property (the
 * legacy "resource" of a notification, the /app path of resourceUrl) and an enum member in another
 * case than Graph's camelCase ("Running" for running). Each is reported wherever it occurs, however
 * common: unlike FIELD_NOT_IN_TYPE, frequency does not make it right.
 */
import { getAtPointer, isObject, lastToken, walkJson } from "../../util/json.js";
import { add, recordsOf, typeOf, type ErrataContext } from "./context.js";

/** type.property -> what it was and what replaces it. */
const DEPRECATED: Readonly<Record<string, string>> = {
  "commsNotification.resource": "the resource's deprecated /app path; resourceUrl carries the same resource under /communications",
};

const DEPRECATED_NAMES = new Set(Object.keys(DEPRECATED).map((s) => s.slice(s.indexOf(".") + 1)));

export function isDeprecatedProperty(subject: string): boolean {
  return Object.hasOwn(DEPRECATED, subject);
}

export function detectDeprecatedProperties(ctx: ErrataContext): void {
  for (const [, record] of recordsOf(ctx.corpus)) {
    for (const [pointer, value] of walkJson(record.value)) {
      if (!isObject(value)) continue;
      // The property name first (cheap), the owner's type only for a candidate.
      const keys = Object.keys(value).filter((k) => DEPRECATED_NAMES.has(k));
      if (keys.length === 0) continue;
      const type = typeOf(ctx, record, value, pointer);
      for (const key of keys) {
        const why = DEPRECATED[`${type}.${key}`];
        if (why === undefined) continue;
        add(record, { code: "DEPRECATED_PROPERTY", subject: `${type}.${key}`, pointer: `${pointer}/${key}`, line: record.lines.start, description: `${type}.${key} is ${why}` });
      }
    }
  }
}

/** Graph's operationStatus; no schema of the contract covers operations yet. */
const OPERATION_STATUS = ["notStarted", "running", "completed", "failed", "unknownFutureValue"];
const OPERATION_TYPE = /^#?microsoft\.graph\.\w*Operation$/i;

export function detectEnumCasing(ctx: ErrataContext): void {
  const members = new Set<string>(OPERATION_STATUS);
  for (const entry of ctx.entries) collectEnums(entry.schema, members);
  // A schema may accept a casing variant too (operationStatus accepts Running beside running): still an erratum.
  for (const m of [...members]) if (/^[A-Z]/.test(m) && members.has(m.charAt(0).toLowerCase() + m.slice(1))) members.delete(m);
  const folded = new Set([...members].map((m) => m.toLowerCase()));
  for (const [, record] of recordsOf(ctx.corpus)) {
    for (const [pointer, value] of walkJson(record.value)) {
      // Cheap filter first: only a value that is some member in another case can be one.
      if (typeof value !== "string" || members.has(value) || !folded.has(value.toLowerCase())) continue;
      const parentPointer = pointer.slice(0, pointer.lastIndexOf("/"));
      const parent = getAtPointer(record.value, parentPointer);
      const property = lastToken(pointer) ?? "";
      const allowed = enumAt(ctx, record, pointer, parent, property);
      const canonical = allowed?.find((m) => m.toLowerCase() === value.toLowerCase());
      if (!canonical) continue;
      const owner = typeOf(ctx, record, parent, parentPointer) ?? (parentPointer || "body");
      add(record, {
        code: "ENUM_CASING",
        subject: `${owner}.${property}`,
        pointer,
        line: record.lines.start,
        description: `${JSON.stringify(value)} is the ${owner}.${property} member ${JSON.stringify(canonical)} in another case; Graph spells enum members in camelCase`,
      });
    }
  }
}

function enumAt(ctx: ErrataContext, record: Parameters<typeof typeOf>[1], pointer: string, parent: unknown, property: string): string[] | undefined {
  if (property === "status" && isObject(parent) && typeof parent["@odata.type"] === "string" && OPERATION_TYPE.test(parent["@odata.type"])) return OPERATION_STATUS;
  for (const schema of ctx.claims.get(record) ?? []) {
    const found = ctx.index.typeAt(schema, record.value, pointer)?.schema.enum;
    if (Array.isArray(found)) return found.filter((m): m is string => typeof m === "string");
  }
  return undefined;
}

function collectEnums(schema: unknown, into: Set<string>): void {
  if (Array.isArray(schema)) {
    for (const s of schema) collectEnums(s, into);
  } else if (isObject(schema)) {
    if (Array.isArray(schema.enum)) for (const m of schema.enum) if (typeof m === "string") into.add(m);
    for (const v of Object.values(schema)) collectEnums(v, into);
  }
}
