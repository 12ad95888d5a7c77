/**
 * What the interpreters build: SDK objects (typed properties + additional data kept apart, so the
 * serialiser knows which keys came through additional data), dictionaries, lists and scalars.
 * Objects and collections are mutable references, as in the SDK languages.
 */
import { joinPointer, type JsonPrimitive, type JsonValue } from "../../util/json.js";
import type { IssueSink } from "./issues.js";
import { propertyKey } from "./names.js";

export interface ObjectValue {
  kind: "object";
  type: string;
  /** JSON key (already camelCased) → value. */
  props: Map<string, Value>;
  /** The dictionary given as AdditionalData: its keys are serialised verbatim. */
  additional: MapValue | undefined;
}
export interface MapValue {
  kind: "map";
  entries: Map<string, Value>;
}
export interface ListValue {
  kind: "list";
  items: Value[];
}
/** Something the interpreter could not evaluate; reported only if it ends up in the body. */
export interface UnknownValue {
  kind: "unknown";
  line: number;
  text: string;
}
export type Value = JsonPrimitive | ObjectValue | MapValue | ListValue | UnknownValue;
export type Compound = ObjectValue | MapValue | ListValue | UnknownValue;

export const newObject = (type: string): ObjectValue => ({ kind: "object", type, props: new Map(), additional: undefined });
export const newMap = (entries: Iterable<[string, Value]> = []): MapValue => ({ kind: "map", entries: new Map(entries) });
export const newList = (items: Value[] = []): ListValue => ({ kind: "list", items });
export const unknown = (line: number, text: string): UnknownValue => ({ kind: "unknown", line, text });

/**
 * What `new T(args)` / `T(args)` stands for in a body: SDK models take no constructor arguments,
 * so a single literal argument is a value wrapper (`new Modality('audio')`, `new Guid("…")`,
 * `UUID("…")`, `int32(5)`) and serialises as that literal; anything else is a T object.
 */
export function constructed(type: string, args: readonly Value[]): Value {
  const [only] = args;
  return args.length === 1 && !isCompound(only) ? only! : newObject(type);
}

export function isCompound(v: Value | undefined): v is Compound {
  return typeof v === "object" && v !== null;
}
export function isKind<K extends Compound["kind"]>(v: Value | undefined, kind: K): v is Extract<Compound, { kind: K }> {
  return isCompound(v) && v.kind === kind;
}

/** Sets a typed property (by its SDK name) or, for AdditionalData, the additional-data dictionary. */
export function setProperty(target: Value | undefined, sdkName: string, value: Value, line: number, issues: IssueSink): void {
  if (!isKind(target, "object")) {
    issues.add(line, `cannot set ${sdkName} on ${describe(target)}; ignored`);
    return;
  }
  const key = propertyKey(sdkName);
  if (key !== "additionalData") {
    target.props.set(key, value);
    return;
  }
  if (isKind(value, "map")) target.additional = value;
  else if (value !== null) issues.add(line, `additional data must be a dictionary, got ${describe(value)}; ignored`);
}

/**
 * The collection methods the SDK snippets call on their own variables: setters, list add and
 * map put. Returns false when the method is not one of them.
 */
export function applyCollectionMethod(target: Value | undefined, method: string, args: Value[], line: number, issues: IssueSink): boolean {
  if ((method === "add" || method === "Add") && isKind(target, "list") && args.length === 1) {
    target.items.push(args[0]!);
    return true;
  }
  if ((method === "put" || method === "Add") && isKind(target, "map") && args.length === 2) {
    const key = args[0];
    if (typeof key === "string") target.entries.set(key, args[1]!);
    else issues.add(line, `dictionary key is not a string literal (${describe(key)}); entry ignored`);
    return true;
  }
  return false;
}

export function describe(v: Value | undefined): string {
  if (v === undefined) return "an undefined variable";
  if (!isCompound(v)) return JSON.stringify(v);
  switch (v.kind) {
    case "object":
      return `${/^[AEIOU]/.test(v.type) ? "an" : "a"} ${v.type} object`;
    case "map":
      return "a dictionary";
    case "list":
      return "a list";
    case "unknown":
      return `\`${v.text}\``;
  }
}

export interface Serialised {
  body: JsonValue | undefined;
  additionalData: string[];
}

/**
 * The JSON the SDK would send: typed properties first, then additional data merged in with its
 * keys verbatim (their pointers are recorded). Unknown values are left out and reported.
 */
export function serialise(root: Value, issues: IssueSink): Serialised {
  const additionalData: string[] = [];
  const onPath = new Set<Compound>();
  const walk = (v: Value, pointer: string): JsonValue | undefined => {
    if (!isCompound(v)) return v;
    if (v.kind === "unknown") {
      issues.add(v.line, `could not evaluate \`${v.text}\`; left out of the body at ${pointer || "/"}`);
      return undefined;
    }
    if (onPath.has(v)) {
      issues.add(0, `the body refers to itself at ${pointer}; cut there`);
      return undefined;
    }
    onPath.add(v);
    try {
      if (v.kind === "list") {
        const out: JsonValue[] = [];
        for (const item of v.items) {
          const json = walk(item, joinPointer(pointer, out.length));
          if (json !== undefined) out.push(json);
        }
        return out;
      }
      const out: { [key: string]: JsonValue } = {};
      const put = (entries: Map<string, Value>, additional: boolean) => {
        for (const [key, value] of entries) {
          const child = joinPointer(pointer, key);
          const json = walk(value, child);
          if (json === undefined) continue;
          if (additional && Object.hasOwn(out, key)) issues.add(0, `${child} is set both as a property and in additional data; the additional-data value is sent`);
          out[key] = json;
          if (additional && !additionalData.includes(child)) additionalData.push(child);
        }
      };
      if (v.kind === "map") put(v.entries, false);
      else {
        put(v.props, false);
        if (v.additional) put(v.additional.entries, true);
      }
      return out;
    } finally {
      onPath.delete(v);
    }
  };
  return { body: walk(root, ""), additionalData };
}
