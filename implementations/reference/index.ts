/** The reference implementation as an adapter module: `graph-calls-contract run` uses it by default. */
import type { BotUnderTest } from "../../src/harness/adapter.js";
import { ReferenceBot } from "./bot.js";

export const name = "reference";

export function createBot(): BotUnderTest {
  return new ReferenceBot();
}
