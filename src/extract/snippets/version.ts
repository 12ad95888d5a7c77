/**
 * The Graph API version a snippet targets, from its SDK namespaces and imports. Only what the
 * code says counts: the "Current version is 5.x" headers are SDK versions, not API versions.
 */
import type { IssueSink } from "./issues.js";
import type { SnippetLanguage } from "./types.js";

interface Markers {
  beta: RegExp[];
  v1: RegExp[];
}

const URL_MARKERS: Markers = { beta: [/graph\.microsoft\.com\/beta\b/], v1: [/graph\.microsoft\.com\/v1\.0\b/] };

const MARKERS: Readonly<Record<SnippetLanguage, Markers>> = {
  csharp: { beta: [/\bMicrosoft\.Graph\.Beta\b/], v1: [/\bMicrosoft\.Graph\.(?!Beta\b)[A-Z]/] },
  go: { beta: [/msgraph-beta-sdk-go/], v1: [/msgraph-sdk-go/] },
  java: { beta: [/\bcom\.microsoft\.graph\.beta\./], v1: [/\bcom\.microsoft\.graph\.(?!beta\.)[a-z]/] },
  php: { beta: [/Microsoft\\Graph\\Beta\\/], v1: [/Microsoft\\Graph\\(?!Beta\\)(Generated\\|GraphServiceClient)/] },
  python: { beta: [/\bmsgraph_beta\b/], v1: [/\b(from|import)\s+msgraph(\.|\s)/] },
  // The JavaScript client calls v1.0 unless told .version('beta').
  javascript: { beta: [/\.version\(\s*['"]beta['"]\s*\)/], v1: [/\bclient\s*\.\s*api\s*\(/] },
  powershell: { beta: [/\bMicrosoft\.Graph\.Beta\b/, /\b[A-Z][a-z]+-MgBeta[A-Z]/], v1: [/\bMicrosoft\.Graph\.(?!Beta\b)[A-Z]/, /\b[A-Z][a-z]+-Mg(?!Beta[A-Z])[A-Z]/] },
  cli: { beta: [/^\s*mgc-beta\s/m], v1: [/^\s*mgc\s/m] },
};

export function detectApiVersion(language: SnippetLanguage, code: string, issues: IssueSink): "v1.0" | "beta" | undefined {
  const markers = MARKERS[language];
  const beta = [...markers.beta, ...URL_MARKERS.beta].some((r) => r.test(code));
  const v1 = [...markers.v1, ...URL_MARKERS.v1].some((r) => r.test(code));
  if (beta && v1 && language !== "javascript") {
    issues.add(0, "the snippet uses both v1.0 and beta SDK namespaces; API version left undecided");
    return undefined;
  }
  return beta ? "beta" : v1 ? "v1.0" : undefined;
}
