/**
 * `prism mock exports/openapi.json` (Prism 5, the mock server people point a client at) validates
 * requests against the export: every documented create-call and transfer body is accepted, and a
 * body the contract rejects is answered with the error Graph documents (400) and Prism's
 * `sl-violations` header naming the failing property. Prism answers 422 only for an operation that
 * documents neither 422 nor 400; ours document Graph's 400, so that is what Prism returns.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killTree, spawnGroup } from "../../src/adapters/children.js";
import { isObject, type JsonObject } from "../../src/util/json.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { apiTool, toolTitle } from "./api-tools.js";

const prism = apiTool("prism");
const EXPORT = path.join(PROJECT_ROOT, "exports", "openapi.json");
const document = JSON.parse(fs.readFileSync(EXPORT, "utf8")) as JsonObject;
// Prism resolves the whole document before it listens: seconds alone, half a minute on a loaded machine.
const START_TIMEOUT_MS = 150_000;

interface Violation { location: string[]; code: string | number; message: string }

/** The documented request bodies of an operation, by example name. */
function documentedBodies(pathKey: string): Array<[string, JsonObject]> {
  const op = ((document.paths as JsonObject)[pathKey] as JsonObject).post as JsonObject;
  const examples = (((op.requestBody as JsonObject).content as JsonObject)["application/json"] as JsonObject).examples as JsonObject;
  return Object.entries(examples).map(([name, example]) => [name, (example as JsonObject).value as JsonObject]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

describe.skipIf(!prism)(toolTitle("prism mock exports/openapi.json", "prism"), () => {
  let child: ReturnType<typeof spawnGroup> | undefined;
  let base = "";
  let log = "";

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawnGroup(prism!, ["mock", "-h", "127.0.0.1", "-p", String(port), EXPORT], { cwd: PROJECT_ROOT });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`prism did not listen within ${START_TIMEOUT_MS} ms:\n${log}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        log += chunk.toString("utf8");
        if (log.includes("Prism is listening")) { clearTimeout(timer); resolve(); }
      };
      child!.stdout!.on("data", onData);
      child!.stderr!.on("data", onData);
      child!.on("close", (code) => { clearTimeout(timer); reject(new Error(`prism exited (${code}) before listening:\n${log}`)); });
    });
  }, START_TIMEOUT_MS + 5_000);

  afterAll(() => { if (child) killTree(child); });

  async function post(pathname: string, body: unknown, headers: Record<string, string> = { authorization: "Bearer token" }) {
    const response = await fetch(base + pathname, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    await response.arrayBuffer();
    const header = response.headers.get("sl-violations");
    return { status: response.status, violations: header ? (JSON.parse(header) as Violation[]) : [] };
  }

  const createCalls = documentedBodies("/communications/calls");
  const transfers = documentedBodies("/communications/calls/{id}/transfer");

  it("accepts every documented create-call body (201, no violation)", async () => {
    expect(createCalls.length).toBeGreaterThan(5);
    for (const [name, body] of createCalls) expect({ name, ...(await post("/communications/calls", body)) }).toEqual({ name, status: 201, violations: [] });
  });

  it("accepts every documented transfer body (202, no violation)", async () => {
    expect(transfers.length).toBeGreaterThan(5);
    for (const [name, body] of transfers) expect({ name, ...(await post("/communications/calls/abc/transfer", body)) }).toEqual({ name, status: 202, violations: [] });
  });

  it("rejects a create-call body whose mediaConfig lacks @odata.type: 400, naming mediaConfig", async () => {
    const body = structuredClone(createCalls[0]![1]);
    expect(isObject(body.mediaConfig) && body.mediaConfig["@odata.type"]).toBe("#microsoft.graph.serviceHostedMediaConfig");
    delete (body.mediaConfig as JsonObject)["@odata.type"];
    const { status, violations } = await post("/communications/calls", body);
    expect(status).toBe(400);
    expect(violations).toContainEqual(expect.objectContaining({ location: ["request", "body", "mediaConfig"], code: "required", message: "Request body property mediaConfig must have required property '@odata.type'" }));
  });

  it("rejects a misspelled create-call property (the strict send profile): 400, naming it", async () => {
    const { callbackUri, ...rest } = createCalls[0]![1];
    const { status, violations } = await post("/communications/calls", { ...rest, callbackUrl: callbackUri });
    expect(status).toBe(400);
    expect(violations).toContainEqual(expect.objectContaining({ code: "additionalProperties", message: "Request body must NOT have additional properties; found 'callbackUrl'" }));
  });

  it("rejects a transfer to an undocumented endpointType: 400, naming transferTarget.endpointType", async () => {
    const body = structuredClone(transfers[0]![1]);
    (body.transferTarget as JsonObject).endpointType = "sideways";
    const { status, violations } = await post("/communications/calls/abc/transfer", body);
    expect(status).toBe(400);
    expect(violations).toContainEqual(expect.objectContaining({ location: ["request", "body", "transferTarget", "endpointType"], code: "enum" }));
  });

  it("rejects a request without the bearer token: 401", async () => {
    const { status } = await post("/communications/calls", createCalls[0]![1], {});
    expect(status).toBe(401);
  });
});
