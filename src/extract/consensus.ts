/**
 * SDK snippets of one example, rebuilt and reconciled: the body most languages agree on is the
 * example's request; every language that disagrees with it is evidence of a documentation defect.
 */
import { deepEqual, type JsonValue } from "../util/json.js";
import type { LineRange } from "../fixtures/model.js";
import { rebuildRequest } from "./snippets/index.js";
import type { RebuiltRequest, SnippetLanguage } from "./snippets/types.js";
import type { Token } from "./tokens.js";

export interface SnippetEvidence {
  language: SnippetLanguage;
  lines: LineRange;
  rebuilt: RebuiltRequest;
}

export interface Consensus {
  body: JsonValue | undefined;
  /** Languages whose rebuilt body is exactly the consensus. */
  agreeing: SnippetLanguage[];
  evidence: SnippetEvidence[];
}

/** When languages tie, the statically typed SDKs' literal code is the least ambiguous witness. */
const PREFERENCE: SnippetLanguage[] = ["csharp", "java", "go", "php", "javascript", "powershell", "cli", "python"];

export function rebuildSnippets(snippets: ReadonlyArray<Extract<Token, { kind: "snippet" }>>): SnippetEvidence[] {
  return snippets.map((s) => ({ language: s.language, lines: { start: s.start, end: s.end }, rebuilt: rebuildRequest(s.language, s.code) }));
}

export function snippetConsensus(evidence: SnippetEvidence[]): Consensus {
  const candidates = evidence.filter((e) => e.rebuilt.body !== undefined);
  let best: { body: JsonValue; agreeing: SnippetLanguage[] } | undefined;
  for (const candidate of [...candidates].sort((a, b) => PREFERENCE.indexOf(a.language) - PREFERENCE.indexOf(b.language))) {
    const agreeing = candidates.filter((o) => deepEqual(o.rebuilt.body, candidate.rebuilt.body)).map((o) => o.language);
    if (!best || agreeing.length > best.agreeing.length) best = { body: candidate.rebuilt.body!, agreeing };
  }
  return { body: best?.body, agreeing: best?.agreeing ?? [], evidence };
}
