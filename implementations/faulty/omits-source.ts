/** Never says who calls: the create call body has no source. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "omits-source",
  bug: "omits source (the calling application or application instance) from the create call request",
  why: "the Create call page: a call to a phone (PSTN) must come from an application instance with a phone number, named in source.identity.applicationInstance; without it Graph cannot place the call",
  expectedFailures: ["02", "03", "04", "09", "10"].map((ex) => `create-call.v1.0.ex${ex}/fidelity.source`),
  messages: { "create-call.v1.0.ex09/fidelity.source": /the scenario says "applicationInstance 3d913abb-aec0-4964-8fa6-3c6850c4f278 \(\\"Calling Bot\\"\)", the request says "nobody"/ },
  createBot: withParts({ createCallBody: createCallBodyThen((body) => delete body.source) }),
});

export const { name, createBot } = variant;
