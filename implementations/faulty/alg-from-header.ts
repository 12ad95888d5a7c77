/** Verifies with the algorithm the token names, given the published key as a PEM string (jsonwebtoken before 9.0 did this). */
import { decodeProtectedHeader } from "jose";
import { verifyToken } from "../reference/auth.js";
import { faulty, withParts } from "./variant.js";
import { publishedPem, verifyWithOptions } from "./token-bugs.js";

const verifyAnyAlgorithm = verifyWithOptions(({ algorithms: _algorithms, ...options }) => options);

export const variant = faulty({
  id: "alg-from-header",
  bug: "verifies with whatever algorithm the token's header names, so an HS256 token keyed with the public RSA key passes (algorithm confusion)",
  why: "the public key is public: as an HMAC secret it lets anyone sign; the verifier must require RS256 (RFC 8725 3.1, 3.2)",
  expectedFailures: ["auth.reject.alg-confusion"],
  messages: { "auth.reject.alg-confusion": /answered 202, not 401 or 403/ },
  createBot: withParts({
    verifyToken: async (token, keys, env) => {
      const header = token === undefined ? {} : decodeProtectedHeader(token);
      if (token === undefined || !header.alg?.startsWith("HS")) return verifyToken(token, keys, env);
      const pem = new TextEncoder().encode(await publishedPem(env, header.kid));
      return verifyAnyAlgorithm(token, async () => pem, env);
    },
  }),
});

export const { name, createBot } = variant;
