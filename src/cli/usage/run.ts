/** `graph-calls-contract run --help`: its usage text, apart from the command so that --help loads nothing else. */
import { EXIT_CODE_DOCS } from "../../harness/check-registry.js";

/** The whole run's deadline, seconds: a run of the reference takes about 20 s; a slow bot, a few minutes. */
export const DEFAULT_DEADLINE_S = 1800;
/** Calls in a row into the implementation that may time out before it is taken for hung. */
export const DEFAULT_MAX_CONSECUTIVE_TIMEOUTS = 5;

export const usage = `Usage: graph-calls-contract run [--adapter <module> | --command <cmd> [--framing <f>]] [--only <pattern>] [--seed <n>] [--runs <n>] [--step-timeout <ms>] [--max-latency <ms>] [--key-refresh-wait <ms>] [--reports <dir>] [--known-defects <file>] [--deadline <s>] [--max-consecutive-timeouts <n>] [--shard <i/n>] [--prove]

Drives an implementation through every documented Create call and transfer scenario (checking
its requests against the mock Graph) and every documented notification sequence (checking what it
believes after each step and at the end). Every report leads with the root causes: the checks
that failed or errored on their own, each with the checks it blocked (docs/checks.md; run
graph-calls-contract checks). Every run writes its reports; one that stopped before its end
(deadline, circuit breaker, interrupt, crash) is marked partial in each of them.
  --adapter <module>    an ES module exporting createBot() (see the adapter contract in the README);
                        default: the bundled reference implementation
  --command <cmd>       an implementation in any language, started as this shell command and driven
                        through the process protocol (PROTOCOL.md); the mock Graph is then served on
                        127.0.0.1 and notifications are real HTTP POSTs to the callback it announces;
                        graph-calls-contract check-adapter diagnoses one that does not start
  --framing <f>         the process protocol's framing: detect (default: from the answer to start),
                        native, or json-rpc (JSON-RPC 2.0, for a stock JSON-RPC library; PROTOCOL.md)
  --only <pattern>      only the scenarios, sequences or checks matching a glob (picomatch: * ? [..]
                        {a,b}), e.g. "transfer-*", "sequence.delta-roster", "create-call.v1.0.ex0?"
                        (comma-separated for several); a pattern that selects nothing is exit 2
  --seed <n>            seed of the run (call ids, property-based deliveries); default: a new one, printed
  --runs <n>            property-based deliveries per sequence (default 20; 0 skips the delivery checks)
  --step-timeout <ms>   longest one call into the implementation may take (default 5000)
  --max-latency <ms>    longest the bot may take to answer a notification POST (receiver.latency;
                        default 3000); every report gives the POSTs' p50/p99/max
  --key-refresh-wait <ms>  how long after its last fetch of the signing keys a bot that rate-limits its
                        refreshes gets to accept a newly published key (auth.accept.rotated-key; default
                        30000); a bot that refreshes at once is not kept waiting
  --reports <dir>       where to write the reports (default: ./reports): <dir>/<run>/ gets index.html,
                        summary.md, junit.xml, results.json, ctrf.json, and <dir>/latest a copy of them;
                        with GITHUB_ACTIONS=true, also an annotation per root cause and the job summary
  --known-defects <f>   a JSON file of checks the implementation is known to fail: [{ "checks": "<glob>",
                        "reason": "..." }]; they are reported, not failed, and one that passes fails the
                        run (an unexpected pass); an adapter module may export knownDefects instead
  --deadline <s>        the whole run's deadline in seconds (default ${DEFAULT_DEADLINE_S}; 0: none): past it, the step
                        in progress is cut short and every check not yet made is an error (timeout)
  --max-consecutive-timeouts <n>
                        circuit breaker: after n calls in a row into the implementation timed out
                        (default ${DEFAULT_MAX_CONSECUTIVE_TIMEOUTS}; 0: never), every check not yet made is an error (timeout), at once
  --shard <i/n>         make only the i-th of n parts of the run (each scenario or sequence goes to the
                        shard its id hashes to: the same split on every machine); needs --seed, the
                        same in every shard; graph-calls-contract merge-reports joins the shards' reports
  --prove               also run the bundled catalog of faulty implementations (one documented bug
                        each) and report which checks catch which bug, and any check none of them fails

Exit codes:
${EXIT_CODE_DOCS.map((e) => `  ${e.code}  ${e.doc}`).join("\n")}`;
