/** The published schemas on disk, addressed by name. */
import fs from "node:fs";
import path from "node:path";
import { SCHEMAS_DIR } from "../util/paths.js";
import { isObject, type JsonObject } from "../util/json.js";
import type { Profile } from "../schema-build/profiles.js";

export type SchemaKind = "operation" | "notification" | "type";

export interface SchemaEntry {
  /** How users address it: "create-call-request", "notification-roster", "send/call", "receive/participant". */
  name: string;
  kind: SchemaKind;
  profile: Profile;
  id: string;
  file: string;
  title: string;
  description: string;
  schema: JsonObject;
}

const FOLDERS: Array<{ dir: string; kind: SchemaKind; prefix: string }> = [
  { dir: "operations", kind: "operation", prefix: "" },
  { dir: "notifications", kind: "notification", prefix: "" },
  { dir: "send", kind: "type", prefix: "send/" },
  { dir: "receive", kind: "type", prefix: "receive/" },
];

export function readSchemaEntries(schemasDir = SCHEMAS_DIR): SchemaEntry[] {
  const entries: SchemaEntry[] = [];
  for (const { dir, kind, prefix } of FOLDERS) {
    const full = path.join(schemasDir, dir);
    if (!fs.existsSync(full)) continue;
    for (const file of fs.readdirSync(full).filter((f) => f.endsWith(".json")).sort()) {
      const filePath = path.join(full, file);
      const schema: unknown = JSON.parse(fs.readFileSync(filePath, "utf8"));
      if (!isObject(schema) || typeof schema.$id !== "string") {
        throw new Error(`${filePath}: a published schema must be an object with an $id (run npm run generate)`);
      }
      entries.push({
        name: prefix + file.replace(/\.json$/, ""),
        kind,
        profile: schema["x-profile"] === "send" ? "send" : "receive",
        id: schema.$id,
        file: filePath,
        title: String(schema.title ?? file),
        description: String(schema.description ?? ""),
        schema,
      });
    }
  }
  if (entries.length === 0) throw new Error(`no schemas found under ${schemasDir} (run npm run generate)`);
  return entries;
}
