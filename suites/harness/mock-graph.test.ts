/** The mock Graph answers as Graph does, and records every request it sees. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { setupServer } from "msw/node";
import { GraphMock, MAX_BODY_BYTES, MAX_BODY_DEPTH } from "../../src/mock-graph/graph-mock.js";
import { sentRequest } from "../../src/harness/request-checks.js";
import type { JsonObject, JsonValue } from "../../src/util/json.js";
import { loadContract } from "../../src/index.js";
import { call, TOKEN } from "./mock-graph-request.js";
import { cpuTimer } from "../cpu-time.js";

const graph = new GraphMock({ contract: loadContract(), seed: 0xabc });
const server = setupServer(...graph.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => graph.clearRequests());

const post = (path: string, body: unknown, headers: Record<string, string> = { Authorization: TOKEN, "Content-Type": "application/json" }) =>
  fetch(`${graph.baseUrl}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("create call", () => {
  test("201 with the call, a fresh deterministic id, state establishing and a Location", async () => {
    const response = await post("/communications/calls", call);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.id).toMatch(/^00000abc-0000-4000-8000-[0-9a-f]{12}$/);
    expect(body).toMatchObject({ state: "establishing", callbackUri: call.callbackUri, "@odata.type": "#microsoft.graph.call" });
    expect(response.headers.get("Location")).toBe(`${graph.baseUrl}/communications/calls/${body.id}`);
    expect(loadContract().validate("create-call-response", body).errors).toEqual([]);
    expect(graph.requests).toHaveLength(1);
    expect(graph.requests[0]).toMatchObject({ method: "POST", path: "/communications/calls", version: "v1.0", status: 201, callId: body.id });
  });

  test.each([
    ["no Authorization", call, { "Content-Type": "application/json" }, 401, "InvalidAuthenticationToken"],
    ["a body that is not JSON", "{not json", { Authorization: TOKEN, "Content-Type": "application/json" }, 400, "BadRequest"],
    ["a text/plain body", call, { Authorization: TOKEN, "Content-Type": "text/plain" }, 415, "UnsupportedMediaType"],
    ["a body the strict profile rejects", { ...call, callbackURL: "x" }, { Authorization: TOKEN, "Content-Type": "application/json" }, 400, "BadRequest"],
  ])("%s: %i with Graph's error body", async (_name, body, headers, status, code) => {
    const response = await post("/communications/calls", body, headers as Record<string, string>);
    expect(response.status).toBe(status);
    const error = (await response.json()) as { error: { code: string; message: string } };
    expect(error.error.code).toBe(code);
    expect(error.error.message.length).toBeGreaterThan(0);
    expect(graph.requests.at(-1)?.status).toBe(status);
  });

  test("a schema refusal names the first error's pointer", async () => {
    const response = await post("/communications/calls", { ...call, callbackURL: "x" });
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain("/callbackURL");
  });
});

describe("bounded work on any body (a bot under test must not be able to freeze the harness)", () => {
  const graphError = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

  test("a body over 4 MB is Graph's 413, recorded without being parsed", async () => {
    const response = await post("/communications/calls", { ...call, targets: new Array(MAX_BODY_BYTES / 2).fill(0) });
    expect(response.status).toBe(413);
    expect(await graphError(response)).toMatchObject({ code: "RequestEntityTooLarge", message: "The request body is over 4 MB." });
    expect(graph.requests[0]).toMatchObject({ status: 413, body: undefined, unread: { status: 413 } });
  });

  test("a body nested deeper than 100 levels is a 400 before JSON.parse: 1,000,000 levels answer in well under a second of CPU", async () => {
    const deep = JSON.stringify({ ...call, targets: [] }).replace('"targets":[]', `"targets":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`);
    // CPU time, not the clock: beside other suites the request can wait seconds for a core, and that is no work.
    const cpuMs = cpuTimer();
    const response = await post("/communications/calls", deep);
    expect(response.status).toBe(400);
    expect(await graphError(response)).toMatchObject({ code: "BadRequest", message: `The request body nests more than ${MAX_BODY_DEPTH} levels of arrays and objects (the limit is ${MAX_BODY_DEPTH}).` });
    expect(graph.requests[0]).toMatchObject({ status: 400, body: undefined });
    // JSON.parse alone took 5 s on this body; the scan is linear and stops at level 101.
    expect(cpuMs()).toBeLessThan(1_000);
  });

  test("100 levels are read as usual (and refused by the schema, not by the depth)", async () => {
    const response = await post("/communications/calls", { ...call, nested: JSON.parse(`${"[".repeat(98)}${"]".repeat(98)}`) as unknown });
    expect(response.status).toBe(400);
    expect((await graphError(response)).message).toContain("/nested");
  });

  test("100,000 targets: the schema's 400 lists a bounded number of errors", async () => {
    const response = await post("/communications/calls", { ...call, targets: new Array(100_000).fill(0) });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { error: { details: unknown[] } };
    expect(error.error.details.length).toBeLessThanOrEqual(100);
  });

  test("the evidence a report shows of a large body is its beginning, not the whole body on every failing check", () => {
    const bodyText = JSON.stringify({ ...call, targets: new Array(100_000).fill(0) });
    const evidence = sentRequest({ seq: 1, method: "POST", url: "", path: "/communications/calls", version: "v1.0", headers: {}, bodyText, body: JSON.parse(bodyText) as unknown, status: 400 });
    expect(evidence.body).toBeUndefined();
    expect(evidence.bodyText).toHaveLength(4_000 + `... (${bodyText.length.toLocaleString("en-US")} characters in all)`.length);
  });
});

describe("transfer", () => {
  test("202 for a call Graph created, 404 for any other id", async () => {
    const created = (await (await post("/communications/calls", call)).json()) as { id: string };
    const body = { transferTarget: { identity: { user: { id: "550fae72-d251-43ec-868c-373732c2704f" } } } };
    expect((await post(`/communications/calls/${created.id}/transfer`, body)).status).toBe(202);
    const unknown = await post("/communications/calls/11111111-2222-4333-8444-555555555555/transfer", body);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("ItemNotFound");
    expect(graph.requests.map((r) => r.callId)).toEqual([created.id, created.id, "11111111-2222-4333-8444-555555555555"]);
  });
});

test("an unknown route without a token is a 401, as Graph authenticates before it routes", async () => {
  const response = await post("/communications/calls/abc/answer", {}, { "Content-Type": "application/json" });
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
});

test("a call created without a tenantId is in the bot's tenant, and Graph's 201 says so", async () => {
  const withTenant = new GraphMock({ contract: loadContract(), origin: "https://graph.tenant.example", tenantId: "c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21" });
  const local = setupServer(...withTenant.handlers);
  server.close();
  local.listen({ onUnhandledRequest: "error" });
  try {
    const send = (body: unknown) => fetch(`${withTenant.baseUrl}/communications/calls`, { method: "POST", headers: { Authorization: TOKEN, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const plain = (await (await send(call)).json()) as { id: string; tenantId?: string };
    expect(plain.tenantId).toBe("c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21");
    const named = (await (await send({ ...call, tenantId: "aa67bd4c-8475-432d-bd41-39f255720e0a" })).json()) as { id: string; tenantId?: string };
    expect(named.tenantId).toBe("aa67bd4c-8475-432d-bd41-39f255720e0a");
    expect([withTenant.tenantOf(plain.id), withTenant.tenantOf(named.id), withTenant.tenantOf("unknown")]).toEqual(["c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21", "aa67bd4c-8475-432d-bd41-39f255720e0a", "c4a1e6d0-2b7f-4c39-8e15-9a0d3f7b6e21"]);
  } finally {
    local.close();
    server.listen({ onUnhandledRequest: "error" });
  }
});

test("an operation the mock does not have is a 404 with Graph's error body, and is recorded", async () => {
  const response = await post("/communications/calls/abc/answer", {});
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UnknownOperation");
  expect(graph.requests.at(-1)).toMatchObject({ path: "/communications/calls/abc/answer", status: 404 });
});

describe("list participants", () => {
  const get = (id: string, headers: Record<string, string> = { Authorization: TOKEN }) => fetch(`${graph.baseUrl}/communications/calls/${id}/participants`, { headers });
  const participant = (id: string, extra: JsonObject = {}): JsonObject => ({ "@odata.type": "#microsoft.graph.participant", id, info: { identity: { user: { id } } }, ...extra });
  const roster = (callId: string, resourceData: JsonValue[]): JsonValue => ({ value: [{ changeType: "updated", resourceUrl: `/communications/calls/${callId}/participants`, resourceData }] });
  const delta = (callId: string, sequenceNumber: number | string, participants: JsonObject[]) =>
    roster(callId, [{ "@odata.type": "#microsoft.graph.deltaParticipants", sequenceNumber, participants }]);
  const listed = async (id: string) => {
    const response = await get(id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { "@odata.context": string; value: Array<{ id: string }> };
    expect(body["@odata.context"]).toBe(`${graph.origin}/v1.0/$metadata#communications/calls('${id}')/participants`);
    return body.value.map((p) => p.id).sort();
  };
  const created = async () => ((await (await post("/communications/calls", call)).json()) as { id: string }).id;

  test("a call no roster notification was sent about lists nobody; 404 for a call Graph never created; 401 without a token", async () => {
    const id = await created();
    expect(await listed(id)).toEqual([]);
    const unknown = await get("11111111-2222-4333-8444-555555555555");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("ItemNotFound");
    const anonymous = await get(id, {});
    expect(anonymous.status).toBe(401);
    expect(graph.requests.at(-1)).toMatchObject({ method: "GET", path: `/communications/calls/${id}/participants`, status: 401, callId: id });
  });

  test("a full roster lists its participants, the last one sent replacing the ones before", async () => {
    const id = await created();
    graph.rosters.sent(roster(id, [participant("a"), participant("b")]));
    expect(await listed(id)).toEqual(["a", "b"]);
    graph.rosters.sent(roster(id, [participant("b")]));
    expect(await listed(id)).toEqual(["b"]);
  });

  test("delta updates: every update numbered up to the newest sent has happened, delivered yet or not", async () => {
    const id = await created();
    const updates = [delta(id, 1, [participant("john")]), delta(id, 2, [participant("ana")]), delta(id, 3, [participant("john", { removedState: { reason: "left" } })]), delta(id, "4", [participant("eve")])];
    graph.rosters.plan(updates);
    expect(await listed(id)).toEqual([]); // planned, nothing sent yet
    graph.rosters.sent(updates[0]!);
    expect(await listed(id)).toEqual(["john"]);
    graph.rosters.sent(updates[2]!); // number 3 sent before 2: Ana joined before John left
    expect(await listed(id)).toEqual(["ana"]);
    graph.rosters.sent(updates[1]!); // the late one changes nothing Graph did not already list
    expect(await listed(id)).toEqual(["ana"]);
    graph.rosters.sent(updates[3]!); // an Int64 sequence number written as a string
    expect(await listed(id)).toEqual(["ana", "eve"]);
  });

  test("a full roster replaces what the updates before it said; updates numbered after it apply on it; /app/calls counts", async () => {
    const id = await created();
    const updates = [delta(id, 1, [participant("a")]), delta(id, 2, [participant("b")]), delta(id, 3, [participant("c")])];
    graph.rosters.plan(updates);
    graph.rosters.sent(updates[0]!);
    expect(await listed(id)).toEqual(["a"]);
    graph.rosters.sent({ value: [{ changeType: "updated", resourceUrl: `/app/calls/${id}/participants`, resourceData: [participant("x")] }] });
    expect(await listed(id)).toEqual(["x"]); // the deprecated path names the same call; the full roster says everything so far
    graph.rosters.sent(updates[2]!); // number 3 sent: number 2 has happened too, after the full roster
    expect(await listed(id)).toEqual(["b", "c", "x"]);
    graph.rosters.sent(updates[2]!); // a duplicate changes nothing
    expect(await listed(id)).toEqual(["b", "c", "x"]);
  });

  test("a roster for another call, or another collection, leaves this call's roster alone", async () => {
    const id = await created();
    const other = await created();
    graph.rosters.sent(roster(other, [participant("x")]));
    graph.rosters.sent({ value: [{ changeType: "created", resourceUrl: `/communications/calls/${id}/contentsharingsessions`, resourceData: [{ id: "s1" }] }] });
    expect(await listed(id)).toEqual([]);
    expect(await listed(other)).toEqual(["x"]);
  });
});
