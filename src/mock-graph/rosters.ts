/**
 * Graph's own roster of each call, which GET /communications/calls/{id}/participants lists: what the
 * roster notifications of the run say, at the moment of the newest one sent.
 *
 * A delta roster update carries a sequence number: once Graph sent number n, every update numbered
 * below n had happened, delivered yet or not (notifications may arrive out of order, Graph's roster
 * does not). So the roster Graph lists is the last full roster sent, with every delta update of the
 * call numbered up to the newest one sent applied in order: the sequence's updates are announced
 * before any is sent (plan), as Graph knows its own history. A bot that sees a gap in the numbers
 * and re-reads the roster gets what a real Graph would answer then.
 */
import { isObject, type JsonObject, type JsonValue } from "../util/json.js";

interface DeltaUpdate {
  sequence: number;
  participants: JsonObject[];
}

interface CallRoster {
  /** The participants of the last full roster sent, by id. */
  full: JsonObject[];
  /** Every delta update of the call Graph knows of (announced or sent). */
  deltas: DeltaUpdate[];
  /** The newest sequence number sent; updates up to it have happened. */
  sentUpTo: number;
}

const ROSTER_PATH = /^\/(?:communications|app)\/calls\/([^/]+)\/participants$/i;

export class Rosters {
  private readonly calls = new Map<string, CallRoster>();

  /** The roster notifications Graph will send about a call (a sequence's, bound to the call): its roster's history. */
  plan(bodies: readonly JsonValue[]): void {
    for (const { callId, deltas } of bodies.flatMap(rosterItems)) this.call(callId).deltas.push(...deltas);
  }

  /** A body Graph sent the bot: its roster notifications have happened. */
  sent(body: JsonValue): void {
    for (const { callId, full, deltas } of rosterItems(body)) {
      const roster = this.call(callId);
      if (full) {
        roster.full = full; // a full roster says everything that happened so far
        roster.deltas = roster.deltas.filter((d) => d.sequence > roster.sentUpTo);
      }
      for (const d of deltas) {
        if (!roster.deltas.some((known) => known.sequence === d.sequence)) roster.deltas.push(d);
        roster.sentUpTo = Math.max(roster.sentUpTo, d.sequence);
      }
    }
  }

  /** The participants Graph lists now (an empty roster for a call no roster notification was sent about). */
  list(callId: string): JsonObject[] {
    const roster = this.calls.get(callId);
    if (!roster) return [];
    const byId = new Map(roster.full.map((p) => [String(p.id), p] as const));
    const happened = roster.deltas.filter((d) => d.sequence <= roster.sentUpTo).sort((a, b) => a.sequence - b.sequence);
    for (const { participants } of happened) {
      for (const p of participants) {
        if (isObject(p.removedState)) byId.delete(String(p.id));
        else byId.set(String(p.id), p);
      }
    }
    return [...byId.values()];
  }

  private call(callId: string): CallRoster {
    let roster = this.calls.get(callId);
    if (!roster) this.calls.set(callId, (roster = { full: [], deltas: [], sentUpTo: -Infinity }));
    return roster;
  }
}

/** The roster notifications of a commsNotifications body: per call, a full roster, or delta updates. */
function rosterItems(body: JsonValue): Array<{ callId: string; full?: JsonObject[]; deltas: DeltaUpdate[] }> {
  const items = isObject(body) && Array.isArray(body.value) ? body.value : [];
  return items.flatMap((item) => {
    if (!isObject(item) || typeof item.resourceUrl !== "string" || !Array.isArray(item.resourceData)) return [];
    const callId = ROSTER_PATH.exec(item.resourceUrl)?.[1];
    if (!callId) return [];
    const data = item.resourceData.filter(isObject);
    const deltas = data.filter((d) => d["@odata.type"] === "#microsoft.graph.deltaParticipants");
    if (deltas.length === 0) return [{ callId, full: data.filter((p) => typeof p.id === "string"), deltas: [] }];
    return [{ callId, deltas: deltas.flatMap((d) => {
      const sequence = integer(d.sequenceNumber);
      return sequence === undefined ? [] : [{ sequence, participants: (Array.isArray(d.participants) ? d.participants : []).filter((p): p is JsonObject => isObject(p) && typeof p.id === "string") }];
    }) }];
  });
}

/** sequenceNumber is an Int64: a number, or a string of digits (IEEE754Compatible). */
function integer(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : undefined;
}
