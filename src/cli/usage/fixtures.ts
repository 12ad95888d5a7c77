/** `graph-calls-contract fixtures --help`: its usage text, apart from the command so that --help loads nothing else. */
export const usage = `Usage: graph-calls-contract fixtures [--format text|json]

Validates every documented fixture against each schema it claims (a fixture whose errata the
contract rejects must fail with exactly the predicted errors) and every invalid case against the
errors it lists. Prints one row per schema. Exit 1 if anything behaves otherwise.
  --format <f>   text (default) or json`;
