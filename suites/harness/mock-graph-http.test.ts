/** The mock Graph over real HTTP (for implementations in other processes) answers with the same handlers as in process. */
import { expect, test } from "vitest";
import { GraphMock, MAX_BODY_BYTES } from "../../src/mock-graph/graph-mock.js";
import { startGraphServer } from "../../src/mock-graph/http-server.js";
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
