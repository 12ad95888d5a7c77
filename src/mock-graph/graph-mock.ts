/**
 * The mock Graph: msw handlers for POST /communications/calls (201 with a call carrying a fresh id),
 * POST /communications/calls/{id}/transfer (202) and GET /communications/calls/{id}/participants
 * (the roster, see rosters.ts), answering what Graph answers to a bad request (400/401/404/415 with
 * Graph's error body), and recording every request it sees.
 *
 * The same handlers serve an in-process bot (msw intercepting its fetch) and, through msw's
 * getResponse, a real HTTP server for bots in other processes. With an issuer, the mock also
 * serves the OpenID configuration and key set its notification tokens are signed with (issuer.ts).
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import type { Contract } from "../contract/validator.js";
import { isObject, type JsonObject } from "../util/json.js";
import { formatContractError } from "../contract/errors.js";
import { scanJson } from "../cli/json-scan.js";
import { Rosters } from "./rosters.js";
import type { NotificationIssuer } from "./issuer.js";

export interface CapturedRequest {
  /** 1-based, in arrival order. */
  seq: number;
  method: string;
  url: string;
  /** Path after the version segment: /communications/calls/{id}/transfer. */
  path: string;
  version: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText: string;
  /** Parsed body, or undefined when it was not JSON, or too large or too deep to be read (`unread` says why). */
  body: unknown;
  /** Why the mock did not read the body: Graph's answer to it (413 over MAX_BODY_BYTES, 400 nested deeper than MAX_BODY_DEPTH). */
  unread?: { status: 413 | 400; code: string; message: string };
  status: number;
  /** The call this request is about: the one a 201 created, or the one a transfer's path names. */
  callId?: string;
}

export interface GraphMockOptions {
  /** Scheme, host and port Graph is reached at: https://graph.microsoft.com, or http://127.0.0.1:PORT for process bots. */
  origin?: string;
  contract: Contract;
  /** Seed of the fresh call ids, so a run's reports are reproducible. */
  seed?: number;
  /** The bot's own tenant: a call whose request names no tenantId is in it (Graph's 201 says which). */
  tenantId?: string;
  /** Signs the notifications and publishes the keys; its handlers come first. */
  issuer?: NotificationIssuer;
}

export class GraphMock {
  readonly origin: string;
  readonly requests: CapturedRequest[] = [];
  /** Calls Graph created: id -> the 201 body. */
  readonly calls = new Map<string, JsonObject>();
  /** The roster of each call, as the notifications of the run say: what GET .../participants lists. */
  readonly rosters = new Rosters();
  private counter = 0;
  private readonly contract: Contract;
  private readonly seed: number;
  readonly tenantId: string | undefined;
  readonly issuer: NotificationIssuer | undefined;

  constructor(options: GraphMockOptions) {
    this.origin = (options.origin ?? "https://graph.microsoft.com").replace(/\/$/, "");
    this.contract = options.contract;
    this.seed = (options.seed ?? 0) >>> 0;
    this.tenantId = options.tenantId;
    this.issuer = options.issuer;
  }

  /** The tenant a call Graph created is in (its 201's tenantId), or the bot's own for any other. */
  tenantOf(callId: string): string | undefined {
    const tenant = this.calls.get(callId)?.tenantId;
    return typeof tenant === "string" ? tenant : this.tenantId;
  }

