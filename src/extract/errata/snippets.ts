/**
 * What the SDK snippets reveal: code that is not valid in its language, languages that send a
 * different body than the others (or than the published JSON), snake_cased keys Graph would not
 * accept, and properties the SDK model lacks (the snippet had to pass them as additional data).
 */
import { getAtPointer, lastToken } from "../../util/json.js";
import { diffJson, summarize, type JsonDifference } from "../../util/json-diff.js";
import { add, recordsOf, typeOf, type ErrataContext } from "./context.js";

const snakeToCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export function detectSnippetErrata(ctx: ErrataContext): void {
  for (const [, record] of recordsOf(ctx.corpus)) {
    if (record.role !== "request" || record.snippets.length === 0) continue;
    const reference = record.value;
    const against = record.origin === "json" ? "the published JSON" : "the body most languages agree on";
    const missingModel = new Map<string, { pointer: string; languages: string[] }>();

    for (const e of record.snippets) {
      if (e.rebuilt.issues.length > 0) {
        const problems = e.rebuilt.issues.map((i) => `line ${e.lines.start + i.line}: ${i.message}`);
        add(record, { code: "SNIPPET_INVALID_CODE", subject: e.language, line: e.lines.start + e.rebuilt.issues[0]!.line, description: `the ${e.language} snippet (lines ${e.lines.start}-${e.lines.end}) is not valid code as published (${problems.length} problem${problems.length > 1 ? "s" : ""}): ${problems.join("; ")}` });
      }
      if (e.rebuilt.body === undefined || reference === undefined || reference === null) continue;

      const diffs = diffJson(reference, e.rebuilt.body);
      const snake = diffs.filter((d) => d.kind === "only-right" && /_/.test(lastToken(d.pointer) ?? ""));
      for (const d of snake) {
        const key = lastToken(d.pointer)!;
        add(record, { code: "SNAKE_CASE_KEY", subject: `${e.language}:${key}`, pointer: d.pointer, line: e.lines.start, description: `the ${e.language} snippet passes "${key}" through additional data, and the SDK sends additional-data keys verbatim, so Graph would receive "${key}" instead of "${snakeToCamel(key)}"` });
      }
      const snakeTwins = new Set(snake.map((d) => d.pointer.replace(/[^/]*$/, snakeToCamel(lastToken(d.pointer)!))));
      const rest = diffs.filter((d) => !snake.includes(d) && !(d.kind === "only-left" && snakeTwins.has(d.pointer)));
      if (rest.length > 0) {
        add(record, { code: "SNIPPET_DISAGREEMENT", subject: e.language, line: e.lines.start, description: `the ${e.language} snippet (lines ${e.lines.start}-${e.lines.end}) sends a different body than ${against}: ${describe(rest)}` });
      }

      for (const pointer of e.rebuilt.additionalData) {
        if (getAtPointer(reference, pointer) === undefined) continue;
        const parent = pointer.slice(0, pointer.lastIndexOf("/"));
        const owner = typeOf(ctx, record, getAtPointer(reference, parent), parent) ?? (parent || "body");
        const subject = `${owner}.${lastToken(pointer)}`;
        const entry = missingModel.get(subject) ?? { pointer, languages: [] };
        entry.languages.push(e.language);
        missingModel.set(subject, entry);
      }
    }
    for (const [subject, { pointer, languages }] of missingModel) {
      add(record, { code: "FIELD_NOT_IN_SDK_MODEL", subject, pointer, line: record.lines.start, description: `${subject} is not in the SDK model: the ${summarize(languages)} snippet${languages.length > 1 ? "s set" : " sets"} it as additional data` });
    }
  }
}

function describe(diffs: JsonDifference[]): string {
  const parts: string[] = [];
  const missing = diffs.filter((d) => d.kind === "only-left").map((d) => d.pointer);
  const extra = diffs.filter((d) => d.kind === "only-right").map((d) => d.pointer);
  const changed = diffs.filter((d) => d.kind === "changed").map((d) => d.pointer);
  if (missing.length) parts.push(`lacks ${summarize(missing)}`);
  if (extra.length) parts.push(`adds ${summarize(extra)}`);
  if (changed.length) parts.push(`changes ${summarize(changed)}`);
  return parts.join("; ");
}
