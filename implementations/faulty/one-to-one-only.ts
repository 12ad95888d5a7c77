/** Written for one-to-one calls: a call with several targets throws before anything is sent. */
import { createCallBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "one-to-one-only",
  bug: "throws on a create call with more than one target (group calls), so it sends nothing",
  why: "the Create call page places group calls by listing several targets (examples 3 and 4); a bot that can only call one party cannot place them",
  expectedFailures: ["create-call.v1.0.ex03/http.sent", "create-call.v1.0.ex04/http.sent"],
  messages: { "create-call.v1.0.ex03/http.sent": /the bot sent no request to Graph \(createCall\(\) failed: group calls are not supported\)/ },
  createBot: withParts({
    createCallBody: (intent, callbackUri) => {
      if (intent.targets.length > 1) throw new Error("group calls are not supported");
      return createCallBody(intent, callbackUri);
    },
  }),
});

export const { name, createBot } = variant;
