/** Sends mediaConfig without its @odata.type, as the SDK snippets that leave it out do. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "media-config-without-odata-type",
  bug: "omits @odata.type on mediaConfig",
  why: "mediaConfig is abstract: only its @odata.type tells Graph whether the media is service-hosted or app-hosted, and Graph answers 400 without it (erratum SNIPPET_DISAGREEMENT: snippets that leave @odata.type out send a different body)",
  // One root per scenario; Graph's 400, the media's fidelity and everything that needs a call are blocked by it.
  expectedFailures: ["create-call.*/schema"],
  messages: { "create-call.*/schema": /\/mediaConfig\/@odata\.type: missing "@odata\.type"/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => delete (body.mediaConfig as Record<string, unknown>)["@odata.type"]) }),
});

export const { name, createBot } = variant;
