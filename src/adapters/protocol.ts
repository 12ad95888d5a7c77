/**
 * The process protocol (PROTOCOL.md is the specification; this is its TypeScript).
 * Requests go to the implementation's stdin, one JSON object per line; it answers on stdout, one
 * JSON object per line, with the request's id. Everything Graph-shaped is real HTTP.
 *
 * Versions 1 and 2 differ only in what `observe` answers (the observation version). `start` is the
 * handshake: it goes out as version 1, which every implementation speaks, and offers the versions
 * the harness speaks; the implementation answers with the one it chose (none: 1), and every later
 * request carries it.
 */
import type { CreateCallIntent, TransferIntent } from "../scenarios/model.js";
import type { CallObservation, ObservationVersion } from "../harness/observation.js";
import { OBSERVATION_VERSIONS } from "../harness/observation.js";
import type { BotEnvironment } from "../harness/adapter.js";

export type ProtocolVersion = ObservationVersion;
export const PROTOCOL_VERSIONS: readonly ProtocolVersion[] = OBSERVATION_VERSIONS;
/** The version `start` is sent in, and what an implementation that chooses none speaks. */
export const HANDSHAKE_VERSION: ProtocolVersion = 1;

export interface Methods {
  start: { params: BotEnvironment & { protocols: readonly ProtocolVersion[] }; result: { callbackUrl: string; protocol?: ProtocolVersion } };
  createCall: { params: { intent: CreateCallIntent }; result: { callId: string } };
  transfer: { params: { callId: string; intent: TransferIntent }; result: Record<string, never> };
  observe: { params: { callId: string }; result: CallObservation };
  stop: { params: Record<string, never>; result: Record<string, never> };
}

export type Method = keyof Methods;

export interface RequestMessage<M extends Method = Method> {
  protocol: ProtocolVersion;
  id: number;
  method: M;
  params: Methods[M]["params"];
}

export type ResponseMessage<M extends Method = Method> =
  | { id: number; result: Methods[M]["result"] }
  | { id: number; error: { message: string; code?: string } };
