/** The exported documents, built once per worker, and an ajv that validates against their embedded schemas. */
import { Ajv, type Options, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { asyncApiDocument, openApiDocument, readExportInputs } from "../../src/export/index.js";
import { ANNOTATION_KEYWORDS } from "../../src/contract/validator.js";
import { walkJson, isObject, type JsonObject } from "../../src/util/json.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv, formats: string[]) => void;

export const inputs = readExportInputs();
export const openApi = openApiDocument(inputs);
export const asyncApi = asyncApiDocument(inputs);

/** Where an example is attached: the schema ref that must accept it. */
export interface AttachedExample {
  where: string;
  schemaRef: string;
  name: string;
  summary: string;
  payload: unknown;
}

export function openApiExamples(document: JsonObject = openApi): AttachedExample[] {
  const out: AttachedExample[] = [];
  for (const [pointer, node] of walkJson(document)) {
    if (!isObject(node) || !isObject(node.schema) || !isObject(node.examples)) continue;
    for (const [name, example] of Object.entries(node.examples)) {
      if (!isObject(example)) continue;
      out.push({ where: pointer, schemaRef: String(node.schema.$ref), name, summary: String(example.summary), payload: example.value });
    }
  }
  return out;
}

export function asyncApiExamples(document: JsonObject = asyncApi): AttachedExample[] {
  const messages = (document.components as JsonObject).messages as Record<string, JsonObject>;
  return Object.entries(messages).flatMap(([key, message]) =>
    ((message.examples ?? []) as JsonObject[]).map((example) => ({
      where: `#/components/messages/${key}`,
      schemaRef: String((message.payload as JsonObject).$ref),
      name: String(example.name),
      summary: String(example.summary),
      payload: example.payload,
    })));
}

/**
 * The project's ajv, configured as src/contract/validator.ts configures it (strict, all errors),
 * loaded with a document's components/schemas alone: so a ref that escaped the document, or a
 * keyword the dialect does not know, fails here. OpenAPI schemas are 2020-12 (the discriminator
 * with its mapping is an OpenAPI annotation to ajv); AsyncAPI's are read as draft-07.
 */
export function documentSchemas(document: JsonObject, dialect: "2020-12" | "draft-07"): { ajv: Ajv; validator(ref: string): ValidateFunction } {
  const options: Options = { allErrors: true, strict: true, strictTypes: false, strictRequired: false, keywords: [...ANNOTATION_KEYWORDS, "discriminator", "components"] };
  const ajv = dialect === "2020-12" ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv, ["uri", "uri-reference", "date-time", "email", "uuid"]);
  const id = `https://graph-calls-contract.dev/exports/${dialect}.json`;
  ajv.addSchema({ $id: id, components: { schemas: (document.components as JsonObject).schemas } });
  const compiled = new Map<string, ValidateFunction>();
  return {
    ajv,
    validator(ref) {
      let fn = compiled.get(ref);
      if (!fn) compiled.set(ref, (fn = ajv.compile({ $ref: id + ref })));
      return fn;
    },
  };
}

/** Every $ref value in a document, with where it is. */
export function refsOf(document: JsonObject): Array<{ pointer: string; ref: string }> {
  return [...walkJson(document)].flatMap(([pointer, node]) => (isObject(node) && typeof node.$ref === "string" ? [{ pointer, ref: node.$ref }] : []));
}
