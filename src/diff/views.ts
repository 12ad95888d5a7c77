/**
 * A schema node as the comparison reads it. The receive profile makes optional properties nullable
 * by wrapping them, `{"anyOf": [X, {"type": "null"}]}`; compared as is, that wrapping would look
 * like a new union with two new branches. A view unwraps it: X's keywords plus a `nullBranch` flag.
 */
import { deepEqual, isObject, joinPointer, type JsonObject, type JsonValue } from "../util/json.js";
import { isAnnotationKeyword } from "./keywords.js";

export interface KeywordAt {
  value: JsonValue;
  /** The keyword's own pointer in its document. */
  pointer: string;
}

export interface NodeView {
  /** The node (the wrapper, when unwrapped). */
  pointer: string;
  keywords: Map<string, KeywordAt>;
  /** Accepts null through an anyOf branch `{"type": "null"}` beside the real schema. */
  nullBranch: boolean;
  /** Where the real schema's own keywords are (the non-null branch when unwrapped). */
  corePointer: string;
}

const NULL_SCHEMA = { type: "null" };

export function viewOf(node: JsonValue | undefined, pointer: string): NodeView {
  // Boolean schemas: true accepts anything (no keyword), false nothing (as `not: {}` would).
  if (!isObject(node)) {
    const keywords = new Map<string, KeywordAt>(node === false ? [["not", { value: {}, pointer }]] : []);
    return { pointer, keywords, nullBranch: false, corePointer: pointer };
  }
  const unwrapped = nullableCore(node);
  if (unwrapped) {
    const corePointer = joinPointer(pointer, "anyOf", unwrapped.index);
    const keywords = keywordsOf(unwrapped.core, corePointer);
    for (const [keyword, at] of keywordsOf(node, pointer)) if (keyword !== "anyOf") keywords.set(keyword, at);
    return { pointer, keywords, nullBranch: true, corePointer };
  }
  return { pointer, keywords: keywordsOf(node, pointer), nullBranch: false, corePointer: pointer };
}

/** The non-null branch of a nullable wrapper, when the wrapper's other keywords do not clash with it. */
function nullableCore(node: JsonObject): { core: JsonObject; index: number } | undefined {
  const branches = node.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return undefined;
  const nullIndex = branches.findIndex((b) => deepEqual(b, NULL_SCHEMA));
  const core = branches[1 - nullIndex];
  if (nullIndex === -1 || !isObject(core)) return undefined;
  const clash = Object.keys(node).some((k) => k !== "anyOf" && !isAnnotationKeyword(k) && k in core);
  return clash ? undefined : { core, index: 1 - nullIndex };
}

function keywordsOf(node: JsonObject, pointer: string): Map<string, KeywordAt> {
  return new Map(Object.entries(node).map(([keyword, value]) => [keyword, { value, pointer: joinPointer(pointer, keyword) }]));
}
