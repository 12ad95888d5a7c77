/**
 * Object and array literals in JSON syntax and its relatives: JavaScript (bare and single-quoted
 * keys), Python dicts/lists, and the JSON of the CLI's --body. Values that are not literals are
 * read by the caller's expression reader.
 */
import type { Cursor } from "./cursor.js";
import { newList, newMap, unknown, type Value } from "./model.js";

export interface LiteralOptions {
  keywords: Readonly<Record<string, Value>>;
  /** Strict JSON: bare keys, non-JSON keywords and trailing commas are reported. */
  json?: boolean;
  /** Reads any value that is not `{`, `[` or a scalar; defaults to "unknown". */
  readOther?: () => Value;
  /** JavaScript shorthand `{ name }` resolves `name` with this. */
  shorthand?: (name: string, line: number) => Value;
}

export function readLiteral(cur: Cursor, options: LiteralOptions): Value {
  const line = cur.line;
  if (cur.accept("{")) return readObject(cur, options);
  if (cur.accept("[")) {
    const list = newList();
    cur.delimited("]", () => list.items.push(readLiteral(cur, options)), trailing(cur, options));
    return list;
  }
  const scalar = cur.readScalar(options.keywords);
  if (scalar) return scalar.value;
  if (options.readOther) return options.readOther();
  const t = cur.next();
  cur.issues.add(line, `\`${t?.text ?? "end"}\` is not a ${options.json ? "JSON" : "literal"} value`);
  return unknown(line, t?.text ?? "");
}

function readObject(cur: Cursor, options: LiteralOptions): Value {
  const map = newMap();
  cur.delimited(
    "}",
    () => {
      const key = cur.peek();
      if (!key || (key.kind !== "string" && key.kind !== "ident" && key.kind !== "number")) return;
      cur.next();
      if (key.kind !== "string" && options.json) cur.issues.add(key.line, `key ${key.text} is not quoted (not valid JSON)`);
      if (!cur.accept(":")) {
        if (key.kind === "ident" && options.shorthand) map.entries.set(key.text, options.shorthand(key.text, key.line));
        else cur.issues.add(key.line, `expected \`:\` after key ${JSON.stringify(key.text)}`);
        return;
      }
      if (map.entries.has(key.text)) cur.issues.add(key.line, `key ${JSON.stringify(key.text)} appears twice; the last value wins`);
      map.entries.set(key.text, readLiteral(cur, options));
    },
    trailing(cur, options),
  );
  return map;
}

function trailing(cur: Cursor, options: LiteralOptions) {
  return options.json ? { onTrailingComma: (line: number) => cur.issues.add(line, "trailing comma (not valid JSON)") } : {};
}

/**
 * A literal whose non-literal values (identifiers, calls) are read by the language's own
 * expression reader; anything else is skipped as unknown.
 */
export function readLiteralWith(cur: Cursor, keywords: Readonly<Record<string, Value>>, readExpr: () => Value, shorthand?: LiteralOptions["shorthand"]): Value {
  const line = cur.line;
  const readOther = (): Value => {
    if (cur.peek()?.kind === "ident") return readExpr();
    const other = cur.peek();
    cur.skipBalanced();
    return unknown(line, other?.text ?? "end");
  };
  return readLiteral(cur, shorthand ? { keywords, readOther, shorthand } : { keywords, readOther });
}
