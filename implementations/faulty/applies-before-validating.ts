/**
 * Validates the token, and answers 401 to a bad one, but only after it has applied the notification
 * (a middleware that runs after the handler). It extends the reference's webhook, since the order
 * of two steps is the bug, not one of its parts.
 */
import { ReferenceBot } from "../reference/bot.js";
import { isJson } from "../reference/call-state.js";
import { faulty } from "./variant.js";

class AppliesFirst extends ReferenceBot {
  override async handleNotification(request: Request): Promise<Response> {
    const body: unknown = await request.clone().json().catch(() => null);
    if (isJson(body)) this.process(body);
    return super.handleNotification(request);
  }
}

export const variant = faulty({
  id: "applies-before-validating",
  bug: "applies a notification before it checks the token, then answers 401 to a forgery whose changes it already made",
  why: "a refused notification must change nothing: authentication comes before the work, or the 401 is only a message to an attacker whose forgery worked",
  expectedFailures: ["auth.reject.*"],
  messages: { "auth.reject.*": /changed what the bot believes/ },
  createBot: () => new AppliesFirst(),
});

export const { name, createBot } = variant;
