/**
 * Which checks a pattern names: the glob syntax of `run --only`, known defects and the faulty
 * catalog. Globs are picomatch's (the matcher of micromatch, fast-glob and chokidar): `*`, `?`,
 * `[...]`, `{a,b}`, extglobs such as `!(x)`; several patterns may be given separated by commas
 * outside braces. A pattern names a check by its whole id, or by its subject (the part before
 * "/"), so a scenario or sequence id selects all its checks.
 */
import picomatch from "picomatch";

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
