/**
 * graph-calls-contract/harness: what a team implements to run the conformance checks against its
 * bot from code (the adapter contract and the observation model), and the run itself.
 *
 *   import { runConformance, deliveryChecks, type BotUnderTest } from "graph-calls-contract/harness";
 *   const result = await runConformance({ adapter: { createBot }, adapterName: "my-bot", seed: 1, runs: 20, stepTimeoutMs: 5000, deliveries: deliveryChecks });
 *
 * The run reads the scenarios and sequences from the package's fixtures/, wherever it is installed.
 */
export type { AdapterModule, BotEnvironment, BotUnderTest } from "../harness/adapter.js";
export { bounded, StepTimeout } from "../harness/adapter.js";
export type { AnyOf, CallObservation, CallObservationV1, CallObservationV2, Expected, ExpectedObservation, ObservationVersion, ResultCode, TransferOutcome } from "../harness/observation.js";
export { EMPTY_OBSERVATION } from "../harness/observation.js";
export type { CreateCallIntent, TransferIntent, Party, Media, Meeting, IdentityKind } from "../scenarios/model.js";
export type { KnownDefect } from "../harness/known-defects.js";
export type { CheckGroup, CheckResult, TimelineEntry } from "../harness/checks.js";
export { runConformance, ACCESS_TOKEN, CALLBACK_URI, type RunOptions, type RunResult } from "../harness/run.js";
export { deliveryChecks, createDeliveryChecks, type DeliveryCheckOptions } from "../harness/delivery.js";
export { writeReports, type WrittenReports } from "../reports/index.js";
