/**
 * The contract between the extractor and the SDK-snippet rebuilders. The v1.0 transfer page
 * documents its examples only as SDK code, so the request bodies are rebuilt by interpreting
 * that code; the Create call page has both, so snippets cross-check the published JSON.
 */
import type { JsonValue } from "../../util/json.js";

export type SnippetLanguage = "csharp" | "go" | "java" | "javascript" | "php" | "powershell" | "python" | "cli";

export interface SnippetScan {
  language: SnippetLanguage;
  /** Index (into the scanned lines) of the snippet's first line. */
  start: number;
  /** Index of its last line, inclusive. */
  end: number;
}

export interface RebuiltRequest {
  language: SnippetLanguage;
  /**
   * The JSON body the snippet would send, with keys exactly as that SDK would serialise them:
   * typed properties in Graph's camelCase ("@odata.type" for OdataType), additional-data keys
   * verbatim (so Python's snake_cased additional_data keys stay snake_cased).
   * undefined when nothing could be interpreted.
   */
  body: JsonValue | undefined;
  /** From the SDK call chain, e.g. { method: "POST", path: "/communications/calls/{call-id}/transfer" }. */
  operation?: { method: string; path: string };
  /** Implied by SDK namespaces and imports (Microsoft.Graph.Beta, msgraph_beta, msgraph-beta-sdk-go...). */
  apiVersion?: "v1.0" | "beta";
  /** JSON pointers into body of the keys set through AdditionalData / additional_data / setAdditionalData: properties the SDK model does not have. */
  additionalData: string[];
  /** Code the interpreter could not follow or that is not valid in its language. line: 0-based index into the snippet's lines. */
  issues: Array<{ line: number; message: string }>;
}
