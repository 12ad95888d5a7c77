/** Remembers the notifications it processed and answers 409 Conflict when one arrives again. */
import { REFERENCE_PARTS } from "../reference/bot.js";
import { faulty, withParts } from "./variant.js";

export const variant = faulty({
  id: "rejects-duplicates",
  bug: "answers non-2xx (409) to a duplicate notification",
  why: "Graph delivers notifications at least once and retries a POST it got no 2xx for; a duplicate must be acknowledged (and be harmless), or Graph keeps retrying and may stop calling the bot back",
  expectedFailures: ["delivery.*"],
  messages: { "delivery.*": /answered 409/ },
  createBot: withParts(() => {
    const processed = new Set<string>();
    return {
      screen: (body) => {
        const keys = REFERENCE_PARTS.notificationsOf(body).map((n) => JSON.stringify(n));
        if (keys.some((k) => processed.has(k))) return 409;
        keys.forEach((k) => processed.add(k));
        return undefined;
      },
    };
  }),
});

export const { name, createBot } = variant;
