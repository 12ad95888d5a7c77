/**
 * The limits of a conformance run in a test whose subject is not a limit: there they only detect a
 * hang, and never judge speed. A warm step takes milliseconds, but the first step of a process pays
 * cold starts (modules, validators, the mock), and beside other suites on two shared cores (load 20)
 * a worker can wait seconds for a core: CI failed a reference run once on a 2 s step. A test whose
 * subject is a limit keeps a short one and makes it trip with a stub that never answers (or a bot
 * that sleeps far past it), so that the machine's speed decides nothing.
 */
import { createDeliveryChecks } from "../src/harness/delivery.js";

/** A step (and twice that for start) that real work finishes within on any machine. */
export const STEP_TIMEOUT_MS = 30_000;

/** receiver.latency's budget where a run must pass: the bot's POSTs are judged, not timed. */
export const MAX_LATENCY_MS = 30_000;

/**
 * The delivery checks' budget per sequence where a test needs every plan run (it counts them) or the
 * failing plan found and shrunk: past the default 20 s the search stops early, and passes.
 */
export const DELIVERY_BUDGET_MS = 600_000;

/** The delivery checks with that budget. */
export const unhurriedDeliveryChecks = createDeliveryChecks({ budgetMs: DELIVERY_BUDGET_MS });

/** The run options of a test that judges what a bot does, not how fast: RunOptions' limits as hang detectors. */
export const UNHURRIED = { stepTimeoutMs: STEP_TIMEOUT_MS, maxLatencyMs: MAX_LATENCY_MS, deliveries: unhurriedDeliveryChecks } as const;
