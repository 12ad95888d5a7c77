/** `graph-calls-contract check-adapter --help`: its usage text, apart from the command so that --help loads nothing else. */
import { PROTOCOL_CHECKS } from "../../protocol-check/checks.js";

export const usage = `Usage: graph-calls-contract check-adapter (--command <cmd> [--framing <f>] | --adapter <module>) [--step-timeout <ms>] [--json]

Checks that an implementation speaks the process protocol (PROTOCOL.md) before a conformance run:
start's answer, observe of an unknown call, an error reply, one documented create call and one
notification on the callback it announces, stop and exit. An adapter mistake is then reported as
one, naming the rule PROTOCOL.md states, instead of as dozens of failed checks. It judges the
protocol only, in whichever framing the implementation speaks; what the calls contain is run's job.
Takes a few seconds.
  --command <cmd>       the implementation, started as this shell command (as run --command does)
  --framing <f>         detect (default: from the answer to start), native, or json-rpc (JSON-RPC 2.0)
  --adapter <module>    an ES module exporting createBot(): the checks that are not about a process
  --step-timeout <ms>   longest one request may take (default 5000; start gets twice as long)
  --json                print {framing, protocol, results: [{id, status, message?, blockedBy?}]}

Checks (a check is blocked when one it needs failed):
${PROTOCOL_CHECKS.map((c) => `  ${c.id.padEnd(30)} ${c.requires}${"processOnly" in c ? " (--command)" : ""}`).join("\n")}

Exit codes:
  0  every check passed
  1  a protocol check failed (the implementation broke a rule of PROTOCOL.md; one that cannot start at all too)
  2  usage error
  3  the tool itself failed`;
