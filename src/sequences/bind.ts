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

/**
 * A new body: the documented one is shared by every delivery of the run, so what changes (the
 * body, its value array, each notification) is copied, and what does not (resourceData) is shared,
 * never written to: the body is only serialized, read and copied on write (alterations use edit()).
 */
export function bindNotification(body: JsonValue, binding: Binding): JsonValue {
  if (!isObject(body) || !Array.isArray(body.value)) return structuredClone(body);
  const value = body.value.map((item) => {
    if (!isObject(item)) return item;
    const bound = { ...item };
    for (const key of ["resourceUrl", "resource"]) {
      if (typeof bound[key] === "string") bound[key] = (bound[key] as string).replace(CALL_PATH, `$1${binding.callId}`);
    }
    if (typeof bound.callbackUri === "string") bound.callbackUri = binding.callbackUri;
    return bound;
  });
  return { ...body, value };
}
