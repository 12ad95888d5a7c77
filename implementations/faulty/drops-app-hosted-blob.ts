/** Sends app-hosted media without its blob (what msgraph-sdk's serializers do to appHostedMediaConfig). */
import { createCallBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "drops-app-hosted-blob",
  bug: "sends appHostedMediaConfig without its blob, so Graph has no media session configuration for the bot",
  why: "the Create call page's app-hosted examples send the media session configuration in blob; the Kiota serializers of @microsoft/msgraph-sdk drop it the same way (a known defect in the compatibility table)",
  expectedFailures: ["create-call.v1.0.ex02/fidelity.media", "create-call.v1.0.ex10/fidelity.media"],
  messages: { "create-call.v1.0.ex02/fidelity.media": /blob/ },
  createBot: withParts({
    createCallBody: (intent, callbackUri) => {
      const body = createCallBody(intent, callbackUri);
      const media = body.mediaConfig as Record<string, unknown>;
      if (media["@odata.type"] === "#microsoft.graph.appHostedMediaConfig") delete media.blob;
      return body;
    },
  }),
});

export const { name, createBot } = variant;