  /** The base URL a bot is given: Graph's v1.0 root at this origin. */
  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  /** Forget recorded requests (calls stay: later steps transfer them). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  get handlers(): HttpHandler[] {
    const issuer = this.issuer?.handlers ?? [];
    // In-process the issuer has its own origin: what it does not serve is unknown there too.
    const issuerOrigin = this.issuer && this.issuer.origin !== this.origin ? [http.all(`${this.issuer.origin}/*`, ({ request }) => graphError(404, "NotFound", `${request.method} ${new URL(request.url).pathname} is not served by the mock issuer`))] : [];
    return [
      ...issuer,
      ...issuerOrigin,
      http.post(`${this.origin}/:version/communications/calls`, ({ request, params }) => this.createCall(request, String(params.version))),
      http.post(`${this.origin}/:version/communications/calls/:callId/transfer`, ({ request, params }) => this.transfer(request, String(params.version), String(params.callId))),
      http.get(`${this.origin}/:version/communications/calls/:callId/participants`, ({ request, params }) => this.listParticipants(request, String(params.version), String(params.callId))),
      http.all(`${this.origin}/*`, ({ request }) => this.unknown(request)),
    ];
  }

  private async createCall(request: Request, version: string): Promise<Response> {
    const captured = await this.capture(request, version);
    const refusal = this.refuse(captured, "create-call-request");
    if (refusal) return this.answer(captured, refusal);
    const id = this.freshId();
    captured.callId = id;
    const body = captured.body as JsonObject;
    const call: JsonObject = {
      "@odata.type": "#microsoft.graph.call",
      "@odata.context": `${this.origin}/${version}/$metadata#communications/calls/$entity`,
      ...body,
      id,
      state: "establishing",
      direction: "outgoing",
      myParticipantId: this.freshId(),
      callChainId: this.freshId(),
      resultInfo: null,
      answeredBy: null,
      // Graph says which tenant the call is in; the notification tokens for it carry that tenant.
      ...(typeof body.tenantId !== "string" && this.tenantId ? { tenantId: this.tenantId } : {}),
    };
    this.calls.set(id, call);
    return this.answer(captured, HttpResponse.json(call, { status: 201, headers: { Location: `${this.origin}/${version}/communications/calls/${id}` } }));
  }

  private async transfer(request: Request, version: string, callId: string): Promise<Response> {
    const captured = await this.capture(request, version);
    captured.callId = callId;
    const refusal = this.refuse(captured, "transfer-request");
    if (refusal) return this.answer(captured, refusal);
    if (!this.calls.has(callId)) return this.answer(captured, graphError(404, "ItemNotFound", `No call with id ${callId} exists.`));
    return this.answer(captured, new HttpResponse(null, { status: 202 }));
  }

  /** Graph's collection shape: the participants of the roster the notifications sent so far imply. */
  private async listParticipants(request: Request, version: string, callId: string): Promise<Response> {
    const captured = await this.capture(request, version);
    captured.callId = callId;
    const refusal = unauthorized(captured);
    if (refusal) return this.answer(captured, refusal);
    if (!this.calls.has(callId)) return this.answer(captured, graphError(404, "ItemNotFound", `No call with id ${callId} exists.`));
    const context = `${this.origin}/${version}/$metadata#communications/calls('${callId}')/participants`;
    return this.answer(captured, HttpResponse.json({ "@odata.context": context, value: this.rosters.list(callId) }));
  }

  private async unknown(request: Request): Promise<Response> {
    const captured = await this.capture(request, new URL(request.url).pathname.split("/")[1] ?? "");
    // Graph authenticates before it routes: an unknown path without a token is a 401, not a 404.
    const refusal = unauthorized(captured);
    if (refusal) return this.answer(captured, refusal);
    return this.answer(captured, graphError(404, "UnknownOperation", `${request.method} ${captured.path} is not an operation of this mock (create call, transfer, list participants).`));
  }

  /** What Graph answers before it even looks at the operation: auth, content type, JSON, schema. */
  private refuse(captured: CapturedRequest, schema: string): Response | undefined {
    const refusal = unauthorized(captured);
    if (refusal) return refusal;
    const type = captured.headers["content-type"] ?? "";
    if (captured.unread?.status === 413) return graphError(413, captured.unread.code, captured.unread.message);
    if (!/^application\/json\b/i.test(type)) return graphError(415, "UnsupportedMediaType", `Content-Type must be application/json (got ${type ? JSON.stringify(type) : "none"}).`);
    if (captured.unread) return graphError(captured.unread.status, captured.unread.code, captured.unread.message);
    if (captured.body === undefined) return graphError(400, "BadRequest", "The request body is not valid JSON.");
    const result = this.contract.validate(schema, captured.body);
    if (!result.valid) {
      const first = result.errors[0]!;
      return graphError(400, "BadRequest", `${first.pointer || "(body)"}: ${first.message}`, result.errors.map(formatContractError));
    }
    return undefined;
  }

