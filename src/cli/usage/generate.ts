/** `graph-calls-contract generate --help`: its usage text, apart from the command so that --help loads nothing else. */
export const usage = `Usage: graph-calls-contract generate [--check]

Rebuilds what is generated from the schema sources (schemas/source/):
  - the published schemas: schemas/send/, schemas/receive/, schemas/operations/, schemas/notifications/
  - the TypeScript types: generated/ (entry point generated/index.ts)
  - the OpenAPI 3.1 and AsyncAPI 3 documents: exports/openapi.json, exports/asyncapi.json
  --check   write nothing; exit 1 listing the files that differ from what would be written`;
