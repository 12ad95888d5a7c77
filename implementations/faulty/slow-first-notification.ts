/**
 * Warms up (loads its configuration, opens its store) inside the first notification POST, before
 * answering it: the first answer takes seconds. It extends the reference's webhook, since the
 * reference's parts are synchronous and a synchronous wait would block the event loop.
 */
import { ReferenceBot } from "../reference/bot.js";
import { faulty } from "./variant.js";

const WARM_UP_MS = 2_500;

class WarmsUpInTheWebhook extends ReferenceBot {
  private warm = false;

  override async handleNotification(request: Request): Promise<Response> {
    if (!this.warm) {
      this.warm = true;
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    }
    return super.handleNotification(request);
  }
}

export const variant = faulty({
  id: "slow-first-notification",
  bug: `answers its first notification POST after ${WARM_UP_MS} ms: it warms up before answering`,
  why: "Graph expects a prompt 202 to every POST and retries (and in time stops calling) a slow callback: work is done after answering, and a cold start is no exception",
  expectedFailures: ["receiver.latency"],
  messages: { "receiver.latency": /1 of \d+ POSTs answered later than/ },
  // Longer than the warm-up, so the POST is answered late rather than timed out.
  stepTimeoutMs: 4_000,
  createBot: () => new WarmsUpInTheWebhook(),
});

export const { name, createBot } = variant;
