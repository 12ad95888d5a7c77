/**
 * Documented request fixtures -> scenarios (fixtures/scenarios/, written by `npm run extract`).
 * One scenario per example and API version; renderings of the same example in several languages
 * share it when they intend the same thing.
 */
import type { DocumentedFixture } from "../fixtures/model.js";
import { deepEqual, getAtPointer, isObject, setAtPointer, type JsonValue } from "../util/json.js";
import { deriveCreateCall, deriveTransfer } from "./derive.js";
import type { Intent, Scenario } from "./model.js";

const GUID_GROUPS = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i;

export function scenariosFrom(fixtures: readonly DocumentedFixture[]): Scenario[] {
  const byKey = new Map<string, Scenario[]>();
  const ids = new Set<string>();
  for (const fixture of fixtures) {
    const claims = fixture.schemas;
    if (fixture.provenance.role !== "request" || !isObject(fixture.payload)) continue;
    if (!claims.includes("create-call-request") && !claims.includes("transfer-request")) continue;
    const { payload, repairs } = repairedForScenario(fixture);
    const intent: Intent = claims.includes("create-call-request") ? deriveCreateCall(payload) : deriveTransfer(payload);
    const { page, apiVersion, example, language } = fixture.provenance;
    const key = `${page}.${apiVersion}.ex${String(example.number).padStart(2, "0")}`;
    const siblings = byKey.get(key) ?? [];
    const same = siblings.find((s) => deepEqual(s.intent, intent));
    if (same) {
      same.from.push(fixture.id);
      continue;
    }
    // Two revisions of a page in one language, or two examples with one number, must not share a file.
    const base = siblings.length === 0 ? key : `${key}.${language}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    siblings.push({ id, description: describe(fixture, intent), from: [fixture.id], repairs, intent });
    byKey.set(key, siblings);
  }
  return [...byKey.values()].flat().sort((a, b) => a.id.localeCompare(b.id));
}

/** A scenario must be honourable by a correct bot: GUIDs the docs mistyped are made GUIDs again. */
function repairedForScenario(fixture: DocumentedFixture): { payload: JsonValue; repairs: string[] } {
  const payload = structuredClone(fixture.payload) as JsonValue;
  const repairs: string[] = [];
  for (const e of fixture.errata.filter((x) => x.code === "MALFORMED_ID" && x.pointer)) {
    const value = getAtPointer(payload, e.pointer!);
    if (typeof value !== "string" || !GUID_GROUPS.test(value)) continue;
    const fixed = value.replace(/[^0-9a-f-]/gi, "0");
    setAtPointer(payload, e.pointer!, fixed);
    repairs.push(`${e.pointer}: ${JSON.stringify(value)} is not a GUID (erratum MALFORMED_ID); the scenario uses ${JSON.stringify(fixed)}`);
  }
  return { payload, repairs };
}

function describe(fixture: DocumentedFixture, intent: Intent): string {
  const { page, apiVersion, example } = fixture.provenance;
  const title = example.titleSource ?? example.title;
  const head = `${page} example ${example.number} (${apiVersion})${title ? ` "${title}"` : ""}`;
  if (intent.operation === "transfer") {
    const kind = intent.replacesCallId ? "consultative transfer" : "blind transfer";
    return `${head}: ${kind} to a ${intent.target.kind}${intent.transferee ? ", naming the transferee (group call)" : ""}`;
  }
  const what = intent.meeting ? `join a meeting by ${intent.meeting.kind === "organizer" ? "its organizer and chat" : intent.meeting.kind === "joinMeetingId" ? "join meeting id" : "token"}` : `call ${intent.targets.map((t) => `a ${t.kind}`).join(" and ")}`;
  return `${head}: ${what}, ${intent.media.hosting}-hosted media, ${intent.modalities.join("+")}`;
}
