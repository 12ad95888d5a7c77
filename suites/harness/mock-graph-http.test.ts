/** The mock Graph over real HTTP (for implementations in other processes) answers with the same handlers as in process. */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GraphMock, MAX_BODY_BYTES } from "../../src/mock-graph/graph-mock.js";
import { startGraphServer, type GraphServer } from "../../src/mock-graph/http-server.js";
import { NotificationIssuer } from "../../src/mock-graph/issuer.js";
import { loadContract } from "../../src/index.js";
import { call, TOKEN } from "./mock-graph-request.js";


test("over HTTP, for implementations in other processes, the same mock answers GET participants", async () => {
  const server = await startGraphServer((origin) => new GraphMock({ contract: loadContract(), seed: 1, origin }));
  try {
    const created = (await (await fetch(`${server.graph.baseUrl}/communications/calls`, { method: "POST", headers: { Authorization: TOKEN, "Content-Type": "application/json" }, body: JSON.stringify(call) })).json()) as { id: string };
    server.graph.rosters.sent({ value: [{ changeType: "updated", resourceUrl: `/communications/calls/${created.id}/participants`, resourceData: [{ "@odata.type": "#microsoft.graph.participant", id: "p1" }] }] });
    const response = await fetch(`${server.graph.baseUrl}/communications/calls/${created.id}/participants`, { headers: { Authorization: TOKEN } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { value: Array<{ id: string }> }).value.map((p) => p.id)).toEqual(["p1"]);
  } finally {
    await server.close();
  }
});

test("over HTTP, a 10 MB body is read to its end and answered 413 (not a reset), and recorded", async () => {
  const server = await startGraphServer((origin) => new GraphMock({ contract: loadContract(), seed: 1, origin }));
  try {
    const response = await fetch(`${server.graph.baseUrl}/communications/calls`, { method: "POST", headers: { Authorization: TOKEN, "Content-Type": "application/json" }, body: JSON.stringify({ ...call, targets: new Array(5 * 1024 * 1024).fill(0) }) });
    expect(response.status).toBe(413);
    expect(server.graph.requests.map((r) => r.status)).toEqual([413]);
    // Only what it takes to know the body is too large is kept.
    expect(Buffer.byteLength(server.graph.requests[0]!.bodyText)).toBeLessThanOrEqual(MAX_BODY_BYTES + 4);
  } finally {
    await server.close();
  }
});

describe("over HTTP and in process, the same request gets the same answer and the same record (msw's path matching, Response.text()'s decoding)", () => {
  const transfer = { transferTarget: { identity: { user: { id: "550fae72-d251-43ec-868c-373732c2704f" } } } };
  const cases: Array<[string, string, string, string | undefined, { status: number; code?: string; version?: string; callId?: string; path?: string }]> = [
    ["create call, the path in capitals with a trailing slash", "POST", "/V1.0/Communications/Calls/", JSON.stringify(call), { status: 201, version: "V1.0", path: "/Communications/Calls/" }],
    ["a body behind a UTF-8 byte order mark", "POST", "/v1.0/communications/calls", `\uFEFF${JSON.stringify(call)}`, { status: 201, version: "v1.0" }],
    ["a transfer of a percent-encoded call id", "POST", "/v1.0/communications/calls/a%20b/transfer", JSON.stringify(transfer), { status: 404, code: "ItemNotFound", callId: "a b" }],
    ["a query string", "GET", "/beta/communications/calls/c1/participants?$top=1", undefined, { status: 404, code: "ItemNotFound", version: "beta", callId: "c1" }],
    ["an operation the mock does not know", "POST", "/v1.0/communications/calls/c1/answer", "{}", { status: 404, code: "UnknownOperation", version: "v1.0" }],
    ["a GET of the create-call path", "GET", "/v1.0/communications/calls", undefined, { status: 404, code: "UnknownOperation" }],
  ];
  const inProcess = new GraphMock({ contract: loadContract(), seed: 1 });
  let server: GraphServer;
  let intercept: ReturnType<typeof setupServer>;
  beforeAll(async () => {
    server = await startGraphServer((origin) => new GraphMock({ contract: loadContract(), seed: 1, origin }));
    intercept = setupServer(...inProcess.handlers);
    intercept.listen({ onUnhandledRequest: "bypass" });
  });
  afterAll(async () => {
    intercept.close();
    await server.close();
  });

  test.each(cases)("%s", async (_name, method, path, body, expected) => {
    const answers = [];
    for (const graph of [inProcess, server.graph]) {
      graph.clearRequests();
      const response = await fetch(`${graph.origin}${path}`, { method, headers: { Authorization: TOKEN, "Content-Type": "application/json" }, ...(body !== undefined ? { body } : {}) });
      const text = (await response.text()).replaceAll(graph.origin, "ORIGIN");
      const [recorded] = graph.requests;
      answers.push({ status: response.status, type: response.headers.get("content-type"), location: response.headers.get("location")?.replace(graph.origin, "ORIGIN"), text, recorded: { ...recorded, url: recorded?.url.replace(graph.origin, "ORIGIN"), headers: undefined } });
    }
    expect(answers[1]).toEqual(answers[0]);
    const [answer] = answers;
    expect(answer!.status).toBe(expected.status);
    if (expected.code) expect((JSON.parse(answer!.text) as { error: { code: string } }).error.code).toBe(expected.code);
    expect(answer!.recorded).toMatchObject({ method, status: expected.status, ...(expected.version ? { version: expected.version } : {}), ...(expected.callId ? { callId: expected.callId } : {}), ...(expected.path ? { path: expected.path } : {}) });
  });

  test("the issuer's documents are served at their URLs whatever the case, and recorded as fetches, not as Graph requests", async () => {
    const issuer = await NotificationIssuer.create({ origin: "https://issuer.example", appId: "app" });
    const graph = new GraphMock({ contract: loadContract(), issuer });
    const local = setupServer(...graph.handlers);
    intercept.close();
    local.listen({ onUnhandledRequest: "error" });
    try {
      const jwks = await fetch(issuer.jwksUrl.toUpperCase().replace("HTTPS://ISSUER.EXAMPLE", "https://issuer.example"));
      expect(jwks.status).toBe(200);
      expect(((await jwks.json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid)).toEqual([issuer.kid("current")]);
      const elsewhere = await fetch("https://issuer.example/v1/other");
      expect(elsewhere.status).toBe(404);
      expect(issuer.fetches.map((f) => f.what)).toEqual(["jwks"]);
      expect(graph.requests).toEqual([]);
    } finally {
      local.close();
      intercept.listen({ onUnhandledRequest: "bypass" });
    }
  });
});
