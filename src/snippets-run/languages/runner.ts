/** What each language contributes: whether it can run here (and how to install it if not), and a batch run of snippets. */
import type { DocumentedSnippet, HostOutcome, RunLanguage } from "../model.js";

export interface RunContext {
  /** The mock Graph's versioned root, e.g. http://127.0.0.1:40123/v1.0. */
  graphBaseUrl: string;
  /** The test token a snippet's client sends: it tells the mock which snippet a request came from. */
  tokenOf(snippet: DocumentedSnippet): string;
  log(line: string): void;
}

export interface LanguageRunner {
  language: RunLanguage;
  /** Runs in this process, against the mock at Graph's own URL (msw), instead of over HTTP on 127.0.0.1. */
  inProcess?: boolean;
  /** undefined when ready; otherwise why not, and the command that installs it. */
  unavailable(): string | undefined;
  /** Runs every snippet (one process or build for the whole batch); a snippet without an outcome failed to run. */
  run(snippets: DocumentedSnippet[], ctx: RunContext): Promise<Map<string, HostOutcome>>;
}

/** Reads a host's JSON lines ({ key, outcome, message? }) into outcomes. */
export function parseHostLines(stdout: string): Map<string, HostOutcome> {
  const out = new Map<string, HostOutcome>();
  for (const line of stdout.split("\n")) {
    if (!line.trim().startsWith("{")) continue;
    try {
      const r = JSON.parse(line) as { key?: unknown; outcome?: unknown; message?: unknown };
      if (typeof r.key !== "string") continue;
      if (r.outcome === "ran") out.set(r.key, { outcome: "ran" });
      else if (r.outcome === "compile-error" || r.outcome === "run-error") out.set(r.key, { outcome: r.outcome, message: String(r.message ?? "") });
    } catch {
      // a line the host printed that is not a result (SDK logging): ignored
    }
  }
  return out;
}

/** Whatever a whole batch failed with, for every snippet that has no outcome of its own. */
export function fillMissing(snippets: DocumentedSnippet[], outcomes: Map<string, HostOutcome>, message: string): Map<string, HostOutcome> {
  for (const s of snippets) if (!outcomes.has(s.key)) outcomes.set(s.key, { outcome: "run-error", message });
  return outcomes;
}

export function lastLines(text: string, n = 8): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
