/**
 * Parses mediaStream.mediaType into a closed enum that lists audio, video and data, and throws on any
 * other value (videoBasedScreenSharing, or one Graph adds later): the web framework answers 500.
 */
import { isJson } from "../reference/call-state.js";
import { applyNotification } from "../reference/notifications.js";
import { faulty, withParts } from "./variant.js";

/** The sequences whose rosters carry a videoBasedScreenSharing stream. */
const ROSTER_SEQUENCES = ["delta-roster", "empty-roster", "full-roster-replaced", "group-call", "join-meeting-full-roster"];

const MEDIA_TYPES = new Set(["audio", "video", "data"]);

function parseMediaTypes(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(parseMediaTypes);
  if (!isJson(value)) return;
  if ("mediaType" in value && !MEDIA_TYPES.has(value.mediaType as string)) throw new Error(`unknown mediaType ${JSON.stringify(value.mediaType)}`);
  Object.values(value).forEach(parseMediaTypes);
}

export const variant = faulty({
  id: "throws-on-unknown-media-type",
  bug: "throws (500) on a mediaStream mediaType it does not know",
  why: "modality is an evolvable enum (it ends in unknownFutureValue): the documented rosters already carry videoBasedScreenSharing, and Graph adds members without notice; the contract's receive profile accepts new values, so must a bot",
  // The roster steps after the refused POST, the ends and the deliveries are blocked by the acknowledgements.
  expectedFailures: ROSTER_SEQUENCES.map((s) => `sequence.${s}/acks`),
  messages: { "sequence.group-call/acks": /unknown mediaType "videoBasedScreenSharing"/ },
  createBot: withParts({ applyNotification: (calls, notification, newState) => (parseMediaTypes(notification), applyNotification(calls, notification, newState)) }),
});

export const { name, createBot } = variant;
