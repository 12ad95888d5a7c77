/**
 * Pieces the faulty token validators are made of: each variant is the reference's verifyToken with
 * one realistic mistake, built from jose as the reference is, or from the hand-rolled checks such
 * code often has instead (decode, then look at the claims).
 */
import { createLocalJWKSet, decodeJwt, exportSPKI, importJWK, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from "jose";
import type { BotEnvironment } from "../../src/harness/adapter.js";
import { AuthRefusal, CLOCK_SKEW_S, NOTIFICATION_ISSUERS, verifyOptions } from "../reference/auth.js";
import type { BotParts } from "../reference/bot.js";

/** The reference's verification with some of jose's options changed (a property set to undefined is dropped). */
export function verifyWithOptions(change: (options: JWTVerifyOptions) => JWTVerifyOptions): BotParts["verifyToken"] {
  return async (token, keys, env) => {
    if (token === undefined) throw new AuthRefusal(401, "no bearer token");
    try {
      return (await jwtVerify(token, keys, change(verifyOptions(env)))).payload;
    } catch (e) {
      throw new AuthRefusal(401, (e as Error).message);
    }
  };
}

/** The claim checks such code writes by hand: issuer, audience, lifetime (with the reference's skew). */
export function handCheckedClaims(payload: JWTPayload, env: BotEnvironment): JWTPayload {
  const now = Date.now() / 1000;
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!NOTIFICATION_ISSUERS.includes(String(payload.iss))) throw new AuthRefusal(401, "wrong issuer");
  if (!audiences.includes(env.appId)) throw new AuthRefusal(401, "wrong audience");
  if (typeof payload.exp !== "number" || payload.exp < now - CLOCK_SKEW_S) throw new AuthRefusal(401, "expired");
  if (typeof payload.nbf === "number" && payload.nbf > now + CLOCK_SKEW_S) throw new AuthRefusal(401, "not yet valid");
  return payload;
}

export function decodedClaims(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch (e) {
    throw new AuthRefusal(401, (e as Error).message);
  }
}

/** The key set behind the bot's OpenID configuration, fetched now. */
export async function fetchKeySet(env: BotEnvironment): Promise<JSONWebKeySet> {
  const configuration = (await (await fetch(env.openIdConfigurationUrl)).json()) as { jwks_uri: string };
  return (await (await fetch(configuration.jwks_uri)).json()) as JSONWebKeySet;
}

/** The key set fetched once, on first use, and never again (no refresh when a token names a new key). */
export function keysFetchedOnce(env: BotEnvironment): JWTVerifyGetKey {
  let local: Promise<JWTVerifyGetKey> | undefined;
  return async (header, token) => {
    local ??= fetchKeySet(env).then((set) => createLocalJWKSet(set));
    return (await local)(header, token);
  };
}

/** A published key as PEM, the way libraries that take "the key" as a string are given it. */
export async function publishedPem(env: BotEnvironment, kid: string | undefined): Promise<string> {
  const jwk = (await fetchKeySet(env)).keys.find((k) => k.kid === kid);
  if (!jwk) throw new AuthRefusal(401, `no key ${kid}`);
  return exportSPKI((await importJWK({ ...jwk, alg: "RS256" }, "RS256", { extractable: true })) as CryptoKey);
}
