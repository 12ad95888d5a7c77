/** Requests audio and video whatever the call asks for (a template's default left in). */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "audio-video-always",
  bug: "requests audio and video for every call, whatever modalities it was asked for",
  why: "the Create call page: requestedModalities is what the call asks Graph to set up; a bot that asks for video on an audio call makes Graph negotiate a stream nobody wants (and fail where video is not allowed)",
  expectedFailures: ["create-call.*/fidelity.modalities"],
  messages: { "create-call.*/fidelity.modalities": /requestedModalities: the scenario says \["audio"\], the request says \["audio","video"\]/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => { body.requestedModalities = ["audio", "video"]; }) }),
});

export const { name, createBot } = variant;
