/**
 * The mock Graph: msw handlers for POST /communications/calls (201 with a call carrying a fresh id),
 * POST /communications/calls/{id}/transfer (202) and GET /communications/calls/{id}/participants
 * (the roster, see rosters.ts), answering what Graph answers to a bad request (400/401/404/415 with
 * Graph's error body), and recording every request it sees.
 *
 * One mock, two transports: `respond()` answers a request given as plain data (MockRequest), so
 * the real HTTP server for bots in other processes (http-server.ts) calls it with what it read from
 * the socket, and msw handlers (`handlers`, for an in-process bot's fetch) call it with what they
 * read from the intercepted Request. No Fetch API object is made on the HTTP path. With an issuer,
 * the mock also serves the OpenID configuration and key set its notification tokens are signed with
 * (issuer.ts).
 */
import { createRequire } from "node:module";
import type { HttpHandler } from "msw";
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

/** A request as the mock reads it: the same whether msw intercepted a fetch or the HTTP server read a socket. */
export interface MockRequest {
  method: string;
  /** Absolute, as the URL parser writes it (Request.url). */
  url: string;
  /** Lower-cased names, values without surrounding whitespace (as a Fetch Headers holds them). */
  headers: Record<string, string>;
  /** The body decoded as UTF-8 (a leading BOM dropped, as Response.text() does); "" for none. */
  bodyText: string;
}

