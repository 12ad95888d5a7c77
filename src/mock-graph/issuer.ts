/**
 * The mock Graph as the issuer of notification tokens. Graph signs every notification it POSTs to
 * a calling bot (`Authorization: Bearer <JWT>`, RS256) with keys it publishes through an OpenID
 * configuration; Microsoft's calling samples fetch it from api.aps.skype.com. This issuer has its
 * own RSA keys, serves its configuration and key set (JWKS) through the mock Graph's respond(), so
 * that an in-process bot's fetch and a process bot's HTTP reach the same documents, and mints the tokens the harness
 * sends: valid ones, and each forgery the auth checks need.
 *
 * jose does the JOSE work (key import, thumbprints, signing): it is the well-kept JWT library,
 * and a test suite for token validation must not hand-roll the tokens it judges others by.
 */
import { createHmac } from "node:crypto";
import { SignJWT, calculateJwkThumbprint, exportSPKI, importJWK, type CryptoKey, type JWK } from "jose";
import { jsonResponse, type MockResponse } from "./graph-mock.js";
import { ISSUER_KEYS } from "./issuer-keys.js";

/** The issuers Graph signs calling notifications as (the samples accept both). */
export const GRAPH_ISSUER = "https://graph.microsoft.com";
export const BOTFRAMEWORK_ISSUER = "https://api.botframework.com";
export const NOTIFICATION_ISSUERS = [GRAPH_ISSUER, BOTFRAMEWORK_ISSUER] as const;
/** Where the calling samples find the configuration, path and all; in-process the issuer answers at this origin. */
export const SAMPLES_ISSUER_ORIGIN = "https://api.aps.skype.com";
export const OPENID_CONFIGURATION_PATH = "/v1/.well-known/OpenIdConfiguration";
export const JWKS_PATH = "/v1/.well-known/openid-configuration/jwks";
/** How long a minted token lives (Graph's are about an hour). */
export const TOKEN_LIFETIME_S = 3600;

/**
 * The issuer's keys: `current` is published from the start, `rotated` only once rotate() is called,
 * `stray` never (an attacker's key).
 */
export type KeyName = "current" | "rotated" | "stray";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** The public key as PEM: what an algorithm-confusion attack uses as an HMAC secret. */
  publicPem: string;
}

/**
 * How a token is made. The claims default to a valid token for `tid`; a claim given as null is
 * left out. `signing` names the forgery, if any.
 */
export interface MintOptions {
  tid: string | null;
  claims?: Record<string, unknown>;
  signing?:
    | { key: KeyName }
    /** Signed by the stray key, under the current key's kid: a bad signature. */
    | { forgedWith: "stray"; kid: "current" }
    | { alg: "none" }
    /** HS256 with the current key's public PEM as the HMAC secret (algorithm confusion). */
    | { alg: "HS256-public-key" };
}

export interface KeyFetch {
  what: "configuration" | "jwks";
  at: number;
}

let keySet: Promise<Record<KeyName, SigningKey>> | undefined;

/** The committed keys (issuer-keys.ts says why they are not generated), imported once per process. */
function issuerKeys(): Promise<Record<KeyName, SigningKey>> {
  keySet ??= (async () => {
    const load = async (jwk: JWK): Promise<SigningKey> => {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
      const privateKey = (await importJWK(jwk, "RS256")) as CryptoKey;
      const publicKey = (await importJWK(publicJwk, "RS256", { extractable: true })) as CryptoKey;
      return { kid: await calculateJwkThumbprint(publicJwk), privateKey, publicJwk, publicPem: await exportSPKI(publicKey) };
    };
    const [current, rotated, stray] = await Promise.all([load(ISSUER_KEYS.current), load(ISSUER_KEYS.rotated), load(ISSUER_KEYS.stray)]);
    return { current, rotated, stray };
  })();
  return keySet;
}

export interface IssuerOptions {
  /** Where the configuration and key set are served: the HTTP mock's origin, or the samples' host in-process. */
  origin: string;
  /** The bot's application id: every token's audience. */
  appId: string;
}

