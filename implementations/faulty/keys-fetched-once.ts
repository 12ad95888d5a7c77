/** Fetches Graph's signing keys once and keeps them for its whole life, so a key Graph publishes later is never known. */
import { faulty, withParts } from "./variant.js";
import { keysFetchedOnce } from "./token-bugs.js";

export const variant = faulty({
  id: "keys-fetched-once",
  bug: "never fetches the signing keys again, so a token signed by a newly published key is refused",
  why: "Graph rotates its signing keys: a token naming a kid the bot does not have means the key set must be fetched again (rate-limited), or every notification is refused after a rotation",
  expectedFailures: ["auth.accept.rotated-key"],
  messages: { "auth.accept.rotated-key": /did not fetch the key set again/ },
  createBot: withParts({ keys: keysFetchedOnce }),
});

export const { name, createBot } = variant;
