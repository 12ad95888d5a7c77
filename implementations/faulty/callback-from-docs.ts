/** Sends the docs' sample callbackUri (https://bot.contoso.com/callback) instead of the bot's own. */
import { createCallBody } from "../reference/requests.js";
import { faulty, withParts } from "./variant.js";

const DOCS_CALLBACK = "https://bot.contoso.com/callback";

export const variant = faulty({
  id: "callback-from-docs",
  bug: "sends the callbackUri copied from the docs' examples instead of the callback it is configured with",
  why: "callbackUri is where Graph POSTs every notification of the call; with someone else's URL the bot never hears about its call",
  expectedFailures: ["create-call.*/fidelity.callback"],
  messages: { "create-call.*/fidelity.callback": /the request says "https:\/\/bot\.contoso\.com\/callback"/ },
  createBot: withParts({ createCallBody: (intent) => createCallBody(intent, DOCS_CALLBACK) }),
});

export const { name, createBot } = variant;
