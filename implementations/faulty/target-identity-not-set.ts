/** Sends the transfer target's identity as a bare identity, without the identitySet around it. */
import { transferBodyThen, type Body } from "./body-changes.js";
import { faulty, withParts } from "./variant.js";

/** The identity inside an identitySet ({ user: identity } -> identity). */
const unwrapped = (identitySet: Body) => Object.entries(identitySet).find(([key]) => key !== "@odata.type")?.[1];

export const variant = faulty({
  id: "target-identity-not-set",
  bug: "puts an identity where transferTarget.identity needs an identitySet (no user/phone slot)",
  why: "the Transfer page: transferTarget.identity is an identitySet whose slot (user, phone, application...) says what kind of party the id names; without the slot Graph cannot tell whom to transfer to and refuses the body",
  expectedFailures: ["call-transfer.*/schema"],
  messages: { "call-transfer.*/schema": /\/transferTarget\/identity/ },
  createBot: withParts({
    transferBody: transferBodyThen((body) => {
      const target = body.transferTarget as Body;
      target.identity = unwrapped(target.identity as Body);
    }),
  }),
});

export const { name, createBot } = variant;
