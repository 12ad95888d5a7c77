/**
 * The contract's one Ajv configuration: `Contract` compiles with it at run time, and the
 * precompiled validators (src/validators/) are generated from it, so both judge a payload alike.
 */
import { Ajv2020, type Options } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

/** Annotation keywords our schemas carry; ajv's strict mode must know them. */
export const ANNOTATION_KEYWORDS = ["x-profile", "x-applies-to", "x-erratum", "x-message", "x-forbidden", "x-extensible-enum"];

/** The formats our schemas use, from ajv-formats' full set (`uuid` is ours, below). */
export const AJV_FORMATS = ["uri", "uri-reference", "date-time", "email"];

/** RFC 4122 textual form only (ajv-formats' uuid also accepts a "urn:uuid:" prefix, which Graph ids never have). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fresh Ajv with the contract's options, formats and keywords; `code` is for standalone generation. */
export function createContractAjv(code?: Options["code"]): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true, // errors.ts needs each error's parentSchema
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
