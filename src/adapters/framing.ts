/**
 * The envelope of a protocol message on the wire, in either framing the process protocol accepts
 * (PROTOCOL.md, "Framing"):
 *
 * - "native": `{"protocol": 2, "id": 7, "method": ..., "params": ...}`, answered
 *   `{"id": 7, "result": ...}` or `{"id": 7, "error": {"message": ..., "code"?: ...}}`;
 * - "json-rpc": JSON-RPC 2.0 (https://www.jsonrpc.org/specification), so that an implementation can
 *   use a stock JSON-RPC library: `{"jsonrpc": "2.0", "id": 7, "method": ..., "params": ...}` with
 *   nothing else in the envelope (libraries refuse members they do not know), answered with
 *   `"jsonrpc": "2.0"` and an error object `{"code": <integer>, "message": <string>, "data"?: ...}`.
 *   The protocol version is chosen once, by start's `protocols` and its answer's `protocol`, as in
 *   native framing; it is not repeated on each request.
 *
 * What the messages mean (methods, params, results) is the same in both; this module only frames,
 * and says which JSON-RPC errors are the adapter's misreading of the protocol rather than an answer.
 */
import type { Method, ProtocolVersion } from "./protocol.js";

export type Framing = "native" | "json-rpc";
export const FRAMINGS: readonly Framing[] = ["native", "json-rpc"];
/** Until the implementation's first answer says which it speaks (the channel then settles on one). */
export type FramingChoice = Framing | "detect";

export interface ErrorObject {
  message: string;
  /** An integer in JSON-RPC framing (e.g. -32601, method not found); free in native framing. */
  code?: number | string;
  data?: unknown;
}

export type Decoded = (
  | { kind: "result"; id: number; result: unknown }
  | { kind: "error"; id: number; error: ErrorObject }
  /** A JSON-RPC error answered with `"id": null`: the implementation could not read a request (parse error, invalid request). */
  | { kind: "unreadable"; error: ErrorObject }
  /** A JSON-RPC request or notification the implementation sent (it has a `method`); `id` when it expects an answer. */
  | { kind: "incoming"; method: string; id?: number | string }
  /** A line that is not a well-formed answer; `id` when it names one, so that request fails rather than the whole channel. */
  | { kind: "invalid"; id?: number; why: string }
) & { framing: Framing };

export function encodeRequest(framing: Framing, protocol: ProtocolVersion, id: number, method: Method, params: unknown): string {
  return JSON.stringify(framing === "json-rpc" ? { jsonrpc: "2.0", id, method, params } : { protocol, id, method, params });
}

/** The answer the harness gives a JSON-RPC request the implementation sent: the harness serves no methods. */
export function encodeMethodNotFound(id: number | string, method: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: the harness serves no methods (got ${JSON.stringify(method.slice(0, 100))})` } });
}

/**
 * Reads one stdout line. Under "detect", a line carrying `"jsonrpc": "2.0"` is read as JSON-RPC and
 * any other as native; `framing` on the result says which was used.
 */
export function decodeResponse(choice: FramingChoice, line: string): Decoded {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return { kind: "invalid", why: "not JSON", framing: choice === "json-rpc" ? "json-rpc" : "native" };
  }
  const framing: Framing = choice === "detect" ? (isObject(message) && message.jsonrpc === "2.0" ? "json-rpc" : "native") : choice;
  return { ...decodeMessage(framing, message), framing };
}

type Unframed<T> = T extends unknown ? Omit<T, "framing"> : never;

function decodeMessage(framing: Framing, message: unknown): Unframed<Decoded> {
  if (!isObject(message)) return { kind: "invalid", why: Array.isArray(message) ? "a JSON array (batches are not used)" : "not a JSON object" };
  const id = typeof message.id === "number" && Number.isInteger(message.id) ? message.id : undefined;
  if (framing === "json-rpc") {
    if (typeof message.method === "string" && !("result" in message) && !("error" in message)) {
      const incomingId = typeof message.id === "number" || typeof message.id === "string" ? message.id : undefined;
      return { kind: "incoming", method: message.method, ...(incomingId === undefined ? {} : { id: incomingId }) };
    }
    if (message.id === null && "error" in message) {
      const error = errorObject(message.error, framing);
      return typeof error === "string" ? { kind: "invalid", why: error } : { kind: "unreadable", error };
    }
    if (id === undefined) return { kind: "invalid", why: "no integer id" };
    if (message.jsonrpc !== "2.0") return { kind: "invalid", id, why: `an answer without "jsonrpc": "2.0" (got ${JSON.stringify(message.jsonrpc) ?? "none"}), which JSON-RPC framing requires` };
    if ("result" in message === "error" in message) return { kind: "invalid", id, why: "a JSON-RPC answer has exactly one of result and error" };
  } else if (id === undefined) {
    return { kind: "invalid", why: "no integer id" };
  }
  if ("error" in message) {
    const error = errorObject(message.error, framing);
    return typeof error === "string" ? { kind: "invalid", id, why: error } : { kind: "error", id, error };
  }
  if ("result" in message) return { kind: "result", id, result: message.result };
  return { kind: "invalid", id, why: "neither result nor error" };
}

/**
 * The JSON-RPC errors that say the implementation could not read or dispatch a request the protocol
 * defines: a mistake of its adapter (status error, kind protocol), not its answer to the step. Every
 * other code, -32603 and the -32000 server errors included (the code libraries give an exception a
 * handler threw), is the implementation's own answer, and fails the step as a native error does.
 */
const READING_ERRORS: Readonly<Record<number, string>> = {
  [-32700]: "Parse error: it could not parse the request as JSON",
  [-32600]: "Invalid Request: it did not take the request for a JSON-RPC 2.0 request",
  [-32601]: "Method not found: it does not serve this method (PROTOCOL.md, Methods)",
  [-32602]: "Invalid params: it did not accept the params PROTOCOL.md defines for this method",
};

/** Why an error answer is a protocol violation rather than the implementation's verdict; undefined when it is an answer. */
export function readingError(error: ErrorObject): string | undefined {
  return typeof error.code === "number" ? READING_ERRORS[error.code] : undefined;
}

/** How an error object reads in a report: its message, and its code when it has one. */
export function describeError(error: ErrorObject): string {
  const data = error.data === undefined ? "" : `; data: ${JSON.stringify(error.data).slice(0, 300)}`;
  return error.code === undefined ? `${error.message}${data}` : `${error.message} (code ${error.code})${data}`;
}

function errorObject(value: unknown, framing: Framing): ErrorObject | string {
  if (framing === "json-rpc") {
    if (!isObject(value)) return `error must be an object with an integer code and a string message (got ${JSON.stringify(value)})`;
    if (typeof value.code !== "number" || !Number.isInteger(value.code)) return `error.code must be an integer (got ${JSON.stringify(value.code) ?? "none"})`;
    if (typeof value.message !== "string") return `error.message must be a string (got ${JSON.stringify(value.message) ?? "none"})`;
    return { code: value.code, message: value.message, ...("data" in value ? { data: value.data } : {}) };
  }
  // Native framing has always taken any error value; its message is what reports show.
  if (isObject(value) && typeof value.message === "string") {
    const code = typeof value.code === "number" || typeof value.code === "string" ? value.code : undefined;
    return { message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  return { message: JSON.stringify(value) ?? "undefined" };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
