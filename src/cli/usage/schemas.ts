/** `graph-calls-contract schemas --help`: its usage text, apart from the command so that --help loads nothing else. */
export const usage = `Usage: graph-calls-contract schemas [--all] [--format text|json]

Lists the operation and notification schemas, the names accepted by \`validate --as\`.
  --all            also list every Graph type in both profiles (send/<type>, receive/<type>)
  --format <f>     text (default) or json`;
