/** Statement pieces C#, Java and JavaScript share: `Type<T> name = …` declarations and `;`. */
import type { Cursor } from "./cursor.js";

export interface TypeName {
  /** Last segment of a qualified name (`com.x.TransferPostRequestBody` → `TransferPostRequestBody`). */
  name: string;
  array: boolean;
}

/** Reads `a.b.Type<...>?[]` (generic arguments skipped). */
export function readTypeName(cur: Cursor): TypeName | undefined {
  if (cur.peek()?.kind !== "ident") return undefined;
  let name = cur.next()!.text;
  while (cur.is(".") && cur.peek(1)?.kind === "ident") {
    cur.next();
    name = cur.next()!.text;
  }
  cur.skipGenerics();
  cur.accept("?");
  let array = false;
  while (cur.is("[") && cur.is("]", 1)) {
    cur.pos += 2;
    array = true;
  }
  return { name, array };
}

/**
 * `Type name =` / `var name =` / `const name =`: consumes it and returns the variable name, or
 * leaves the cursor where it was.
 */
export function readDeclaration(cur: Cursor): string | undefined {
  const start = cur.pos;
  const type = readTypeName(cur);
  const name = cur.peek();
  if (type && name?.kind === "ident" && cur.is("=", 1)) {
    cur.pos += 2;
    return name.text;
  }
  cur.pos = start;
  return undefined;
}

/** Ends a statement at `;`, reporting and skipping whatever stands before it. */
export function endStatement(cur: Cursor): void {
  if (cur.accept(";") || cur.done()) return;
  cur.issues.add(cur.line, `expected \`;\`, found \`${cur.peek()!.text}\`; skipped to the next \`;\``);
  cur.skipPast(";");
}
