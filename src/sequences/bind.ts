/**
 * A documented notification, bound to the call under test: the call segment of every resourceUrl
 * (and of the deprecated /app resource path) becomes the call's id, and callbackUri the bot's public callback.
 * resourceData is left as documented, ids included: a bot must key calls on resourceUrl (the docs'
 * resourceData.id does not always match it, erratum ID_MISMATCH).
 */
import { isObject, type JsonValue } from "../util/json.js";

export interface Binding {
  callId: string;
  /** The bot's public callback, which Graph echoes in callbackUri. */
  callbackUri: string;
}

const CALL_PATH = /^(\/(?:communications|app)\/calls\/)[^/]+/;

export function bindNotification(body: JsonValue, binding: Binding): JsonValue {
  const bound = structuredClone(body);
  if (!isObject(bound) || !Array.isArray(bound.value)) return bound;
  for (const item of bound.value) {
    if (!isObject(item)) continue;
    for (const key of ["resourceUrl", "resource"]) {
      if (typeof item[key] === "string") item[key] = (item[key] as string).replace(CALL_PATH, `$1${binding.callId}`);
    }
    if (typeof item.callbackUri === "string") item.callbackUri = binding.callbackUri;
  }
  return bound;
}
