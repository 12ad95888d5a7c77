/**
 * The contract's one Ajv configuration: the precompiled validators (src/validators/) are generated
 * from it, and `Contract.load` compiles the same code at run time, so both judge a payload alike.
 *
 * ajv's compiler is required on first use, not imported: the CLI and the harness validate with the
 * precompiled code and never pay for loading it.
 */
import { createRequire } from "node:module";
import type { Ajv2020, Options } from "ajv/dist/2020.js";
import type { ErrorMode } from "../validators/standalone-module.js";
import { ANNOTATION_KEYWORDS } from "./keywords.js";

export { ANNOTATION_KEYWORDS };

const require = createRequire(import.meta.url);

/** The formats our schemas use, from ajv-formats' full set (`uuid` is ours, below). */
export const AJV_FORMATS = ["uri", "uri-reference", "date-time", "email"];

/** RFC 4122 textual form only (ajv-formats' uuid also accepts a "urn:uuid:" prefix, which Graph ids never have). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A fresh Ajv with the contract's options, formats and keywords. "all" collects every error with
 * its schema (errors.ts reads each error's parentSchema); "first" stops at the first error.
 * `code` is for standalone generation.
 */
export function createContractAjv(mode: ErrorMode = "all", code?: Options["code"]): Ajv2020 {
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  // ajv-formats is CommonJS: its function is the module's default export.
  const addFormats = (require("ajv-formats") as { default: (ajv: Ajv2020, formats: string[]) => void }).default;
  const ajv = new Ajv2020({
    allErrors: mode === "all",
    verbose: mode === "all",
    strict: true,
    strictTypes: false,
    strictRequired: false, // required-in-anyOf ("targets or meetingInfo") is idiomatic 2020-12
    discriminator: true,
    keywords: ANNOTATION_KEYWORDS,
    ...(code ? { code } : {}),
  });
  addFormats(ajv, AJV_FORMATS);
  ajv.addFormat("uuid", GUID);
  return ajv;
}
