/** Decodes the token and checks its claims by hand, but never verifies its signature. */
import { faulty, withParts } from "./variant.js";
import { decodedClaims, handCheckedClaims } from "./token-bugs.js";
import { AuthRefusal } from "../reference/auth.js";

export const variant = faulty({
  id: "decodes-without-verifying",
  bug: "decodes the token and checks issuer, audience and lifetime, but never verifies the signature",
  why: "a token's claims mean nothing until its signature is verified with one of the keys Graph publishes: anyone can write a token with the right issuer, audience and tenant",
  expectedFailures: ["auth.reject.bad-signature", "auth.reject.unknown-kid", "auth.reject.alg-none", "auth.reject.alg-confusion"],
  messages: { "auth.reject.bad-signature": /changed what the bot believes/ },
  createBot: withParts({
    verifyToken: async (token, _keys, env) => {
      if (token === undefined) throw new AuthRefusal(401, "no bearer token");
      return handCheckedClaims(decodedClaims(token), env);
    },
  }),
});

export const { name, createBot } = variant;
