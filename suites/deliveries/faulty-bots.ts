/**
 * Small faulty bots, each the reference with one part changed, to show that the delivery checks
 * catch what they are for. (The full catalog of faulty implementations is implementations/faulty/;
 * these exist to test the checker.)
 */
import { REFERENCE_PARTS, ReferenceBot, type BotParts } from "../../implementations/reference/bot.js";
import { CallState } from "../../implementations/reference/call-state.js";
import { SchemaStore } from "../../src/arbitraries/index.js";
import type { BotUnderTest } from "../../src/harness/adapter.js";
import { isObject, walkJson } from "../../src/util/json.js";
import { notifications } from "./helpers.js";

type Json = Record<string, unknown>;

const botWith = (parts: Partial<BotParts>) => (): BotUnderTest => new ReferenceBot({ ...REFERENCE_PARTS, ...parts });

/** Applies delta roster updates in arrival order, as if each carried the next sequence number. */
class ArrivalOrderRoster extends CallState {
  private arrivals = 0;

  override applyDelta(update: Json): void {
    const sequence = ++this.arrivals;
    const participants = Array.isArray(update.participants) ? update.participants.map((p) => (isObject(p) ? { ...p, rosterSequenceNumber: sequence } : p)) : [];
    super.applyDelta({ ...update, sequenceNumber: sequence, participants });
  }
}

/** Takes every call state as it comes: a late `establishing` moves an established call back. */
class LateEstablishingWins extends CallState {
  override applyCall(changeType: string, data: Json): void {
    if (data.state === "establishing") this.state = "establishing";
    else super.applyCall(changeType, data);
  }
}

/** What a strict bot knows: the properties the schemas declare, the media types the docs show. */
const declaredNames = SchemaStore.load().declaredPropertyNames();
const documentedMediaTypes = new Set([...notifications.values()].flatMap((body) => [...walkJson(body)].flatMap(([p, v]) => (p.endsWith("/mediaType") ? [v] : []))));

const hasUnknownProperty = (body: Json) => [...walkJson(body)].some(([, v]) => isObject(v) && Object.keys(v).some((k) => !declaredNames.has(k)));
const hasUnknownEnumValue = (body: Json) => [...walkJson(body)].some(([p, v]) => (p.endsWith("/mediaType") && !documentedMediaTypes.has(v)) || p.endsWith("/endpointType"));

/** Answers 409 to a notification it has already seen (it treats at-least-once delivery as a conflict). */
function refusesRepeats(): Pick<BotParts, "screen"> {
  const seen = new Set<string>();
  return {
    screen: (body) => {
      const items = (Array.isArray(body.value) ? body.value : []).map((n) => JSON.stringify(n));
      const repeated = items.some((n, i) => seen.has(n) || items.indexOf(n) !== i);
      items.forEach((n) => seen.add(n));
      return repeated ? 409 : undefined;
    },
  };
}

export const FAULTY_BOTS = {
  /** Handles only the first notification of a batch. */
  firstOfBatchOnly: botWith({ notificationsOf: (body) => (Array.isArray(body.value) ? body.value.slice(0, 1) : []) }),
  deltaInArrivalOrder: botWith({ newCallState: () => new ArrivalOrderRoster() }),
  lateEstablishingWins: botWith({ newCallState: () => new LateEstablishingWins() }),
  /** A strict parser: 400 to a body with a property no schema declares. */
  strictProperties: botWith({ screen: (body) => (hasUnknownProperty(body) ? 400 : undefined) }),
  /** A strict parser: 400 to an enum value the docs never showed (a mediaType, any endpointType). */
  strictEnums: botWith({ screen: (body) => (hasUnknownEnumValue(body) ? 400 : undefined) }),
  /** Created per bot, so each bot remembers only its own notifications. */
  refusesRepeats: () => new ReferenceBot({ ...REFERENCE_PARTS, ...refusesRepeats() }),
};