  private async capture(request: Request, version: string): Promise<CapturedRequest> {
    const url = new URL(request.url);
    const bodyText = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => { headers[name.toLowerCase()] = value; });
    const captured: CapturedRequest = {
      seq: this.requests.length + 1,
      method: request.method,
      url: request.url,
      path: url.pathname.replace(/^\/[^/]+/, ""),
      version,
      headers,
      bodyText,
      ...readBody(bodyText),
      status: 0,
    };
    this.requests.push(captured);
    return captured;
  }

  private answer(captured: CapturedRequest, response: Response): Response {
    captured.status = response.status;
    return response;
  }

  /** The id of a call Graph has that no bot created through this mock (an incoming call): notified, never created. */
  foreignCallId(): string {
    return this.freshId();
  }

  /** Deterministic GUIDs: the seed in the first group, a counter in the last. */
  private freshId(): string {
    this.counter++;
    const seed = this.seed.toString(16).padStart(8, "0").slice(-8);
    return `${seed}-0000-4000-8000-${this.counter.toString(16).padStart(12, "0")}`;
  }
}

/** Graph refuses request bodies over 4 MB (413). The mock's HTTP server stops reading there too. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/**
 * Graph's OData reader refuses JSON nested deeper than its MaxNestingDepth (100 by default) with a
 * 400; the mock refuses it before JSON.parse, whose time and what recursive code downstream does
 * with such a value (stack overflows in JSON.stringify) a bot under test must not control.
 */
export const MAX_BODY_DEPTH = 100;

/**
 * The body, read only when Graph would read it: the size and the nesting are checked in one linear
 * pass before JSON.parse, so a hostile body costs the mock milliseconds, not the event loop seconds.
 */
function readBody(bodyText: string): Pick<CapturedRequest, "body" | "unread"> {
  if (bodyText === "") return { body: undefined };
  if (Buffer.byteLength(bodyText) > MAX_BODY_BYTES) return { body: undefined, unread: { status: 413, code: "RequestEntityTooLarge", message: `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.` } };
  const failure = scanJson(bodyText, MAX_BODY_DEPTH);
  if (failure?.kind === "depth") return { body: undefined, unread: { status: 400, code: "BadRequest", message: `The request body nests ${failure.message} (the limit is ${MAX_BODY_DEPTH}).` } };
  // JSON.parse decides what is JSON, as before; the scan only bounded the depth it can reach.
  try {
    return { body: JSON.parse(bodyText) as unknown };
  } catch {
    return { body: undefined };
  }
}

/** Graph's 401 to a request without a bearer token. */
function unauthorized(captured: CapturedRequest): Response | undefined {
  const auth = captured.headers["authorization"] ?? "";
  return /^Bearer\s+\S+/.test(auth) ? undefined : graphError(401, "InvalidAuthenticationToken", auth ? "Access token validation failure: not a bearer token." : "Access token is empty.");
}

/** Graph's error body: { error: { code, message, innerError: { date, request-id } } }. */
export function graphError(status: number, code: string, message: string, details?: string[]): Response {
  const error: JsonObject = { code, message, innerError: { date: new Date(0).toISOString(), "request-id": "00000000-0000-0000-0000-000000000000" } };
  if (details && details.length > 1) error.details = details.map((d) => ({ code, message: d }));
  return HttpResponse.json({ error }, { status });
}

export function isGraphErrorBody(value: unknown): boolean {
  return isObject(value) && isObject(value.error) && typeof value.error.code === "string";
}
