/** Takes the token's alg header at its word: "none" means there is no signature to check. */
import { decodeProtectedHeader } from "jose";
import { verifyToken } from "../reference/auth.js";
import { faulty, withParts } from "./variant.js";
import { decodedClaims, handCheckedClaims } from "./token-bugs.js";

export const variant = faulty({
  id: "accepts-alg-none",
  bug: "accepts an unsigned token (alg none), checking only its claims",
  why: "Graph signs with RS256; the algorithm is the verifier's to require, never the token's to choose (RFC 8725 3.1): an alg none token is a forgery anyone can write",
  expectedFailures: ["auth.reject.alg-none"],
  messages: { "auth.reject.alg-none": /answered 202, not 401 or 403/ },
  createBot: withParts({
    verifyToken: async (token, keys, env) => {
      if (token !== undefined && decodeProtectedHeader(token).alg === "none") return handCheckedClaims(decodedClaims(token), env);
      return verifyToken(token, keys, env);
    },
  }),
});

export const { name, createBot } = variant;
