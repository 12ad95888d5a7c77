/**
 * The reference calling bot: creates and transfers calls through Graph over HTTP, accepts every
 * notification Graph may send (batched, duplicated, reordered, with properties and enum values it
 * does not know) once its token shows Graph sent it for this bot and the call's tenant (auth.ts),
 * and keeps what it learns per call. Its parts are separate functions so that each
 * faulty variant in implementations/faulty/ changes exactly one of them.
 */
import type { BotEnvironment, BotUnderTest } from "../../src/harness/adapter.js";
import { LATEST_OBSERVATION_VERSION, type CallObservation, type ObservationVersion } from "../../src/harness/observation.js";
import type { CreateCallIntent, TransferIntent } from "../../src/scenarios/model.js";
import { CallState, isJson } from "./call-state.js";
import type { JWTVerifyGetKey } from "jose";
import { AuthRefusal, bearerToken, remoteKeys, tenantAllows, verifyToken } from "./auth.js";
import { applyNotification, routeOf } from "./notifications.js";
import { createCallBody, transferBody } from "./requests.js";

type Json = Record<string, unknown>;

/** The replaceable parts of a bot. */
export interface BotParts {
  /** Where calls are created, relative to Graph's version root. */
  createCallPath: string;
  createCallBody: typeof createCallBody;
  transferBody: typeof transferBody;
  /** Headers of every request to Graph. */
  headers(env: BotEnvironment): Record<string, string>;
  /** Which call a transfer goes to, given the id Graph gave the call and its 201 body. */
  transferCallId(callId: string, created: Json): string;
  /** The notifications of one POST the bot processes. */
  notificationsOf(body: Json): unknown[];
  applyNotification: typeof applyNotification;
  /** The status the bot answers a POST with (after processing it). */
  answer(body: Json): number;
  /** A chance to refuse a body before processing (a strict parser, say): a status, or undefined to go on. */
  screen(body: Json): number | undefined;
  newCallState(): CallState;
  /** Where the keys that sign notification tokens come from. */
  keys(env: BotEnvironment): JWTVerifyGetKey;
  verifyToken: typeof verifyToken;
  tenantAllows: typeof tenantAllows;
  /** The status a refused notification is answered with. */
  refused(refusal: AuthRefusal): number;
}

export const REFERENCE_PARTS: BotParts = {
  createCallPath: "/communications/calls",
  createCallBody,
  transferBody,
  headers: (env) => ({ Authorization: `Bearer ${env.accessToken}`, "Content-Type": "application/json" }),
  transferCallId: (callId) => callId,
  notificationsOf: (body) => (Array.isArray(body.value) ? body.value : []),
  applyNotification,
  answer: () => 202,
  screen: () => undefined,
  newCallState: () => new CallState(),
  keys: (env) => remoteKeys(env),
  verifyToken,
  tenantAllows,
  refused: (refusal) => refusal.status,
};

export class ReferenceBot implements BotUnderTest {
  protected env: BotEnvironment | undefined;
  protected readonly calls = new Map<string, CallState>();
  /** The 201 body of each call it created, by call id. */
  protected readonly created = new Map<string, Json>();
  /** The tenant of each call the bot created: a notification about it must carry that tenant. */
  private readonly tenants = new Map<string, string>();
  private keys: JWTVerifyGetKey | undefined;

  /** observationVersion: the reference speaks the latest; version 1 is there for harnesses and tests of version 1. */
  constructor(private readonly parts: BotParts = REFERENCE_PARTS, readonly observationVersion: ObservationVersion = LATEST_OBSERVATION_VERSION) {}

  /** In-process, the harness hands notifications to handleNotification; the URL only names the callback. */
  async start(env: BotEnvironment): Promise<{ callbackUrl: string }> {
    this.env = env;
    this.keys = this.parts.keys(env);
    return { callbackUrl: env.callbackUri };
  }