export class NotificationIssuer {
  readonly origin: string;
  readonly appId: string;
  /** Every fetch of the configuration or the key set, in order: the key rotation check reads it. */
  readonly fetches: KeyFetch[] = [];
  private readonly published = new Set<KeyName>(["current"]);
  private readonly signed = new Map<string, string>();

  private constructor(options: IssuerOptions, private readonly keys: Record<KeyName, SigningKey>) {
    this.origin = options.origin.replace(/\/$/, "");
    this.appId = options.appId;
  }

  static async create(options: IssuerOptions): Promise<NotificationIssuer> {
    return new NotificationIssuer(options, await issuerKeys());
  }

  get openIdConfigurationUrl(): string {
    return `${this.origin}${OPENID_CONFIGURATION_PATH}`;
  }

  get jwksUrl(): string {
    return `${this.origin}${JWKS_PATH}`;
  }

  /** Publish the rotated key beside the current one, as Graph does when it rolls its keys. */
  rotate(): void {
    this.published.add("rotated");
  }

  kid(key: KeyName): string {
    return this.keys[key].kid;
  }

  /** The last time the bot fetched the key set (or the configuration), in ms since the epoch. */
  lastFetch(): number | undefined {
    return this.fetches.at(-1)?.at;
  }

  /**
   * The configuration or the key set when a request is a GET of one of them (`clean`: its origin and
   * path; case-insensitive, one trailing slash allowed, as msw matched them), undefined otherwise.
   */
  respond(method: string, clean: string): MockResponse | undefined {
    if (method !== "GET") return undefined;
    const is = (url: string) => { const c = clean.toLowerCase(); const u = url.toLowerCase(); return c === u || c === `${u}/`; };
    if (is(this.openIdConfigurationUrl)) {
      this.fetches.push({ what: "configuration", at: Date.now() });
      // The shape of the document the samples fetch: the issuer, where the keys are, RS256.
      return jsonResponse(200, {
        issuer: BOTFRAMEWORK_ISSUER,
        authorization_endpoint: `${this.origin}/v1/authorize`,
        jwks_uri: this.jwksUrl,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (is(this.jwksUrl)) {
      this.fetches.push({ what: "jwks", at: Date.now() });
      const keys = [...this.published].map((name) => ({ ...this.keys[name].publicJwk, kid: this.keys[name].kid, use: "sig", alg: "RS256" }));
      return jsonResponse(200, { keys });
    }
    return undefined;
  }

  /** A token for one notification POST: valid unless `options` says which forgery. */
  async mint(options: MintOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { iss: GRAPH_ISSUER, aud: this.appId, iat: now, nbf: now, exp: now + TOKEN_LIFETIME_S, tid: options.tid, ...options.claims };
    for (const [name, value] of Object.entries(claims)) if (value === null || value === undefined) delete claims[name];
    const signing = options.signing ?? { key: "current" };
    if ("alg" in signing) {
      const current = this.keys.current;
      if (signing.alg === "none") return `${segment({ alg: "none", typ: "JWT", kid: current.kid })}.${segment(claims)}.`;
      const input = `${segment({ alg: "HS256", typ: "JWT", kid: current.kid })}.${segment(claims)}`;
      return `${input}.${createHmac("sha256", current.publicPem).update(input).digest("base64url")}`;
    }
    const signer = "forgedWith" in signing ? this.keys.stray : this.keys[signing.key];
    const kid = "forgedWith" in signing ? this.keys.current.kid : signer.kid;
    // RS256 is deterministic, and iat has a one-second grain: the same input is the same token, so
    // a run's hundreds of POSTs per second cost one RSA signature each second, not one each.
    const input = JSON.stringify([signer.kid, kid, claims]);
    const cached = this.signed.get(input);
    if (cached) return cached;
    const token = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", kid }).sign(signer.privateKey);
    if (this.signed.size >= 64) this.signed.clear();
    this.signed.set(input, token);
    return token;
  }
}

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
