/** `graph-calls-contract export --help`: its usage text, apart from the command so that --help loads nothing else. */
export const usage = `Usage: graph-calls-contract export --format openapi|asyncapi [--out <file>]

Builds the document from the published schemas and the documented examples; the same bytes as the
committed exports/openapi.json or exports/asyncapi.json.
  --format <f>   openapi: create call and transfer (paths), the change notifications (webhooks)
                 asyncapi: the change notifications on the bot's callback channel
  --out <file>   write the document to <file> instead of stdout`;
