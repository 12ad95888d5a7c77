/**
 * The reference calling bot: creates and transfers calls through Graph over HTTP, accepts every
 * notification Graph may send (batched, duplicated, reordered, with properties and enum values it
 * does not know) and keeps what it learns per call. Its parts are separate functions so that each
 * faulty variant in implementations/faulty/ changes exactly one of them.
 */
import type { BotEnvironment, BotUnderTest } from "../../src/harness/adapter.js";
import { LATEST_OBSERVATION_VERSION, type CallObservation, type ObservationVersion } from "../../src/harness/observation.js";
import type { CreateCallIntent, TransferIntent } from "../../src/scenarios/model.js";
import { CallState, isJson } from "./call-state.js";
import { applyNotification } from "./notifications.js";
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
};

export class ReferenceBot implements BotUnderTest {
  protected env: BotEnvironment | undefined;
  protected readonly calls = new Map<string, CallState>();
  /** The 201 body of each call it created, by call id. */
  protected readonly created = new Map<string, Json>();

  /** observationVersion: the reference speaks the latest; version 1 is there for harnesses and tests of version 1. */
  constructor(private readonly parts: BotParts = REFERENCE_PARTS, readonly observationVersion: ObservationVersion = LATEST_OBSERVATION_VERSION) {}

  /** In-process, the harness hands notifications to handleNotification; the URL only names the callback. */
  async start(env: BotEnvironment): Promise<{ callbackUrl: string }> {
    this.env = env;
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
    if (!this.calls.has(call.id)) this.calls.set(call.id, this.parts.newCallState());
    return { callId: call.id };
  }

  async transfer(callId: string, intent: TransferIntent): Promise<void> {
    const target = this.parts.transferCallId(callId, this.created.get(callId) ?? {});
    const response = await this.post(`/communications/calls/${encodeURIComponent(target)}/transfer`, this.parts.transferBody(intent));
    // Stryker disable next-line StringLiteral: the wording of an error is not behaviour the contract pins (docs/MUTATION.md)
    if (response.status !== 202) throw new Error(`Graph refused the transfer: ${response.status} ${await response.text()}`);
  }

  async handleNotification(request: Request): Promise<Response> {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return new Response(null, { status: 400 });
    }
    if (!isJson(body)) return new Response(null, { status: 400 });
    const refused = this.parts.screen(body);
    if (refused !== undefined) return new Response(null, { status: refused });
    for (const notification of this.parts.notificationsOf(body)) {
      if (isJson(notification)) this.parts.applyNotification(this.calls, notification, this.parts.newCallState);
    }
    return new Response(null, { status: this.parts.answer(body) });
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
