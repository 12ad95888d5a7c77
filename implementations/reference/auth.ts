/**
 * How the reference bot knows a notification comes from Graph: the bearer token Graph signs every
 * notification POST with (PROTOCOL.md, "Notification tokens"). jose verifies it, as Microsoft's
 * calling samples do with their own library: RS256 only, a key of the key set the OpenID
 * configuration publishes (fetched again when a token names a key it does not have, at most once
 * a second), issuer Graph or Bot Framework, audience the bot's application id, within its
 * lifetime (five minutes of clock skew, .NET's default), and a tenant claim. The tenant must also
 * be the tenant of the calls the notification is about.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from "jose";
import type { BotEnvironment } from "../../src/harness/adapter.js";

export const NOTIFICATION_ISSUERS = ["https://graph.microsoft.com", "https://api.botframework.com"];
/** The clock skew tokens are allowed, in seconds (Microsoft.IdentityModel's default). */
export const CLOCK_SKEW_S = 300;
/** At most one key set fetch per this many ms when tokens name unknown keys: a flood of forged kids costs Graph nothing. */
export const KEY_REFRESH_COOLDOWN_MS = 1_000;

/** A notification the bot refuses: the status it answers (401 unauthenticated, 403 not for this call's tenant) and why. */
export class AuthRefusal extends Error {
  constructor(readonly status: 401 | 403, message: string) {
    super(message);
  }
}

export function verifyOptions(env: BotEnvironment): JWTVerifyOptions {
  return { algorithms: ["RS256"], issuer: NOTIFICATION_ISSUERS, audience: env.appId, clockTolerance: CLOCK_SKEW_S, requiredClaims: ["exp"] };
}

/**
 * The signing keys, from the OpenID configuration the bot was given: fetched on first use, cached,
 * and fetched again (rate-limited) when a token names a kid the cached set does not have.
 */
export function remoteKeys(env: BotEnvironment, cooldownDuration = KEY_REFRESH_COOLDOWN_MS): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const load = async (): Promise<JWTVerifyGetKey> => {
    const response = await fetch(env.openIdConfigurationUrl, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`the OpenID configuration answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== "string") throw new Error("the OpenID configuration has no jwks_uri");
    return createRemoteJWKSet(new URL(jwksUri), { cooldownDuration });
  };
  return async (header, token) => {
    // A failed configuration fetch is retried on the next notification, not remembered.
    keys ??= load().catch((e: unknown) => { keys = undefined; throw e; });
    return (await keys)(header, token);
  };
}

/** The bearer token of a request, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}

/** Verify a notification's token; its claims, or an AuthRefusal. */
export async function verifyToken(token: string | undefined, keys: JWTVerifyGetKey, env: BotEnvironment): Promise<JWTPayload> {
  if (token === undefined) throw new AuthRefusal(401, "no bearer token");
  try {
    return (await jwtVerify(token, keys, verifyOptions(env))).payload;
  } catch (e) {
    throw new AuthRefusal(401, `the token is not valid: ${(e as Error).message}`);
  }
}

/** Whether a token's tenant claim may speak for these calls: it is present, and it is each one's tenant. */
export function tenantAllows(tid: unknown, callTenants: readonly string[]): boolean {
  return typeof tid === "string" && tid !== "" && callTenants.every((tenant) => tenant === tid);
}
