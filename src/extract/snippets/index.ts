/**
 * SDK-snippet rebuilders: find the snippets in a rendered page (scanSnippet), tell a fenced
 * block's language (detectSnippetLanguage), and rebuild the JSON request each one would send
 * (rebuildRequest). Rebuilding never throws: what it cannot follow becomes an issue.
 */
import { rebuildCli } from "./cli.js";
import { rebuildCSharp } from "./csharp.js";
import { rebuildGo } from "./go.js";
import { rebuildJava } from "./java.js";
import { rebuildJavaScript } from "./javascript.js";
import { rebuildPhp } from "./php.js";
import { rebuildPowerShell } from "./powershell.js";
import { rebuildPython } from "./python.js";
import type { RebuiltRequest, SnippetLanguage } from "./types.js";

export type { RebuiltRequest, SnippetLanguage, SnippetScan } from "./types.js";
export { scanSnippet } from "./scan.js";
export { detectSnippetLanguage } from "./detect.js";

const REBUILDERS: Readonly<Record<SnippetLanguage, (code: string) => RebuiltRequest>> = {
  csharp: rebuildCSharp,
  go: rebuildGo,
  java: rebuildJava,
  javascript: rebuildJavaScript,
  php: rebuildPhp,
  powershell: rebuildPowerShell,
  python: rebuildPython,
  cli: rebuildCli,
};

export function rebuildRequest(language: SnippetLanguage, code: string): RebuiltRequest {
  const rebuild = REBUILDERS[language];
  if (!rebuild) return { language, body: undefined, additionalData: [], issues: [{ line: 0, message: `unsupported snippet language ${String(language)}` }] };
  try {
    return rebuild(code);
  } catch (error) {
    // A rebuilder bug must not take the extraction down with it; it is reported like bad code.
    return { language, body: undefined, additionalData: [], issues: [{ line: 0, message: `internal error while interpreting the snippet: ${(error as Error).message}` }] };
  }
}
