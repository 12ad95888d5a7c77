/** Sends each target as a bare identitySet, without the invitationParticipantInfo around it. */
import { createCallBodyThen } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";


export const variant = faulty({
  id: "targets-as-identity-sets",
  bug: "sends targets as identitySets instead of invitationParticipantInfos ({ identity: identitySet })",
  why: "the Create call page: targets is a collection of invitationParticipantInfo, whose identity is the identitySet; Graph refuses a target without identity",
  expectedFailures: ["01", "02", "03", "04", "09", "10"].map((ex) => `create-call.v1.0.ex${ex}/schema`),
  messages: { "create-call.v1.0.ex01/schema": /\/targets\/0/ },
  createBot: withParts({
    createCallBody: createCallBodyThen((body) => {
      if (Array.isArray(body.targets)) body.targets = body.targets.map((target: { identity: unknown }) => target.identity);
    }),
  }),
});

export const { name, createBot } = variant;
