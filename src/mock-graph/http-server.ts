/**
 * The mock Graph over real HTTP, for implementations in other processes: a server on 127.0.0.1
 * that hands every request to the same GraphMock.respond() the in-process msw handlers call, so
 * there is one mock, not two. What it read from the socket goes in as plain data, and the answer
 * goes out as it is: no Fetch API Request or Response on the way.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { jsonResponse, MAX_BODY_BYTES, type GraphMock } from "./graph-mock.js";

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

const UTF8 = new TextDecoder();

/** A body is read to its end (so the bot gets the 413, not a reset) unless it goes on past this. */
const MAX_READ_BYTES = 16 * MAX_BODY_BYTES;

/**
 * The body, of which only the first MAX_BODY_BYTES + 1 bytes are kept (enough for the mock to see
 * it is too large and answer 413); undefined when the bot went away or sent more than
 * MAX_READ_BYTES (the connection is then dropped). Plain events: an async iterator costs more than
 * the rest of a small request's handling.
 */
function readKept(req: http.IncomingMessage): Promise<Buffer[] | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_READ_BYTES) {
        req.destroy();
        resolve(undefined);
      } else if (kept <= MAX_BODY_BYTES) {
        const part = chunk.subarray(0, MAX_BODY_BYTES + 1 - kept);
        chunks.push(part);
        kept += part.length;
      }
    });
    req.on("end", () => resolve(chunks));
    req.on("error", reject);
    req.on("close", () => resolve(undefined)); // after "end" this changes nothing
  });
}

async function serve(graph: GraphMock, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  try {
    const chunks = await readKept(req);
    if (!chunks) return;
    // As a Fetch Headers holds them (what the msw handlers read in-process): lower-cased, sorted, trimmed.
    const headers: Record<string, string> = {};
    for (const name of Object.keys(req.headers).sort()) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
    }
    let body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
    // Graph accepts compressed request bodies, and Kiota's default middleware (msgraph-sdk-go's) gzips them.
    const encoding = (headers["content-encoding"] ?? "").trim().toLowerCase();
    if (body && (encoding === "gzip" || encoding === "deflate")) {
      try {
        body = (encoding === "gzip" ? zlib.gunzipSync : zlib.inflateSync)(body, { maxOutputLength: MAX_BODY_BYTES + 1 });
      } catch (e) {
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "BadRequest", message: `The ${encoding} request body could not be decompressed: ${(e as Error).message}` } }));
        return;
      }
    }
    const url = new URL(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`);
    // UTF-8 with a leading BOM dropped, as Response.text() reads a body.
    const bodyText = body ? UTF8.decode(body) : "";
    const response = graph.respond({ method: req.method ?? "GET", url: url.href, headers, bodyText }) ?? jsonResponse(404, { error: { code: "UnknownOperation", message: "not handled" } });
    res.writeHead(response.status, response.headers);
    res.end(response.body);
  } catch (e) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "InternalServerError", message: `mock Graph failure: ${(e as Error).message}` } }));
  }
}
