/**
 * JavaScript snippets, in this process, with the pinned @microsoft/microsoft-graph-client. A snippet
 * builds its own client with `Client.init({ authProvider })` and calls Graph's real URL; the host
 * gives it the library's `Client` and an `authProvider` handing out the test token, and the mock
 * Graph answers in-process at https://graph.microsoft.com (msw), so the snippet runs unchanged.
 */
import { Client } from "@microsoft/microsoft-graph-client";
import type { HostOutcome } from "../model.js";
import type { LanguageRunner } from "./runner.js";

type AsyncFunctionConstructor = new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as AsyncFunctionConstructor;

export const javascript: LanguageRunner = {
  language: "javascript",
  inProcess: true,
  unavailable: () => undefined,
  async run(snippets, ctx) {
    const outcomes = new Map<string, HostOutcome>();
    for (const snippet of snippets) {
      let body: (...values: unknown[]) => Promise<unknown>;
      try {
        body = new AsyncFunction("Client", "authProvider", snippet.code);
      } catch (error) {
        outcomes.set(snippet.key, { outcome: "compile-error", message: `${(error as Error).name}: ${(error as Error).message}` });
        continue;
      }
      const authProvider = (done: (error: unknown, token: string | null) => void) => done(null, ctx.tokenOf(snippet));
      try {
        await body(Client, authProvider);
        outcomes.set(snippet.key, { outcome: "ran" });
      } catch (error) {
        outcomes.set(snippet.key, { outcome: "run-error", message: `${(error as Error).name ?? "Error"}: ${(error as Error).message ?? String(error)}` });
      }
    }
    return outcomes;
  },
};
