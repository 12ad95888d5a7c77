// Notification tokens (PROTOCOL.md, "Notification tokens"): every POST to the callback carries Graph's signed JWT.
// Verified with node:crypto only: RS256 and nothing else, a key of the key set behind the OpenID configuration
// (fetched again on an unknown kid, at most once a second), issuer Graph or Bot Framework, audience the app id,
// lifetime with five minutes of skew, and a tenant claim. The tenant of each call is checked in bot.mjs.
import crypto from "node:crypto";

const ISSUERS = new Set(["https://graph.microsoft.com", "https://api.botframework.com"]);
const SKEW_S = 300;
const REFRESH_COOLDOWN_MS = 1000;
const FETCH_TIMEOUT_MS = 4000;

export class Refused extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const json = (segment) => JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));

async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export function createVerifier({ appId, openIdConfigurationUrl }) {
  let keys = new Map(); // kid -> KeyObject
  let fetchedAt = -Infinity;
  let pending = null;

  const refresh = () =>
    (pending ??= (async () => {
      fetchedAt = Date.now();
      try {
        const { jwks_uri: jwksUri } = await getJson(openIdConfigurationUrl);
        const set = await getJson(jwksUri);
        const next = new Map();
        for (const jwk of Array.isArray(set?.keys) ? set.keys : []) {
          if (jwk?.kty !== "RSA" || typeof jwk.kid !== "string" || (jwk.use ?? "sig") !== "sig") continue;
          try {
            next.set(jwk.kid, crypto.createPublicKey({ key: { kty: "RSA", n: jwk.n, e: jwk.e }, format: "jwk" }));
          } catch {
            // a key we cannot read is a key we do not trust
          }
        }
        keys = next;
      } finally {
        pending = null;
      }
    })());

  async function keyFor(kid) {
    if (typeof kid !== "string") return undefined;
    if (!keys.has(kid) && Date.now() - fetchedAt >= REFRESH_COOLDOWN_MS) await refresh().catch(() => {});
    return keys.get(kid);
  }

  /** The claims of a valid token, or a Refused(401). */
  return async function verify(authorization) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
    if (!token) throw new Refused(401, "no bearer token");
    const parts = token.split(".");
    if (parts.length !== 3) throw new Refused(401, "not a JWT");
    let header, claims;
    try {
      [header, claims] = [json(parts[0]), json(parts[1])];
    } catch {
      throw new Refused(401, "not a JWT");
    }
    if (header?.alg !== "RS256") throw new Refused(401, `alg ${JSON.stringify(header?.alg)} is not RS256`);
    const key = await keyFor(header.kid);
    if (!key || key.asymmetricKeyDetails?.modulusLength < 2048) throw new Refused(401, "no published key for this kid");
    const signed = crypto.verify("sha256", Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], "base64url"));
    if (!signed) throw new Refused(401, "bad signature");
    const now = Date.now() / 1000;
    if (!ISSUERS.has(claims?.iss)) throw new Refused(401, `issuer ${JSON.stringify(claims?.iss)}`);
    if (!(Array.isArray(claims.aud) ? claims.aud : [claims.aud]).includes(appId)) throw new Refused(401, "not for this app");
    if (typeof claims.exp !== "number" || claims.exp < now - SKEW_S) throw new Refused(401, "expired");
    if (typeof claims.nbf === "number" && claims.nbf > now + SKEW_S) throw new Refused(401, "not yet valid");
    if (typeof claims.tid !== "string" || claims.tid === "") throw new Refused(401, "no tenant claim");
    return claims;
  };
}
