/**
 * The faulty bots the delivery checker must catch. Most are variants of the catalog of faulty
 * implementations (implementations/faulty/), so the checker is tested against the same bugs the
 * kill matrix proves; strictEnums has no catalog twin (it refuses any endpointType with a 400).
 */
import { REFERENCE_PARTS, ReferenceBot, type BotParts } from "../../implementations/reference/bot.js";
import { variant as firstNotificationOnly } from "../../implementations/faulty/first-notification-only.js";
import { variant as deltaInArrivalOrder } from "../../implementations/faulty/delta-in-arrival-order.js";
import { variant as lateEstablishingRegresses } from "../../implementations/faulty/late-establishing-regresses.js";
import { variant as rejectsUnknownProperty } from "../../implementations/faulty/rejects-unknown-property.js";
import { variant as rejectsDuplicates } from "../../implementations/faulty/rejects-duplicates.js";
import type { BotUnderTest } from "../../src/harness/adapter.js";
import { walkJson } from "../../src/util/json.js";
import { notifications } from "./helpers.js";

type Json = Record<string, unknown>;

const botWith = (parts: Partial<BotParts>) => (): BotUnderTest => new ReferenceBot({ ...REFERENCE_PARTS, ...parts });

const documentedMediaTypes = new Set([...notifications.values()].flatMap((body) => [...walkJson(body)].flatMap(([p, v]) => (p.endsWith("/mediaType") ? [v] : []))));
const hasUnknownEnumValue = (body: Json) => [...walkJson(body)].some(([p, v]) => (p.endsWith("/mediaType") && !documentedMediaTypes.has(v)) || p.endsWith("/endpointType"));

export const FAULTY_BOTS = {
  firstOfBatchOnly: firstNotificationOnly.createBot,
  deltaInArrivalOrder: deltaInArrivalOrder.createBot,
  lateEstablishingWins: lateEstablishingRegresses.createBot,
  strictProperties: rejectsUnknownProperty.createBot,
  /** A strict parser: 400 to an enum value the docs never showed (a mediaType, any endpointType). */
  strictEnums: botWith({ screen: (body) => (hasUnknownEnumValue(body) ? 400 : undefined) }),
  refusesRepeats: rejectsDuplicates.createBot,
};
