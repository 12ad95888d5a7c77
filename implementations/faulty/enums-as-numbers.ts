/** Serialises requestedModalities as enum numbers (audio = 1), as System.Text.Json does without JsonStringEnumConverter. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

/** Graph's modality members in declaration order: an enum's default JSON is its index. */
const MODALITY_ORDER = ["unknown", "audio", "video", "videoBasedScreenSharing", "data"];

export const variant = faulty({
  id: "enums-as-numbers",
  bug: "sends requestedModalities as numbers ([1]) instead of names ([\"audio\"])",
  why: "Graph's enums travel as their camelCase names (requestedModalities: [\"audio\"]); Graph refuses a number",
  expectedFailures: ["create-call.*/schema"],
  messages: { "create-call.*/schema": /\/requestedModalities\/0: item 0 of "requestedModalities" must be/ },
  createBot: withParts({
    createCallBody: createCallBodyThen((body) => {
      body.requestedModalities = (body.requestedModalities as string[]).map((m) => MODALITY_ORDER.indexOf(m));
    }),
  }),
});

export const { name, createBot } = variant;
