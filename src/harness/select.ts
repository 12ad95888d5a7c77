/** Which checks a pattern names: the glob syntax of `run --only`, known defects and the faulty catalog. */

/** "transfer-*" style globs, matched against whole ids or as a prefix up to a "/". */
export function selector(pattern: string | undefined): (id: string) => boolean {
  if (!pattern) return () => true;
  const alternatives = pattern.split(",").map((p) => new RegExp(`^${p.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}(/.*)?$`));
  return (id) => alternatives.some((re) => re.test(id));
}
