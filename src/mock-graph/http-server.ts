/**
 * The mock Graph over real HTTP, for implementations in other processes: a server on 127.0.0.1
 * that hands every request to the same msw handlers the in-process mock uses (msw's getResponse),
 * so there is one mock, not two.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { getResponse } from "msw";
import { MAX_BODY_BYTES, type GraphMock } from "./graph-mock.js";

export interface GraphServer {
  graph: GraphMock;
  origin: string;
  close(): Promise<void>;
}

/** Listen on a free port of 127.0.0.1, then build the mock (and its issuer) for that origin. */
export async function startGraphServer(makeGraph: (origin: string) => GraphMock | Promise<GraphMock>): Promise<GraphServer> {
  let graph: GraphMock | undefined;
  const server = http.createServer((req, res) => {
    void serve(graph!, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  graph = await makeGraph(origin);
  return {
    graph,
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A body is read to its end (so the bot gets the 413, not a reset) unless it goes on past this. */
const MAX_READ_BYTES = 16 * MAX_BODY_BYTES;

async function serve(graph: GraphMock, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    // Only the first MAX_BODY_BYTES + 1 bytes are kept: enough for the mock to see a body is too large and answer 413.
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_READ_BYTES) {
        req.destroy();
        return;
      }
      if (kept <= MAX_BODY_BYTES) {
        const part = (chunk as Buffer).subarray(0, MAX_BODY_BYTES + 1 - kept);
        chunks.push(part);
        kept += part.length;
      }
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    let body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
    // Graph accepts compressed request bodies, and Kiota's default middleware (msgraph-sdk-go's) gzips them.
    const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
    if (body && (encoding === "gzip" || encoding === "deflate")) {
      try {
        body = (encoding === "gzip" ? zlib.gunzipSync : zlib.inflateSync)(body, { maxOutputLength: MAX_BODY_BYTES + 1 });
      } catch (e) {
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "BadRequest", message: `The ${encoding} request body could not be decompressed: ${(e as Error).message}` } }));
        return;
      }
    }
    const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, { method: req.method ?? "GET", headers, ...(body ? { body } : {}) });
    const response = (await getResponse(graph.handlers, request)) ?? new Response(JSON.stringify({ error: { code: "UnknownOperation", message: "not handled" } }), { status: 404 });
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => { outHeaders[name] = value; });
    res.writeHead(response.status, outHeaders);
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "InternalServerError", message: `mock Graph failure: ${(e as Error).message}` } }));
  }
}
