// For ajv-cli (and any Ajv) in strict mode: `-c ./node_modules/graph-calls-contract/schemas/ajv-keywords.cjs`.
// The keywords these schemas carry beside JSON Schema 2020-12, declared as annotations (they validate nothing):
// the x-* keywords (schemas/README.md, "Source keywords"), and `discriminator`, which ajv-cli cannot switch on
// (ajv's `discriminator: true` option): the `oneOf` beside it, whose branches each have a `const` @odata.type,
// decides alone; ajv's discriminator only makes the error name the tag instead of every branch.
"use strict";
const KEYWORDS = ["x-profile", "x-applies-to", "x-erratum", "x-message", "x-forbidden", "x-extensible-enum", "discriminator"];
module.exports = function addGraphCallsContractKeywords(ajv) {
  for (const keyword of KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
};
module.exports.KEYWORDS = KEYWORDS;
