/** Answers 404 to a callback POST about a call it did not create itself. */
import { ReferenceBot } from "../reference/bot.js";
import { isJson } from "../reference/call-state.js";
import { routeOf } from "../reference/notifications.js";
import { faulty } from "./variant.js";

/** The call ids a POST's notifications are about. */
function callIdsIn(body: unknown): string[] {
  const items = isJson(body) && Array.isArray(body.value) ? body.value : [];
  return items.flatMap((n) => (isJson(n) ? [routeOf(n.resourceUrl)?.callId ?? []].flat() : []));
}

class OwnCallsOnly extends ReferenceBot {
  override async handleNotification(request: Request): Promise<Response> {
    const ids = callIdsIn(await request.clone().json().catch(() => null));
    if (ids.some((id) => !this.created.has(id))) return new Response(null, { status: 404 });
    return super.handleNotification(request);
  }
}

export const variant = faulty({
  id: "rejects-unknown-call",
  bug: "answers 404 to a notification about a call it did not create (\"no such call\")",
  why: "Graph notifies calls a bot did not place (incoming calls, a call placed by another instance behind the same callback URL); the callback must acknowledge every POST (2xx) or Graph retries it and counts the callback as failing",
  expectedFailures: ["sequence.call-never-created/acks"],
  messages: { "sequence.call-never-created/acks": /answered 404/ },
  createBot: () => new OwnCallsOnly(),
});

export const { name, createBot } = variant;
