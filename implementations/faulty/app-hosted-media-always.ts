/** Built from the app-hosted media sample: every call gets appHostedMediaConfig, whatever it asks for. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "app-hosted-media-always",
  bug: "sends appHostedMediaConfig on every call, even those that ask for service-hosted media (and their prompts to prefetch)",
  why: "the Create call page: serviceHostedMediaConfig lets Graph play prompts (preFetchMedia) for a bot that does not process media itself; appHostedMediaConfig hands the media to a bot that must run the media platform",
  expectedFailures: ["01", "03", "05", "07", "08", "09"].map((ex) => `create-call.v1.0.ex${ex}/fidelity.media`),
  messages: { "create-call.v1.0.ex01/fidelity.media": /"hosting":"service".*"hosting":"app"/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => void (body.mediaConfig = { "@odata.type": "#microsoft.graph.appHostedMediaConfig" })) }),
});

export const { name, createBot } = variant;
