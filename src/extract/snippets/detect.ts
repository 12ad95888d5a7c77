/**
 * Which SDK language a piece of code is in, from the code itself: each language has tell-tale
 * constructs (`:=` and graphmodels for Go, `$x->` for PHP, `@{` for PowerShell...). Scores, not a
 * first match, so one stray construct does not decide.
 */
import type { SnippetLanguage } from "./types.js";

const SIGNS: ReadonlyArray<[SnippetLanguage, RegExp, number]> = [
  ["php", /<\?php/, 10],
  ["php", /\$\w+\s*->\s*\w+/, 4],
  ["php", /^\s*use\s+Microsoft\\Graph\\/m, 6],
  ["cli", /^\s*mgc(-beta)?\s+[a-z]/m, 10],
  ["powershell", /^\s*Import-Module\s+Microsoft\.Graph/m, 10],
  ["powershell", /^\s*[A-Z][a-z]+-Mg\w+/m, 6],
  ["powershell", /@\{|@\(/, 3],
  ["powershell", /\$(true|false|null)\b/, 2],
  ["python", /^\s*from\s+msgraph/m, 10],
  ["python", /\bgraph_client\./, 6],
  ["python", /^\s*\w+\s*=\s*[A-Z]\w*\($/m, 2],
  ["python", /\b(None|True|False)\b/, 2],
  ["go", /:=/, 4],
  ["go", /\bgraphmodels\.|msgraph(-beta)?-sdk-go/, 8],
  ["go", /^\s*import\s*\($/m, 4],
  ["csharp", /^\s*using\s+Microsoft\.Graph/m, 10],
  ["csharp", /\bnew\s+Dictionary<string,\s*object>/, 6],
  ["csharp", /\.\s*PostAsync\(|\bawait\s+graphClient\./, 6],
  ["csharp", /^\s*var\s+\w+\s*=\s*new\s+\w+\s*$/m, 4],
  ["csharp", /\bnew\s+List<\w+\??>/, 4],
  ["java", /GraphServiceClient\s+graphClient\s*=\s*new\s+GraphServiceClient\(\s*requestAdapter\s*\)/, 10],
  // The 4.x C# SDK: `.Request().PostAsync()` and `new GraphServiceClient( authProvider )`.
  ["csharp", /\.Request\(\)\s*\.\s*\w+Async\(|new\s+GraphServiceClient\(\s*authProvider\s*\)/, 8],
  ["java", /\b(LinkedList|HashMap|ArrayList)<[^>]*>\s+\w+\s*=\s*new\b/, 6],
  ["java", /\.set[A-Z]\w*\(/, 2],
  ["java", /^\s*import\s+com\.microsoft\.graph/m, 10],
  ["java", /\bgraphClient\.\w+\(\)/, 4],
  ["javascript", /\bclient\s*\.\s*api\s*\(/, 10],
  ["javascript", /\bClient\.init\(/, 8],
  ["javascript", /^\s*(const|let)\s+\w+\s*=/m, 3],
];

export function detectSnippetLanguage(code: string): SnippetLanguage | undefined {
  const scores = new Map<SnippetLanguage, number>();
  for (const [language, sign, weight] of SIGNS) {
    if (sign.test(code)) scores.set(language, (scores.get(language) ?? 0) + weight);
  }
  let best: SnippetLanguage | undefined;
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return bestScore >= 4 ? best : undefined;
}
