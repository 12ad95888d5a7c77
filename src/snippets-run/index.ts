/**
 * The documentation's own snippets, run: every documented Create call and transfer example × each
 * snippet language with an SDK toolchain here. Each language host gives the snippets a client
 * pointed at one mock Graph (each snippet its own test token, which tells the mock which snippet a
 * request came from); the captured request is compared with the documented one and validated with
 * the strict (send) profile.
 */
import { setupServer } from "msw/node";
import { loadContract } from "../index.js";
import { GraphMock, type CapturedRequest, type MockResponse } from "../mock-graph/graph-mock.js";
import { startGraphServer } from "../mock-graph/http-server.js";
import { collectExamples, type DocumentedExample } from "./collect.js";
import { compareRequest, withDocumentedRepairs } from "./compare.js";
import { go } from "./languages/go.js";
import { java } from "./languages/java.js";
import { javascript } from "./languages/javascript.js";
import { python } from "./languages/python.js";
import type { LanguageRunner } from "./languages/runner.js";
import { RUN_LANGUAGES, type CapturedSnippetRequest, type DocumentedSnippet, type HostOutcome, type RunLanguage, type SnippetResult } from "./model.js";
import { sdkVersions } from "./toolchains.js";

export { RUN_LANGUAGES, type RunLanguage, type SnippetResult } from "./model.js";

export const RUNNERS: Readonly<Record<RunLanguage, LanguageRunner>> = { python, go, java, javascript };

export interface SnippetRun {
  examples: DocumentedExample[];
  results: SnippetResult[];
  /** Languages that were not run here, with the note saying how to install them. */
  skipped: Partial<Record<RunLanguage, string>>;
  sdks: ReturnType<typeof sdkVersions>;
  durationsMs: Partial<Record<RunLanguage, number>>;
}

/** The mock Graph, knowing any call a documented transfer names (its example id), so a transfer gets Graph's 202. */
class SnippetGraph extends GraphMock {
  protected override transfer(captured: CapturedRequest, callId: string): MockResponse {
    if (!this.calls.has(callId)) this.calls.set(callId, { id: callId });
    return super.transfer(captured, callId);
  }
}

export interface RunSnippetsOptions {
  /** The documents to collect the examples from... */
  seedsDir?: string;
  /** ...or the examples themselves (a test's own snippets). */
  examples?: DocumentedExample[];
  languages?: readonly RunLanguage[];
  log?: (line: string) => void;
}

export async function runSnippets(options: RunSnippetsOptions): Promise<SnippetRun> {
  const log = options.log ?? (() => undefined);
  if (!options.examples && !options.seedsDir) throw new Error("runSnippets needs seedsDir or examples");
  const examples = options.examples ?? collectExamples(options.seedsDir!);
  const contract = loadContract();
  const server = await startGraphServer((origin) => new SnippetGraph({ origin, contract, seed: 16 }));
  const inProcessGraph = new SnippetGraph({ contract, seed: 16 });
  const intercept = setupServer(...inProcessGraph.handlers);
  const tokens = new Map<string, DocumentedSnippet>();
  const tokenOf = (s: DocumentedSnippet) => {
    const token = `snippet-token-${s.key.replace(/[^A-Za-z0-9.-]/g, "_")}`;
    tokens.set(token, s);
    return token;
  };
  const sdks = sdkVersions();
  const results: SnippetResult[] = [];
  const skipped: SnippetRun["skipped"] = {};
  const durationsMs: SnippetRun["durationsMs"] = {};
  try {
    for (const language of options.languages ?? RUN_LANGUAGES) {
      const snippets = examples.flatMap((e) => e.snippets.filter((s) => s.language === language));
      const runner = RUNNERS[language];
      const why = runner.unavailable();
      if (why) {
        skipped[language] = why;
        log(`snippets: ${language}: not run: ${why}`);
        for (const snippet of snippets) results.push({ snippet, status: "not-run", sdk: sdks[language], message: why, differences: [] });
        continue;
      }
      const started = Date.now();
      log(`snippets: ${language}: running ${snippets.length} snippet(s)`);
      const graph = runner.inProcess ? inProcessGraph : server.graph;
      if (runner.inProcess) intercept.listen({ onUnhandledRequest: "error" });
      let outcomes: Map<string, HostOutcome>;
      try {
        outcomes = snippets.length > 0 ? await runner.run(snippets, { graphBaseUrl: graph.baseUrl, tokenOf, log }) : new Map();
      } finally {
        if (runner.inProcess) intercept.close();
      }
      durationsMs[language] = Date.now() - started;
      for (const snippet of snippets) {
        const example = examples.find((e) => e.fixture.id === snippet.fixtureId)!;
        const captured = graph.requests.filter((r) => tokens.get(bearer(r.headers["authorization"])) === snippet);
        const outcome = outcomes.get(snippet.key) ?? { outcome: "run-error", message: "the host gave no outcome" };
        results.push(judge(example, snippet, sdks[language], outcome, captured.at(-1)));
      }
    }
  } finally {
    await server.close();
  }
  return { examples, results, skipped, sdks, durationsMs };
}

function bearer(header: string | undefined): string {
  return /^Bearer\s+(\S+)/.exec(header ?? "")?.[1] ?? "";
}

function judge(example: DocumentedExample, snippet: DocumentedSnippet, sdk: SnippetResult["sdk"], outcome: { outcome: string; message?: string }, captured: GraphMock["requests"][number] | undefined): SnippetResult {
  if (outcome.outcome === "compile-error") return { snippet, status: "compile-error", sdk, message: outcome.message, differences: [] };
  if (!captured) return { snippet, status: "run-error", sdk, message: outcome.message ?? "the snippet ran but sent no request to Graph", differences: [] };
  const request: CapturedSnippetRequest = { method: captured.method, path: captured.path, version: captured.version, status: captured.status, body: captured.body, contentType: captured.headers["content-type"] ?? null };
  const differences = compareRequest(example.fixture, request);
  const schema = example.operation === "create-call" ? "create-call-request" : "transfer-request";
  const validation = { schema, errors: loadContract().validate(schema, withDocumentedRepairs(example.fixture, captured.body)).errors };
  return { snippet, status: differences.length === 0 ? "matches" : "differs", sdk, ...(outcome.message ? { message: outcome.message } : {}), request, differences, validation };
}
