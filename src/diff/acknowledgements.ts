/**
 * The acknowledgement file (CHANGES.json next to the published schemas): the breaking changes a
 * version makes on purpose, each with the reason, so the gate lets them through.
 *
 *   { "acknowledged": [ { "schema": "create-call-request", "pointer": "/required/targets",
 *                         "kind": "required-added", "reason": "Graph rejects a call without targets" } ] }
 *
 * An entry matches the change with the same schema, pointer and kind (as `diff` prints them).
 */
import fs from "node:fs";
import { isObject, type JsonValue } from "../util/json.js";
import type { Acknowledgement, ClassifiedChange } from "./model.js";

export const ACKNOWLEDGEMENTS_FILE = "CHANGES.json";

const ENTRY_FIELDS = ["schema", "pointer", "kind", "reason"] as const;

/** The file is wrong: said with the file and the JSON pointer of the fault. */
export class AcknowledgementFileError extends Error {}

export function readAcknowledgements(file: string): Acknowledgement[] {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AcknowledgementFileError(`${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const fail = (pointer: string, what: string) => new AcknowledgementFileError(`${file}: ${pointer || "(root)"}: ${what}`);
  if (!isObject(document) || !Array.isArray(document.acknowledged)) throw fail("", `must be an object with an "acknowledged" array`);
  const unknown = Object.keys(document).filter((k) => k !== "acknowledged" && k !== "$comment");
  if (unknown.length > 0) throw fail(`/${unknown[0]}`, `unknown key (expected "acknowledged" and an optional "$comment")`);
  return document.acknowledged.map((entry: JsonValue, i: number) => {
    const at = `/acknowledged/${i}`;
    if (!isObject(entry)) throw fail(at, "must be an object with schema, pointer, kind and reason");
    const extra = Object.keys(entry).find((k) => !(ENTRY_FIELDS as readonly string[]).includes(k));
    if (extra !== undefined) throw fail(`${at}/${extra}`, `unknown key (expected ${ENTRY_FIELDS.join(", ")})`);
    for (const field of ENTRY_FIELDS) {
      const value = entry[field];
      // The pointer of a change at the root of a schema is "": only the reason must say something.
      if (typeof value !== "string" || (field !== "pointer" && value.trim() === "")) throw fail(`${at}/${field}`, `must be a ${field === "pointer" ? "" : "non-empty "}string`);
    }
    return { schema: String(entry.schema), pointer: String(entry.pointer), kind: String(entry.kind), reason: String(entry.reason) };
  });
}

/** Marks acknowledged changes (in place) and returns the acknowledgements that match no change. */
export function applyAcknowledgements(changes: ClassifiedChange[], acknowledgements: readonly Acknowledgement[]): Acknowledgement[] {
  const unmatched: Acknowledgement[] = [];
  for (const ack of acknowledgements) {
    const matching = changes.filter((c) => c.schema === ack.schema && c.pointer === ack.pointer && c.kind === ack.kind);
    if (matching.length === 0) unmatched.push(ack);
    for (const change of matching) {
      change.acknowledged = ack.reason;
      change.blocking = false;
    }
  }
  return unmatched;
}
