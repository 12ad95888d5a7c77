/** JSON values and JSON Pointer helpers shared by the extractor, the contract and the CLI. */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 6901 escaping of one reference token. */
export function escapePointerToken(token: string): string {
  return token.includes("~") || token.includes("/") ? token.replace(/~/g, "~0").replace(/\//g, "~1") : token;
}

export function unescapePointerToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((t) => "/" + escapePointerToken(String(t))).join("");
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split("/").map(unescapePointerToken);
}

/** The value at `pointer`, or undefined when the path does not exist. Own properties only. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isObject(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
      node = node[token];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Every (pointer, value) pair of a JSON value, depth first, parents before children. */
export function* walkJson(value: unknown, pointer = ""): Generator<[string, unknown]> {
  yield [pointer, value];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walkJson(value[i], joinPointer(pointer, i));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) yield* walkJson(value[key], joinPointer(pointer, key));
  }
}

/** Stable, diff-friendly serialisation used for every file we generate. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Replace the value at an existing pointer (the root cannot be replaced). */
export function setAtPointer(root: unknown, pointer: string, value: JsonValue): void {
  const tokens = splitPointer(pointer);
  const last = tokens.pop();
  if (last === undefined) throw new Error("cannot replace the root value");
  const parent = getAtPointer(root, joinPointer("", ...tokens));
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else if (isObject(parent)) Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  else throw new Error(`no container at ${pointer}`);
}

/** The last reference token of a pointer (the property or index name). */
export function lastToken(pointer: string): string | undefined {
  return splitPointer(pointer).pop();
}
