/**
 * What each implementations/clients/<client>/index.ts exports, built the same way for every
 * library: `name` (the package and its installed version), `createBot()` (a LibraryBot connected
 * through it) and `knownDefects`, read from the known-defects.json next to it, so that recording
 * what a library gets wrong is data, not code. A typing-defects.json, when there is one, lists what
 * the library's types reject that the documentation sends (nothing a check can see on the wire).
 */
import fs from "node:fs";
import path from "node:path";
import type { TypingDefect } from "../../src/compat/run-implementations.js";
import type { KnownDefect } from "../../src/harness/known-defects.js";
import { PROJECT_ROOT } from "../../src/util/paths.js";
import { LibraryBot, type ConnectLibrary } from "./library-bot.js";

export const CLIENTS_DIR = path.join(PROJECT_ROOT, "implementations", "clients");

export interface ClientLibrary {
  /** Its folder under implementations/clients/. */
  id: string;
  /** The npm package under test. */
  package: string;
  connect: ConnectLibrary;
}


export interface ClientModule {
  name: string;
  createBot(): LibraryBot;
  knownDefects: KnownDefect[];
  typingDefects: TypingDefect[];
  /** The installed version of the package: every reason must name it. */
  version: string;
  library: ClientLibrary;
}

export function clientModule(library: ClientLibrary): ClientModule {
  const version = installedVersion(library.package);
  const dir = path.join(CLIENTS_DIR, library.id);
  return {
    name: `${library.package}@${version}`,
    createBot: () => new LibraryBot(library.connect),
    knownDefects: readEntries<KnownDefect>(path.join(dir, "known-defects.json"), ["checks", "reason"]),
    typingDefects: fs.existsSync(path.join(dir, "typing-defects.json")) ? readEntries<TypingDefect>(path.join(dir, "typing-defects.json"), ["id", "rejects", "reason"]) : [],
    version,
    library,
  };
}

/** From node_modules, not from a package export: some of these packages do not export their package.json. */
function installedVersion(name: string): string {
  const file = path.join(PROJECT_ROOT, "node_modules", ...name.split("/"), "package.json");
  const version = (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown }).version;
  if (typeof version !== "string") throw new Error(`${file} has no version`);
  return version;
}

/** A JSON array of objects with these string fields. */
function readEntries<T>(file: string, fields: string[]): T[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const valid = Array.isArray(parsed) && parsed.every((entry) => typeof entry === "object" && entry !== null && fields.every((f) => typeof (entry as Record<string, unknown>)[f] === "string"));
  if (!valid) throw new Error(`${file}: expected an array of { ${fields.map((f) => `"${f}": "..."`).join(", ")} }`);
  return parsed as T[];
}
