/**
 * The mock Graph as an issuer: it publishes its configuration and key set where a bot can fetch
 * them, in-process and over HTTP alike, and each token it mints is what its name says: jose (an
 * independent verifier) accepts the valid ones and refuses each forgery for the reason it stands for.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setupServer } from "msw/node";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from "jose";
import { GraphMock } from "../../src/mock-graph/graph-mock.js";
import { startGraphServer, type GraphServer } from "../../src/mock-graph/http-server.js";
import { BOTFRAMEWORK_ISSUER, GRAPH_ISSUER, NotificationIssuer, SAMPLES_ISSUER_ORIGIN, type MintOptions } from "../../src/mock-graph/issuer.js";
import { loadContract } from "../../src/index.js";

const APP = "3f6b8a52-9c1d-4e7a-b0f4-6d2e8c5a1b97";
const TENANT = "c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21";
const contract = loadContract();

let issuer: NotificationIssuer;
const server = setupServer();
beforeAll(async () => {
  issuer = await NotificationIssuer.create({ origin: SAMPLES_ISSUER_ORIGIN, appId: APP });
  server.use(...new GraphMock({ contract, issuer }).handlers);
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => server.close());

async function keySet(configurationUrl: string): Promise<JSONWebKeySet> {
  const configuration = (await (await fetch(configurationUrl)).json()) as { jwks_uri: string; issuer: string };
  return (await (await fetch(configuration.jwks_uri)).json()) as JSONWebKeySet;
}

const verify = async (options: MintOptions) =>
  jwtVerify(await issuer.mint(options), createLocalJWKSet(await keySet(issuer.openIdConfigurationUrl)), { algorithms: ["RS256"], issuer: [GRAPH_ISSUER, BOTFRAMEWORK_ISSUER], audience: APP });

describe("in-process", () => {
  test("the configuration names the key set, which publishes the current key only, and each fetch is recorded", async () => {
    const before = issuer.fetches.length;
    const keys = await keySet(issuer.openIdConfigurationUrl);
    expect(keys.keys.map((k) => k.kid)).toEqual([issuer.kid("current")]);
    expect(keys.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(keys.keys[0]).not.toHaveProperty("d");
    expect(issuer.fetches.slice(before).map((f) => f.what)).toEqual(["configuration", "jwks"]);
  });

  test("a valid token: RS256, the current kid, Graph's issuer, the bot's audience, the tenant, an hour of life", async () => {
    const { payload, protectedHeader } = await verify({ tid: TENANT });
    expect(protectedHeader).toMatchObject({ alg: "RS256", kid: issuer.kid("current") });
    expect(payload).toMatchObject({ iss: GRAPH_ISSUER, aud: APP, tid: TENANT });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  test.each<[string, MintOptions, RegExp]>([
    ["a bad signature", { tid: TENANT, signing: { forgedWith: "stray", kid: "current" } }, /signature verification failed/],
    ["an unknown kid", { tid: TENANT, signing: { key: "stray" } }, /no applicable key found/],
    ["alg none", { tid: TENANT, signing: { alg: "none" } }, /"alg" \(Algorithm\) Header Parameter value not allowed/],
    ["HS256 with the public key", { tid: TENANT, signing: { alg: "HS256-public-key" } }, /"alg" \(Algorithm\) Header Parameter value not allowed/],
    ["another issuer", { tid: TENANT, claims: { iss: "https://login.microsoftonline.com/x/v2.0" } }, /unexpected "iss" claim value/],
    ["another audience", { tid: TENANT, claims: { aud: "00000003-0000-0000-c000-000000000000" } }, /unexpected "aud" claim value/],
    ["expired", { tid: TENANT, claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }, /"exp" claim timestamp check failed/],
    ["not yet valid", { tid: TENANT, claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } }, /"nbf" claim timestamp check failed/],
  ])("%s is refused by jose", async (_name, options, error) => {
    await expect(verify(options)).rejects.toThrow(error);
  });

  test("no tenant claim: the token is otherwise valid, without tid", async () => {
    const { payload } = await verify({ tid: null });
    expect(payload).not.toHaveProperty("tid");
  });

  test("the rotated key is published only after rotate(), beside the current one", async () => {
    const rotated = await issuer.mint({ tid: TENANT, signing: { key: "rotated" } });
    expect(decodeProtectedHeader(rotated).kid).toBe(issuer.kid("rotated"));
    await expect(verify({ tid: TENANT, signing: { key: "rotated" } })).rejects.toThrow(/no applicable key found/);
    issuer.rotate();
    expect((await keySet(issuer.openIdConfigurationUrl)).keys.map((k) => k.kid)).toEqual([issuer.kid("current"), issuer.kid("rotated")]);
    await expect(verify({ tid: TENANT, signing: { key: "rotated" } })).resolves.toBeTruthy();
  });
});

describe("over HTTP on 127.0.0.1", () => {
  let http: GraphServer;
  beforeAll(async () => {
    server.close(); // real sockets only
    http = await startGraphServer(async (origin) => new GraphMock({ contract, origin, issuer: await NotificationIssuer.create({ origin, appId: APP }) }));
  });
  afterAll(async () => {
    await http.close();
    server.listen({ onUnhandledRequest: "error" });
  });

  test("the configuration and key set are served by the mock's own server, without a token", async () => {
    const url = http.graph.issuer!.openIdConfigurationUrl;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/\.well-known\/OpenIdConfiguration$/);
    const keys = await keySet(url);
    expect(keys.keys.map((k) => k.kid)).toEqual([http.graph.issuer!.kid("current")]);
  });
});
