/**
 * Where each published schema's type lives in generated/ and what it is called: one module per
 * schema folder, one type per schema file (named from the file, so names are stable and unique),
 * one extra type per `$defs` entry.
 */
import path from "node:path";

export interface TypeModule {
  /** The published schema folder, e.g. "send". */
  folder: string;
  /** The generated file, e.g. "send.ts". */
  file: string;
  /** How other modules address its types (`Send.Call`). */
  namespace: string;
  /** How index.ts exports it: as that namespace (`Send.Call`) or its types by name (`CreateCallRequest`). */
  exported: "as-namespace" | "by-name";
  /**
   * "graph-types": one type per Graph type, in one profile. "messages": operation and notification
   * bodies, which refine Graph types: their JSDoc summarises where they are looser than the schema,
   * and their refinements may name a Graph type by its @odata.type.
   */
  kind: "graph-types" | "messages";
  /** What the module holds, for its header comment. */
  summary: string;
}

export const TYPE_MODULES: readonly TypeModule[] = [
  {
    folder: "operations",
    file: "operations.ts",
    namespace: "Operations",
    exported: "by-name",
    kind: "messages",
    summary: "One type per operation schema: the request and response bodies of create call and transfer.",
  },
  {
    folder: "notifications",
    file: "notifications.ts",
    namespace: "Notifications",
    exported: "by-name",
    kind: "messages",
    summary: "One type per notification schema: the commsNotifications bodies Graph POSTs to a bot's callback.",
  },
  {
    folder: "send",
    file: "send.ts",
    namespace: "Send",
    exported: "as-namespace",
    kind: "graph-types",
    summary:
      "The send profile: what a bot sends. Strict, like the schemas (additionalProperties: false): objects have no " +
      "index signature, so unknown properties are errors, and read-only properties (id, state...) are absent.",
  },
  {
    folder: "receive",
    file: "receive.ts",
    namespace: "Receive",
    exported: "as-namespace",
    kind: "graph-types",
    summary:
      "The receive profile: what a bot receives. Tolerant, like the schemas: objects keep `[k: string]: unknown`, " +
      "unset properties may be null and extensible enums accept any string.",
  },
];

export class GenerateError extends Error {
  constructor(readonly file: string, readonly at: string, message: string) {
    super(`schemas/${file}${at ? ` at ${at}` : ""}: ${message}`);
  }
}

export function moduleOf(publishedPath: string): TypeModule {
  const folder = publishedPath.split("/")[0];
  const module = TYPE_MODULES.find((m) => m.folder === folder);
  if (!module) throw new GenerateError(publishedPath, "", `no generated module for the folder "${folder}"`);
  return module;
}

/** "create-call-request" -> "CreateCallRequest", "joinMeetingIdMeetingInfo" -> "JoinMeetingIdMeetingInfo". */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** The type declared for a published schema file ("send/call.json" -> "Call"). */
export function typeNameOf(publishedPath: string): string {
  return pascalCase(path.posix.basename(publishedPath, ".json"));
}

/** The type declared for one `$defs` entry: its owner's name plus the entry's ("CommsNotificationResource"). */
export function defTypeNameOf(publishedPath: string, defName: string): string {
  return typeNameOf(publishedPath) + pascalCase(defName);
}

/**
 * The name `loadContract().validate(name, payload)` knows a published schema by: "create-call-request",
 * "send/call". Mirrors src/contract/registry.ts; the type suite asserts the two agree.
 */
export function schemaNameOf(publishedPath: string): string {
  const module = moduleOf(publishedPath);
  const base = path.posix.basename(publishedPath, ".json");
  return module.exported === "by-name" ? base : `${module.folder}/${base}`;
}

/** The TypeScript expression for the type at `publishedPath` (and `$defs` entry), as written inside `fromModule`. */
export function qualifiedTypeName(publishedPath: string, fromModule: TypeModule, defName?: string): string {
  const module = moduleOf(publishedPath);
  const name = defName === undefined ? typeNameOf(publishedPath) : defTypeNameOf(publishedPath, defName);
  return module === fromModule ? name : `${module.namespace}.${name}`;
}

/** Resolve a `$ref` ("call.json", "../send/call.json", "#/$defs/resource") against the file it appears in. */
export function resolveRef(ref: string, fromFile: string): { file: string; defName?: string } {
  const hash = ref.indexOf("#");
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  const file = filePart === "" ? fromFile : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), filePart));
  if (fragment === "") return { file };
  const match = /^\/\$defs\/([^/]+)$/.exec(fragment);
  if (!match) throw new GenerateError(fromFile, "", `$ref "${ref}": only whole files and #/$defs/<name> can be typed`);
  return { file, defName: match[1]! };
}
