/**
 * The documentation's own SDK snippets, run: what a snippet is (as extracted from a page), what
 * running it gave (a language host's outcome plus the request the mock Graph captured), and how
 * that request compares with the example's documented request.
 */
import type { ContractError } from "../contract/errors.js";

/** The snippet languages with an SDK toolchain this project can install and run. */
export const RUN_LANGUAGES = ["python", "go", "java", "javascript"] as const;
export type RunLanguage = (typeof RUN_LANGUAGES)[number];

export interface DocumentedSnippet {
  /** "<fixture id without .request>.<language>", e.g. "create-call.fr.v1.0/ex02.python": unique, stable. */
  key: string;
  /** The documented request it is compared with, e.g. "create-call.fr.v1.0/ex02.request". */
  fixtureId: string;
  /** Source document file and the snippet's lines in it (1-based, inclusive). */
  document: string;
  lines: { start: number; end: number };
  example: number;
  language: RunLanguage;
  operation: "create-call" | "transfer";
  /** The code exactly as the extractor read it from the page (left out of committed reports). */
  code: string;
}

/** What a language host says about one snippet. */
export type HostOutcome =
  | { outcome: "ran" }
  | { outcome: "compile-error"; message: string }
  | { outcome: "run-error"; message: string };

export interface CapturedSnippetRequest {
  method: string;
  /** Path after the version segment. */
  path: string;
  version: string;
  status: number;
  body: unknown;
  contentType: string | null;
}

/** One difference between the request a snippet sent and the documented one. */
export interface RequestDifference {
  /** JSON pointer into the body; "" with `part` "method"/"path"/"version" for the request line. */
  pointer: string;
  part: "method" | "path" | "version" | "body";
  kind: "missing" | "extra" | "changed";
  documented?: unknown;
  sent?: unknown;
}

export type SnippetStatus =
  /** Sent exactly the documented request (after the documented errata). */
  | "matches"
  /** Ran and sent a request that differs from the documented one. */
  | "differs"
  /** Did not compile (or, for Python and JavaScript, did not parse). */
  | "compile-error"
  /** Compiled but failed before any request reached the mock. */
  | "run-error"
  /** The language's toolchain or SDK is not installed here. */
  | "not-run";

export interface SnippetResult {
  snippet: DocumentedSnippet;
  status: SnippetStatus;
  sdk: { package: string; version: string };
  /** Compiler or runtime message (compile-error, run-error), or why it was not run. */
  message?: string;
  request?: CapturedSnippetRequest;
  differences: RequestDifference[];
  /** The sent body against the strict (send) profile of the operation's request schema. */
  validation?: { schema: string; errors: ContractError[] };
}

/** A result as reports keep it: where the snippet is, not its text (which stays in the documents). */
export type ReportedResult = Omit<SnippetResult, "snippet"> & { snippet: Omit<DocumentedSnippet, "code"> };
