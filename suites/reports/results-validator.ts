/** results.schema.json compiled as a consumer would: the one merge-reports uses (src/reports/results-validator.ts). */
export { resultsValidator } from "../../src/reports/results-validator.js";
