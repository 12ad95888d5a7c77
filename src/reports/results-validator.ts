/** results.schema.json compiled with ajv (2020-12, strict, formats), as a consumer would: merge-reports reads shards' results through it. */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readResultsSchema } from "./results-json.js";

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution (as in src/contract/validator.ts).
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

/** A validator of results.json: the problems, each "pointer message params", none when it conforms. */
export function resultsValidator(): (data: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ["date-time"]);
  const validate = ajv.compile(JSON.parse(readResultsSchema()) as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`));
}
