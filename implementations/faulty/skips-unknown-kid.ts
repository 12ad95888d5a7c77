/** Verifies the signature when it has the token's key, and lets the token through when it does not. */
import { errors, jwtVerify } from "jose";
import { AuthRefusal, verifyOptions } from "../reference/auth.js";
import { faulty, withParts } from "./variant.js";
import { decodedClaims, handCheckedClaims } from "./token-bugs.js";

export const variant = faulty({
  id: "skips-unknown-kid",
  bug: "accepts a token whose kid is in no published key set, checking only its claims",
  why: "a key Graph does not publish is anyone's key: a token it signed proves nothing, even after the key set is fetched again",
  expectedFailures: ["auth.reject.unknown-kid"],
  messages: { "auth.reject.unknown-kid": /answered 202, not 401 or 403/ },
  createBot: withParts({
    verifyToken: async (token, keys, env) => {
      if (token === undefined) throw new AuthRefusal(401, "no bearer token");
      try {
        return (await jwtVerify(token, keys, verifyOptions(env))).payload;
      } catch (e) {
        if (e instanceof errors.JWKSNoMatchingKey) return handCheckedClaims(decodedClaims(token), env);
        throw new AuthRefusal(401, (e as Error).message);
      }
    },
  }),
});

export const { name, createBot } = variant;
