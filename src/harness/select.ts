/**
 * Which checks a pattern names: the glob syntax of `run --only`, known defects and the faulty
 * catalog. Globs are picomatch's (the matcher of micromatch, fast-glob and chokidar): `*`, `?`,
 * `[...]`, `{a,b}`, extglobs such as `!(x)`; several patterns may be given separated by commas
 * outside braces. A pattern names a check by its whole id, or by its subject (the part before
 * "/"), so a scenario or sequence id selects all its checks.
 */
import picomatch from "picomatch";
import { editDistance } from "../contract/errors.js";

/** "a,{b,c}/d" -> ["a", "{b,c}/d"]: commas inside braces belong to the glob. */
export function splitPatterns(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "{") depth++;
    if (ch === "}") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p !== "");
}

export function selector(pattern: string | undefined): (id: string) => boolean {
  if (!pattern) return () => true;
  const matchers = splitPatterns(pattern).map((p) => picomatch(p, { dot: true }));
  return (id) => {
    const slash = id.indexOf("/");
    const subject = slash >= 0 ? id.slice(0, slash) : undefined;
    return matchers.some((m) => m(id) || (subject !== undefined && m(subject)));
  };
}

/** An --only that selects no check: a usage error, so a CI job that checks nothing cannot stay green. */
export class NothingSelected extends Error {
  constructor(readonly patterns: ReadonlyArray<{ pattern: string; closest: string[]; note?: string }>) {
    super(patterns.map((p) => `--only: "${p.pattern}" selects no check${p.note ? ` (${p.note})` : ""}${p.closest.length > 0 ? `; the closest ids: ${p.closest.join(", ")}` : ""}`).join("\n") + "\n(graph-calls-contract checks lists every kind of check and every scenario and sequence)");
    this.name = "NothingSelected";
  }
}

/**
 * The patterns of `only` that select none of `ids`, each with the ids closest to it (edit distance
 * of the pattern as written, ignoring case), so a typo names what was meant.
 */
export function unselecting(only: string, ids: readonly string[], count = 5): Array<{ pattern: string; closest: string[] }> {
  const idSet = [...new Set(ids)];
  return splitPatterns(only)
    .filter((p) => !idSet.some(selector(p)))
    .map((pattern) => {
      const wanted = pattern.toLowerCase();
      const ranked = idSet.map((id) => ({ id, d: editDistance(wanted, id.toLowerCase()) })).sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
      return { pattern, closest: ranked.slice(0, count).map((r) => r.id) };
    });
}