/** The mock's answer: lower-cased header names, the body's text ("" for none). */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
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
  /** 10 hex digits naming the subject in progress in every fresh id (beginSubject); zeros before any. */
  private namespace = "0000000000";
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

  /**
   * The msw handlers of an in-process run: every request to the mock's origins (Graph's, and the
   * issuer's when it has its own), answered by respond(). Made once.
   */
  get handlers(): HttpHandler[] {
    if (!this.madeHandlers) {
      // msw is loaded when asked for: the harness intercepts without it (in-process.ts), and msw's import (GraphQL's with
      // it) was a tenth of every run's start. Its CommonJS build, since a getter cannot await an import; msw tells its
      // handlers by their `kind`, not by their class, so an ES-module setupServer takes them.
      const { http } = createRequire(import.meta.url)("msw") as typeof import("msw");
      this.madeHandlers = [...new Set([this.origin, ...(this.issuer ? [this.issuer.origin] : [])])].map((origin) => http.all(`${origin}/*`, ({ request }) => this.respondToRequest(request)));
    }
    return this.madeHandlers;
  }

  /** respond() to a Fetch API Request (an intercepted fetch), as a Response; undefined when it is not for the mock. */
  async respondToRequest(request: Request): Promise<Response | undefined> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => { headers[name] = value; });
    const answer = this.respond({ method: request.method, url: request.url, headers, bodyText: await request.text() });
    return answer && new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
  }

  private madeHandlers: HttpHandler[] | undefined;

  /**
   * Graph's answer to a request, or undefined when it is not for the mock (another origin). Routes
   * are matched as msw matched its path patterns: on origin and path without the query, ignoring
   * case, one trailing slash allowed, path parameters URI-decoded.
   */
  respond(request: MockRequest): MockResponse | undefined {
    const url = new URL(request.url);
    const clean = url.origin + url.pathname;
    const method = request.method.toUpperCase();
    const issued = this.issuer?.respond(method, clean);
    if (issued) return issued;
    // In-process the issuer has its own origin: what it does not serve is unknown there too.
    if (this.issuer && this.issuer.origin !== this.origin && under(clean, this.issuer.origin)) return graphError(404, "NotFound", `${request.method} ${url.pathname} is not served by the mock issuer`);
    if (!under(clean, this.origin)) return undefined;
    const path = clean.slice(this.origin.length);
    for (const route of this.routes) {
      const match = route.method === method ? route.path.exec(path) : null;
      if (match) return route.answer(request, url, match.slice(1).map((p) => decodeURIComponent(p)));
    }
    return this.unknown(request, url);
  }

  private readonly routes: ReadonlyArray<{ method: string; path: RegExp; answer: (request: MockRequest, url: URL, params: string[]) => MockResponse }> = [
    { method: "POST", path: route(PARAM, "communications", "calls"), answer: (request, url, [version]) => this.createCall(request, url, version!) },
    { method: "POST", path: route(PARAM, "communications", "calls", PARAM, "transfer"), answer: (request, url, [version, callId]) => this.transfer(this.capture(request, url, version!), callId!) },
    { method: "GET", path: route(PARAM, "communications", "calls", PARAM, "participants"), answer: (request, url, [version, callId]) => this.listParticipants(request, url, version!, callId!) },
  ];

  private createCall(request: MockRequest, url: URL, version: string): MockResponse {
    const captured = this.capture(request, url, version);
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
    return this.answer(captured, jsonResponse(201, call, { location: `${this.origin}/${version}/communications/calls/${id}` }));
  }

  /** A transfer of `callId` (the request already recorded): 202 for a call Graph created. */
  protected transfer(captured: CapturedRequest, callId: string): MockResponse {
    captured.callId = callId;
    const refusal = this.refuse(captured, "transfer-request");
    if (refusal) return this.answer(captured, refusal);
    if (!this.calls.has(callId)) return this.answer(captured, graphError(404, "ItemNotFound", `No call with id ${callId} exists.`));
    return this.answer(captured, { status: 202, headers: {}, body: "" });
  }

  /** Graph's collection shape: the participants of the roster the notifications sent so far imply. */
  private listParticipants(request: MockRequest, url: URL, version: string, callId: string): MockResponse {
    const captured = this.capture(request, url, version);
    captured.callId = callId;
    const refusal = unauthorized(captured);
    if (refusal) return this.answer(captured, refusal);
    if (!this.calls.has(callId)) return this.answer(captured, graphError(404, "ItemNotFound", `No call with id ${callId} exists.`));
    const context = `${this.origin}/${version}/$metadata#communications/calls('${callId}')/participants`;
    return this.answer(captured, jsonResponse(200, { "@odata.context": context, value: this.rosters.list(callId) }));
  }

  private unknown(request: MockRequest, url: URL): MockResponse {
    const captured = this.capture(request, url, url.pathname.split("/")[1] ?? "");
    // Graph authenticates before it routes: an unknown path without a token is a 401, not a 404.
    const refusal = unauthorized(captured);
    if (refusal) return this.answer(captured, refusal);
    return this.answer(captured, graphError(404, "UnknownOperation", `${request.method} ${captured.path} is not an operation of this mock (create call, transfer, list participants).`));
  }

  /** What Graph answers before it even looks at the operation: auth, content type, JSON, schema. */
  private refuse(captured: CapturedRequest, schema: string): MockResponse | undefined {
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

  private capture(request: MockRequest, url: URL, version: string): CapturedRequest {
    const captured: CapturedRequest = {
      seq: this.requests.length + 1,
      method: request.method,
      url: request.url,
      path: url.pathname.replace(/^\/[^/]+/, ""),
      version,
      headers: request.headers,
      bodyText: request.bodyText,
      ...readBody(request.bodyText),
      status: 0,
    };
    this.requests.push(captured);
    return captured;
  }

  private answer(captured: CapturedRequest, response: MockResponse): MockResponse {
    captured.status = response.status;
    return response;
  }

  /** The id of a call Graph has that no bot created through this mock (an incoming call): notified, never created. */
  foreignCallId(): string {
    return this.freshId();
  }

  /**
   * A scenario or sequence begins: its ids are named after it (10 hex digits of a hash of its id)
   * and counted from 1, so a subject gets the same ids whatever ran before it, in a shard
   * (run --shard) as in the whole run. Ids of different subjects never meet.
   */
  beginSubject(namespace: string): void {
    if (!/^[0-9a-f]{10}$/.test(namespace)) throw new Error(`GraphMock.beginSubject: expected 10 hex digits, got ${JSON.stringify(namespace)}`);
    this.namespace = namespace;
    this.counter = 0;
  }

  /** Deterministic GUIDs: the seed in the first group, the subject's namespace in the middle ones, a counter in the last. */
  private freshId(): string {
    this.counter++;
    const seed = this.seed.toString(16).padStart(8, "0").slice(-8);
    const ns = this.namespace;
    return `${seed}-${ns.slice(0, 4)}-4${ns.slice(4, 7)}-8${ns.slice(7, 10)}-${this.counter.toString(16).padStart(12, "0")}`;
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
function unauthorized(captured: CapturedRequest): MockResponse | undefined {
  const auth = captured.headers["authorization"] ?? "";
  return /^Bearer\s+\S+/.test(auth) ? undefined : graphError(401, "InvalidAuthenticationToken", auth ? "Access token validation failure: not a bearer token." : "Access token is empty.");
}

/** Graph's error body: { error: { code, message, innerError: { date, request-id } } }. */
export function graphError(status: number, code: string, message: string, details?: string[]): MockResponse {
  const error: JsonObject = { code, message, innerError: { date: new Date(0).toISOString(), "request-id": "00000000-0000-0000-0000-000000000000" } };
  if (details && details.length > 1) error.details = details.map((d) => ({ code, message: d }));
  return jsonResponse(status, { error });
}

/** A JSON answer, with the headers msw's HttpResponse.json gave it (content type and length). */
export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): MockResponse {
  const body = JSON.stringify(value);
  return { status, headers: { "content-length": String(Buffer.byteLength(body)), "content-type": "application/json", ...headers }, body };
}

/** A path parameter in route(): one segment, as msw's `:name` (path-to-regexp's default). */
const PARAM = Symbol("param");

/** A path under an origin (`/:version/communications/calls`) as msw matched it: case-insensitive, one trailing slash allowed. */
function route(...segments: Array<string | typeof PARAM>): RegExp {
  if (segments.some((s) => s !== PARAM && !/^[a-z]+$/i.test(s))) throw new Error("route(): literal segments are plain words");
  return new RegExp(`^${segments.map((s) => (s === PARAM ? "/([^/#?]+?)" : `/${s}`)).join("")}[/#?]?$`, "i");
}

/** Whether a request's origin and path (`clean`) fall under `origin/*`, msw's pattern (case-insensitive). */
export function under(clean: string, origin: string): boolean {
  return clean.length > origin.length && clean[origin.length] === "/" && clean.slice(0, origin.length).toLowerCase() === origin.toLowerCase();
}

export function isGraphErrorBody(value: unknown): boolean {
  return isObject(value) && isObject(value.error) && typeof value.error.code === "string";
}
