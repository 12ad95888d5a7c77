/**
 * The contract's validators by schema name: precompiled at build time (Contract.precompiled, what
 * loadContract, the CLI and the harness use), or compiled now from a folder of schemas
 * (Contract.load). Both run the same code (src/validators/standalone-code.ts).
 */
import { readSchemaEntries, type SchemaEntry } from "./registry.js";
import { toContractErrors } from "./errors.js";
import { DEFAULT_MAX_ERRORS, errorsPerLoop, UnknownSchemaError, type ValidateOptions, type ValidationResult } from "./result.js";
import { compileValidators } from "../validators/standalone-code.js";
import { findStandaloneModule, type PrecompiledValidate, type ValidatorsModule } from "../validators/standalone-module.js";
import type { JsonObject } from "../util/json.js";

export { ANNOTATION_KEYWORDS } from "./keywords.js";
export { DEFAULT_MAX_ERRORS, UnknownSchemaError, type ValidateOptions, type ValidationResult } from "./result.js";

interface Source {
  entries(): SchemaEntry[];
  all: ValidatorsModule;
  /** The validators that stop at the first error, loaded or compiled on first use. */
  first(): Pick<ValidatorsModule, "validators">;
}

export class Contract {
  private entryList: SchemaEntry[] | undefined;
  private byName: Map<string, SchemaEntry> | undefined;
  private firstError: Record<string, PrecompiledValidate> | undefined;
  private readonly nameList: string[];

  private constructor(private readonly source: Source) {
    this.nameList = Object.keys(source.all.validators);
  }

  /** Compile every schema of `schemasDir` (default: the package's schemas/) now, with ajv: a second or two. */
  static load(schemasDir?: string): Contract {
    const entries = readSchemaEntries(schemasDir);
    const byId = new Map(entries.map((e) => [e.id, e.schema]));
    const all = { ...compileValidators(entries, "all"), schemaById: (id: string): JsonObject | undefined => byId.get(id) };
    const contract = new Contract({ entries: () => entries, all, first: () => compileValidators(entries, "first") });
    contract.entryList = entries;
    return contract;
  }

  /** The validators `npm run build` compiled from the package's schemas; undefined when there is no build. */
  static precompiled(): Contract | undefined {
    const all = findStandaloneModule("all");
    if (!all) return undefined;
    return new Contract({
      entries: () => readSchemaEntries(),
      all,
      first: () => {
        const first = findStandaloneModule("first");
        if (!first) throw new Error("graph-calls-contract: standalone-first.cjs is missing next to standalone.cjs (run npm run build)");
        return first;
      },
    });
  }

  /** Every published schema with its metadata (read on first use: validating needs none of it). */
  get entries(): SchemaEntry[] {
    this.entryList ??= this.source.entries();
    return this.entryList;
  }

  names(): string[] {
    return [...this.nameList];
  }

  entry(name: string): SchemaEntry {
    this.byName ??= new Map(this.entries.map((e) => [e.name, e]));
    const entry = this.byName.get(name);
    if (!entry) throw new UnknownSchemaError(name, this.names());
    return entry;
  }

  /** Validate `payload` as the named schema: every error (up to `maxErrors`, default 100) as `{ pointer, rule, message }`. */
  validate(name: string, payload: unknown, options: ValidateOptions = {}): ValidationResult {
    const validator = this.pick(this.source.all.validators, name);
    const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    const { collection } = this.source.all;
    collection.begin(errorsPerLoop(maxErrors));
    const valid = validator(payload);
    if (valid) return { schema: name, valid, errors: [] };
    const errors = toContractErrors(validator.errors ?? [], { payload, schemaById: this.source.all.schemaById });
    const cutShort = collection.cutShort();
    if (errors.length <= maxErrors && !cutShort) return { schema: name, valid, errors };
    return { schema: name, valid, errors: errors.slice(0, maxErrors), omitted: { count: Math.max(0, errors.length - maxErrors), atLeast: cutShort } };
  }

  /** Whether `payload` is valid as the named schema, stopping at the first error. */
  isValid(name: string, payload: unknown): boolean {
    this.firstError ??= this.source.first().validators;
    return this.pick(this.firstError, name)(payload);
  }

  private pick(validators: Record<string, PrecompiledValidate>, name: string): PrecompiledValidate {
    const validator = Object.hasOwn(validators, name) ? validators[name] : undefined;
    if (!validator) throw new UnknownSchemaError(name, this.names());
    return validator;
  }
}
