/** Compile the published schemas once and validate payloads against them by name. */
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";
import { readSchemaEntries, type SchemaEntry } from "./registry.js";
import { toContractErrors } from "./errors.js";
import { createContractAjv } from "./ajv-setup.js";
import { UnknownSchemaError, type ValidationResult } from "./result.js";

export { ANNOTATION_KEYWORDS } from "./ajv-setup.js";
export { UnknownSchemaError, type ValidationResult } from "./result.js";

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly byName = new Map<string, SchemaEntry>();
  private readonly byId = new Map<string, SchemaEntry>();
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(readonly entries: SchemaEntry[]) {
    this.ajv = createContractAjv();
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.byId.set(entry.id, entry);
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
      schemaById: (id) => this.byId.get(id)?.schema,
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
}
