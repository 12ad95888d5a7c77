/**
 * Which errors a validator must report when a value is replaced by an atom (null, true, 7, 1.5,
 * "x", [], {}): the schemas judging that location are evaluated on the atom. Atoms have no
 * children, so this needs no recursion into properties or items. Combinators are reported the way
 * the contract reports them (see anyOf below); `oneOf` with a `discriminator` is dispatched by the
 * tag, which only objects have.
 */
import { deepEqual, isObject, joinPointer, type JsonObject, type JsonValue } from "../util/json.js";
import { kindOf, kindsOfTypeName } from "./kinds.js";
import type { SchemaRef, SchemaStore } from "./schema-store.js";

export interface ExpectedError {
  pointer: string;
  rule: string;
}

/** A keyword whose outcome on the atom is not modelled here (e.g. a format on a string atom). */
class Unpredictable extends Error {}

/** Errors (pointers relative to the location) for `atom` judged by `entries`, or undefined if unpredictable. */
export function errorsForAtom(entries: readonly SchemaRef[], atom: JsonValue, store: SchemaStore): ExpectedError[] | undefined {
  try {
    return dedupe(entries.flatMap((ref) => evaluate(ref, atom, store)));
  } catch (e) {
    if (e instanceof Unpredictable) return undefined;
    throw e;
  }
}

function evaluate(ref: SchemaRef, atom: JsonValue, store: SchemaStore): ExpectedError[] {
  const { node } = ref;
  if (node === true) return [];
  if (node === false) return [{ pointer: "", rule: "false schema" }];
  if (!isObject(node)) return [];
  return [
    ...valueKeywords(node, atom),
    ...(node.not !== undefined && evaluate(store.child(ref, "not"), atom, store).length === 0 ? [{ pointer: "", rule: "not" }] : []),
    ...(typeof node.$ref === "string" ? evaluate(store.resolve(node.$ref, ref), atom, store) : []),
    ...(Array.isArray(node.allOf) ? node.allOf.flatMap((_, i) => evaluate(store.child(ref, "allOf", i), atom, store)) : []),
    ...(Array.isArray(node.anyOf) ? anyOf(ref, node.anyOf, atom, store) : []),
    ...(Array.isArray(node.oneOf) && !isObject(node.discriminator) ? oneOf(ref, node.oneOf, atom, store) : []),
    ...(node.if !== undefined ? conditional(ref, node, atom, store) : []),
  ];
}

function valueKeywords(node: JsonObject, atom: JsonValue): ExpectedError[] {
  const errors: ExpectedError[] = [];
  const fail = (rule: string, pointer = "") => errors.push({ pointer, rule });
  if (node.type !== undefined) {
    const names = Array.isArray(node.type) ? node.type.map(String) : [String(node.type)];
    if (!names.some((n) => kindsOfTypeName(n)?.includes(kindOf(atom)))) fail("type");
  }
  if (node.const !== undefined && !deepEqual(node.const, atom)) fail("const");
  if (Array.isArray(node.enum) && !node.enum.some((v) => deepEqual(v, atom))) fail("enum");
  if (typeof atom === "string") {
    if (node.format !== undefined) throw new Unpredictable();
    if (typeof node.pattern === "string" && !new RegExp(node.pattern, "u").test(atom)) fail("pattern");
    if (typeof node.minLength === "number" && [...atom].length < node.minLength) fail("minLength");
    if (typeof node.maxLength === "number" && [...atom].length > node.maxLength) fail("maxLength");
  }
  if (typeof atom === "number") {
    if (typeof node.minimum === "number" && atom < node.minimum) fail("minimum");
    if (typeof node.maximum === "number" && atom > node.maximum) fail("maximum");
    if (typeof node.exclusiveMinimum === "number" && atom <= node.exclusiveMinimum) fail("exclusiveMinimum");
    if (typeof node.exclusiveMaximum === "number" && atom >= node.exclusiveMaximum) fail("exclusiveMaximum");
  }
  if (Array.isArray(atom) && typeof node.minItems === "number" && node.minItems > atom.length) fail("minItems");
  if (isObject(atom)) {
    for (const name of Array.isArray(node.required) ? node.required.map(String) : []) {
      if (!(name in atom)) fail("required", joinPointer("", name));
    }
    // Tag missing from the empty object: reported at the tag, like the contract does.
    if (isObject(node.discriminator)) fail("discriminator", joinPointer("", String(node.discriminator.propertyName)));
  }
  return errors;
}

/**
 * How the contract reports a failing anyOf: once, as `anyOf`, when the schema gives it its own
 * message (x-message); through the non-null branch's errors for a nullable wrapper ([X, {type:
 * "null"}]); otherwise with every branch's errors next to the `anyOf` itself.
 */
function anyOf(ref: SchemaRef, branches: JsonValue[], atom: JsonValue, store: SchemaStore): ExpectedError[] {
  const results = branches.map((_, i) => evaluate(store.child(ref, "anyOf", i), atom, store));
  if (results.some((r) => r.length === 0)) return [];
  const itself = { pointer: "", rule: "anyOf" };
  const message = (ref.node as JsonObject)["x-message"];
  if (isObject(message) && typeof message.anyOf === "string") return [itself];
  const nonNull = results.filter((_, i) => !isNullBranch(branches[i]!));
  if (nonNull.length === results.length) return [...results.flat(), itself];
  return nonNull.flat().length > 0 ? nonNull.flat() : [itself];
}

function oneOf(ref: SchemaRef, branches: JsonValue[], atom: JsonValue, store: SchemaStore): ExpectedError[] {
  const results = branches.map((_, i) => evaluate(store.child(ref, "oneOf", i), atom, store));
  const passing = results.filter((r) => r.length === 0).length;
  if (passing === 1) return [];
  return passing === 0 ? [...results.flat(), { pointer: "", rule: "oneOf" }] : [{ pointer: "", rule: "oneOf" }];
}

function conditional(ref: SchemaRef, node: JsonObject, atom: JsonValue, store: SchemaStore): ExpectedError[] {
  const passes = evaluate(store.child(ref, "if"), atom, store).length === 0;
  const branch = passes ? "then" : "else";
  return node[branch] === undefined ? [] : evaluate(store.child(ref, branch), atom, store);
}

function isNullBranch(branch: JsonValue): boolean {
  return isObject(branch) && branch.type === "null" && Object.keys(branch).length === 1;
}

function dedupe(errors: ExpectedError[]): ExpectedError[] {
  const seen = new Map<string, ExpectedError>();
  for (const e of errors) seen.set(`${e.pointer} ${e.rule}`, e);
  return [...seen.values()];
}
