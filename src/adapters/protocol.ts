/**
 * The process protocol, version 1 (PROTOCOL.md is the specification; this is its TypeScript).
 * Requests go to the implementation's stdin, one JSON object per line; it answers on stdout, one
 * JSON object per line, with the request's id. Everything Graph-shaped is real HTTP.
 */
import type { CreateCallIntent, TransferIntent } from "../scenarios/model.js";
import type { CallObservation } from "../harness/observation.js";

export const PROTOCOL_VERSION = 1;

export interface Methods {
  start: { params: { graphBaseUrl: string; accessToken: string; callbackUri: string }; result: { callbackUrl: string } };
  createCall: { params: { intent: CreateCallIntent }; result: { callId: string } };
  transfer: { params: { callId: string; intent: TransferIntent }; result: Record<string, never> };
  observe: { params: { callId: string }; result: CallObservation };
  stop: { params: Record<string, never>; result: Record<string, never> };
}

export type Method = keyof Methods;

export interface RequestMessage<M extends Method = Method> {
  protocol: typeof PROTOCOL_VERSION;
  id: number;
  method: M;
  params: Methods[M]["params"];
}

export type ResponseMessage<M extends Method = Method> =
  | { id: number; result: Methods[M]["result"] }
  | { id: number; error: { message: string; code?: string } };
