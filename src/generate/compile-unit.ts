/** One json-schema-to-typescript run: a translated schema in, one exported declaration out. */
import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { JsonObject } from "../util/json.js";
import { PROJECT_ROOT } from "../util/paths.js";
import { GenerateError } from "./modules.js";

export interface TypeUnit {
  /** The declared type's name. */
  name: string;
  /** The published schema it comes from and where in it, for errors. */
  file: string;
  at: string;
  /** Already translated (see translate.ts): every $ref is a tsType, so nothing is resolved or fetched. */
  schema: JsonObject;
}

const OPTIONS = {
  bannerComment: "",
  // Referenced types are declared by their own units; each unit declares exactly one type.
  declareExternallyReferenced: false,
  unreachableDefinitions: false,
  // Refs are translated away; should one slip through, fail rather than read a file or the network.
  $refOptions: { resolve: { external: false } },
  cwd: PROJECT_ROOT,
  format: true,
  unknownAny: true,
  strictIndexSignatures: false,
} as const;

export async function compileUnit(unit: TypeUnit): Promise<string> {
  try {
    const code = await compile({ ...unit.schema, title: unit.name } as JSONSchema, unit.name, OPTIONS);
    return code.trim() + "\n";
  } catch (error) {
    throw new GenerateError(unit.file, unit.at, `json-schema-to-typescript failed on ${unit.name}: ${(error as Error).message}`);
  }
}
