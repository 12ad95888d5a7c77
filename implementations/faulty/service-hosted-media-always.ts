/** Sends service-hosted media whatever the call asks for. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "service-hosted-media-always",
  bug: "always sends a serviceHostedMediaConfig, even for a call that hosts its own media",
  why: "the Create call page: appHostedMediaConfig (with its blob) is how a bot that processes the media itself asks for it; service-hosted media leaves the bot without the audio it means to process",
  expectedFailures: ["02", "04", "06", "10"].map((ex) => `create-call.v1.0.ex${ex}/fidelity.media`),
  messages: { "create-call.v1.0.ex02/fidelity.media": /media: the scenario says \{"hosting":"app"/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => { body.mediaConfig = { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }; }) }),
});

export const { name, createBot } = variant;
