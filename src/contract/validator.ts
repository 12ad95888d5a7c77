/** Compile the published schemas once and validate payloads against them by name. */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { isObject, type JsonObject } from "../util/json.js";
import { readSchemaEntries, type SchemaEntry } from "./registry.js";
import { toContractErrors, type ContractError } from "./errors.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

/** Annotation keywords our schemas carry; ajv's strict mode must know them. */
export const ANNOTATION_KEYWORDS = ["x-profile", "x-applies-to", "x-erratum", "x-message", "x-forbidden", "x-extensible-enum"];

/** RFC 4122 textual form only (ajv-formats' uuid also accepts a "urn:uuid:" prefix, which Graph ids never have). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ValidationResult {
  schema: string;
  valid: boolean;
  errors: ContractError[];
}

export class UnknownSchemaError extends Error {
  constructor(readonly requested: string, readonly known: string[]) {
    super(`unknown schema "${requested}"; known schemas: ${known.filter((n) => !n.includes("/")).join(", ")} (and send/<type>, receive/<type>)`);
  }
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly byName = new Map<string, SchemaEntry>();
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(readonly entries: SchemaEntry[]) {
    this.ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false, // required-in-anyOf ("targets or meetingInfo") is idiomatic 2020-12
      discriminator: true,
      keywords: ANNOTATION_KEYWORDS,
    });
    addFormats(this.ajv, ["uri", "uri-reference", "date-time", "email"]);
    this.ajv.addFormat("uuid", GUID);
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.ajv.addSchema(entry.schema, entry.id);
    }
  }

  /** Load and compile every published schema (from `schemasDir`, default: the package's schemas/). */
  static load(schemasDir?: string): Contract {
    const contract = new Contract(readSchemaEntries(schemasDir));
    for (const entry of contract.entries) contract.validatorFor(entry.name);
    return contract;
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  entry(name: string): SchemaEntry {
    const entry = this.byName.get(name);
    if (!entry) throw new UnknownSchemaError(name, this.names());
    return entry;
  }

  validate(name: string, payload: unknown): ValidationResult {
    const validator = this.validatorFor(name);
    const valid = validator(payload) as boolean;
    const errors = valid ? [] : toContractErrors(validator.errors ?? [], {
      payload,
      discriminatorValues: (parent) => this.discriminatorValues(parent),
    });
    return { schema: name, valid, errors };
  }

  private validatorFor(name: string): ValidateFunction {
    let fn = this.compiled.get(name);
    if (!fn) {
      const entry = this.entry(name);
      fn = this.ajv.getSchema(entry.id);
      if (!fn) throw new Error(`schema ${entry.id} did not compile`);
      this.compiled.set(name, fn);
    }
    return fn;
  }

  /** The `const` of the tag in each oneOf branch of a discriminated schema. */
  private discriminatorValues(parent: JsonObject): string[] {
    const tag = isObject(parent.discriminator) ? String(parent.discriminator.propertyName) : "@odata.type";
    const base = typeof parent.$id === "string" ? parent.$id : "";
    const values: string[] = [];
    for (const branch of Array.isArray(parent.oneOf) ? parent.oneOf : []) {
      let schema: unknown = branch;
      if (isObject(branch) && typeof branch.$ref === "string") {
        // Only for the message: a ref we cannot resolve (no base to resolve it against) lists nothing rather than throwing.
        const href = URL.canParse(branch.$ref, base || undefined) ? new URL(branch.$ref, base || undefined).href : undefined;
        schema = href ? this.ajv.getSchema(href)?.schema : undefined;
      }
      const tagSchema = isObject(schema) && isObject(schema.properties) ? (schema.properties as JsonObject)[tag] : undefined;
      if (isObject(tagSchema) && typeof tagSchema.const === "string") values.push(tagSchema.const);
    }
    return values;
  }
}
