/** What a sequence expects of an implementation, in the observation version it speaks. */
import { expectationFor, type ExpectedObservation, type ObservationVersion } from "../harness/observation.js";
import { OWN_CALL, type Sequence } from "./model.js";

/** What a correct bot believes about each call at the end, by call name (the sequence's own call first). */
export function endsOf(sequence: Sequence, version: ObservationVersion): Array<[string, ExpectedObservation]> {
  const others = Object.entries(sequence.ends ?? {}).map(([name, expected]): [string, ExpectedObservation] => [name, expectationFor(expected, version)]);
  return [[OWN_CALL, expectedOf(sequence, "end", version)!], ...others];
}

/** The expectation after step `stepId` ("end": at the end), or undefined when the step expects nothing. */
export function expectedOf(sequence: Sequence, stepId: string, version: ObservationVersion): ExpectedObservation | undefined {
  const written = stepId === "end" ? sequence.end : sequence.steps.find((s) => s.id === stepId)?.expect;
  if (!written) return undefined;
  const resolved = expectationFor(written, version);
  const override = version === 1 ? (stepId === "end" ? sequence.v1?.end : sequence.v1?.steps?.[stepId]) : undefined;
  return override ? { ...resolved, ...override } : resolved;
}
