/**
 * Sends what a @microsoft/teams.graph-endpoints function returns ({ method, path, paramDefs,
 * params, body }) with fetch, as @microsoft/teams.graph's Client.call does: path parameters put
 * into the path, the body as JSON, the bearer token in Authorization. A Graph error is thrown
 * with Graph's answer.
 */
import type { BotEnvironment } from "../../../src/harness/adapter.js";

/** The request config every endpoint function returns (EndpointRequest in the package's types/common). */
export interface EndpointRequest {
  method: string;
  path: string;
  paramDefs?: { path?: string[] };
  params?: Record<string, unknown>;
  body?: unknown;
}

export function resolvePath(request: EndpointRequest): string {
  let path = request.path;
  for (const name of request.paramDefs?.path ?? []) {
    const value = request.params?.[name];
    if (typeof value !== "string") throw new Error(`${request.method.toUpperCase()} ${request.path}: no value for the path parameter {${name}}`);
    path = path.replace(`{${name}}`, encodeURIComponent(value));
  }
  return path;
}

export function endpointSender(env: BotEnvironment): (request: EndpointRequest) => Promise<unknown> {
  return async (request) => {
    const method = request.method.toUpperCase();
    const path = resolvePath(request);
    const response = await fetch(`${env.graphBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${env.accessToken}`, "Content-Type": "application/json" },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Graph answered ${response.status} to ${method} ${path}: ${text.slice(0, 300)}`);
    return text === "" ? undefined : JSON.parse(text);
  };
}