  async createCall(intent: CreateCallIntent): Promise<{ callId: string }> {
    const response = await this.post(this.parts.createCallPath, this.parts.createCallBody(intent, this.env!.callbackUri));
    // Stryker disable next-line StringLiteral: the wording of an error is not behaviour the contract pins (docs/MUTATION.md)
    if (response.status !== 201) throw new Error(`Graph refused the call: ${response.status} ${await response.text()}`);
    const call = (await response.json()) as Json;
    if (typeof call.id !== "string") {
      // Stryker disable next-line StringLiteral: the wording of an error is not behaviour the contract pins (docs/MUTATION.md)
      throw new Error("Graph's 201 response has no call id");
    }
    this.created.set(call.id, call);
    this.adoptCall(call.id, typeof call.tenantId === "string" ? call.tenantId : intent.tenantId ?? this.env!.tenantId);
    return { callId: call.id };
  }

  /** Track a call placed some other way (a client library): its notifications are then accepted for its tenant only. */
  adoptCall(callId: string, tenantId: string): void {
    this.tenants.set(callId, tenantId);
    if (!this.calls.has(callId)) this.calls.set(callId, this.parts.newCallState());
  }

  async transfer(callId: string, intent: TransferIntent): Promise<void> {
    const target = this.parts.transferCallId(callId, this.created.get(callId) ?? {});
    const response = await this.post(`/communications/calls/${encodeURIComponent(target)}/transfer`, this.parts.transferBody(intent));
    // Stryker disable next-line StringLiteral: the wording of an error is not behaviour the contract pins (docs/MUTATION.md)
    if (response.status !== 202) throw new Error(`Graph refused the transfer: ${response.status} ${await response.text()}`);
  }

  async handleNotification(request: Request): Promise<Response> {
    if (!this.env || !this.keys) return new Response(null, { status: 503 });
    // Authenticate before reading the body: an anonymous sender learns nothing from a 400.
    let claims: Json;
    try {
      claims = await this.parts.verifyToken(bearerToken(request), this.keys, this.env);
    } catch (e) {
      return this.refuse(e instanceof AuthRefusal ? e : new AuthRefusal(401, String(e)));
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return new Response(null, { status: 400 });
    }
    if (!isJson(body)) return new Response(null, { status: 400 });
    const tenants = this.parts.notificationsOf(body).flatMap((n) => {
      const tenant = isJson(n) ? this.tenants.get(routeOf(n.resourceUrl)?.callId ?? "") : undefined;
      return tenant === undefined ? [] : [tenant];
    });
    if (!this.parts.tenantAllows(claims.tid, tenants)) return this.refuse(new AuthRefusal(403, `the token's tenant ${JSON.stringify(claims.tid)} is not the call's`));
    return this.process(body);
  }

  /** What a notification POST changes, once it is known to come from Graph for this bot. */
  protected process(body: Json): Response {
    const refused = this.parts.screen(body);
    if (refused !== undefined) return new Response(null, { status: refused });
    for (const notification of this.parts.notificationsOf(body)) {
      if (isJson(notification)) this.parts.applyNotification(this.calls, notification, this.parts.newCallState);
    }
    return new Response(null, { status: this.parts.answer(body) });
  }

  private refuse(refusal: AuthRefusal): Response {
    return new Response(JSON.stringify({ error: refusal.message }), { status: this.parts.refused(refusal), headers: { "Content-Type": "application/json", "WWW-Authenticate": "Bearer" } });
  }

  async observe(callId: string): Promise<CallObservation> {
    return (this.calls.get(callId) ?? this.parts.newCallState()).observe(this.observationVersion);
  }

  async stop(): Promise<void> {
    this.calls.clear();
  }

  private post(path: string, body: unknown): Promise<Response> {
    // Stryker disable next-line StringLiteral: the wording of an error is not behaviour the contract pins (docs/MUTATION.md)
    if (!this.env) throw new Error("start() was not called");
    return fetch(`${this.env.graphBaseUrl}${path}`, { method: "POST", headers: this.parts.headers(this.env), body: JSON.stringify(body) });
  }
}
