/**
 * The documented payloads (fixtures/documented/) attached to each message schema as examples,
 * and those left out: a payload whose errata the contract rejects (e.g. a tenant id that is not
 * a GUID) would be a wrong example of a valid message.
 */
import { expectedErrors, type Decisions } from "../fixtures/decisions.js";
import type { DocumentedFixture } from "../fixtures/model.js";
import type { JsonValue } from "../util/json.js";
import type { MessageSchema } from "./message-schemas.js";
import { compareText } from "./schema-refs.js";

export interface DocumentedExample {
  /** The fixture id ("create-call.fr.v1.0/ex01.request"): the example's name in both documents. */
  name: string;
  /** Names the document (page, language, API version), the example and the message. */
  summary: string;
  /** Where it was published and what was repaired. */
  description: string;
  payload: JsonValue;
}

export interface LeftOutExample {
  name: string;
  summary: string;
  /** Why the contract rejects it. */
  reason: string;
}

export interface SchemaExamples {
  attached: DocumentedExample[];
  leftOut: LeftOutExample[];
}

/** Examples per schema name, for each of `targets`, in fixture id order. */
export function examplesBySchema(fixtures: readonly DocumentedFixture[], decisions: Decisions, targets: readonly MessageSchema[]): Map<string, SchemaExamples> {
  const out = new Map<string, SchemaExamples>(targets.map((t) => [t.name, { attached: [], leftOut: [] }]));
  const ordered = [...fixtures].sort((a, b) => compareText(a.id, b.id));
  for (const fixture of ordered) {
    if (fixture.payload === null) continue; // a 202 has no body to show
    for (const target of targets.filter((t) => fixture.schemas.includes(t.name))) {
      const examples = out.get(target.name)!;
      const rejected = expectedErrors(decisions, fixture.errata, target.profile);
      if (rejected.length === 0) examples.attached.push({ name: fixture.id, summary: fixture.description, description: describeSource(fixture), payload: fixture.payload });
      else examples.leftOut.push({ name: fixture.id, summary: fixture.description, reason: rejectionReason(fixture, rejected, target) });
    }
  }
  return out;
}

function describeSource(fixture: DocumentedFixture): string {
  const p = fixture.provenance;
  const title = p.example.title ? ` "${p.example.title}"${p.example.titleSource ? ` (${p.example.titleSource})` : ""}` : "";
  const origin = p.origin === "snippets" ? `rebuilt from the ${(p.snippets ?? []).map((s) => s.language).join(", ")} SDK snippets` : "published as JSON";
  const lines = [`Example ${p.example.number}${title} of ${p.document}, lines ${p.lines.start}-${p.lines.end}, ${origin}.`];
  const repairs = fixture.errata.filter((e) => e.repair);
  if (repairs.length > 0) lines.push(`Repaired (fixtures/ERRATA.md): ${repairs.map((e) => `${e.pointer ?? e.subject}: ${e.repair}`).join("; ")}.`);
  return lines.join(" ");
}

function rejectionReason(fixture: DocumentedFixture, rejected: ReadonlyArray<{ pointer: string; rule: string }>, target: MessageSchema): string {
  const reasons = rejected.map(({ pointer, rule }) => {
    const errata = fixture.errata.filter((e) => e.pointer === pointer);
    return `${pointer}: ${errata.map((e) => `${e.description} (erratum ${e.code})`).join("; ")}; the contract rejects it (${rule})`;
  });
  return `Invalid as ${target.name}: ${reasons.join("; ")}.`;
}
