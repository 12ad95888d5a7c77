/** Request-body bugs as edits of the reference's bodies: the reference builds the body, the bug changes it. */
import type { CreateCallIntent, TransferIntent } from "../../src/scenarios/model.js";
import type { BotParts } from "../reference/bot.js";
import { createCallBody, transferBody } from "../reference/requests.js";

export type Body = Record<string, unknown>;

/** The reference's create call body, edited in place by `change`. */
export function createCallBodyThen(change: (body: Body, intent: CreateCallIntent) => void): BotParts["createCallBody"] {
  return (intent, callbackUri) => {
    const body = createCallBody(intent, callbackUri);
    change(body, intent);
    return body;
  };
}

/** The reference's transfer body, edited in place by `change`. */
export function transferBodyThen(change: (body: Body, intent: TransferIntent) => void): BotParts["transferBody"] {
  return (intent) => {
    const body = transferBody(intent);
    change(body, intent);
    return body;
  };
}

/** Moves `key` from one object of a body to another (or renames it, when both are the same object). */
export function moveKey(from: unknown, key: string, to: unknown, as = key): void {
  if (!isBody(from) || !isBody(to) || !(key in from)) return;
  const value = from[key];
  delete from[key];
  to[as] = value;
}

const isBody = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);
