/**
 * Validation against JSON.parse of the same text: a webhook body has to be parsed anyway, so
 * parsing is the floor validating is compared to. Ours (the package's precompiled validators) and
 * the peers (bench/rows/peers.ts) on the same payloads.
 */
import { readSchemaEntries } from "../../src/contract/registry.js";
import { isValid, validate } from "../../src/validators/index.js";
import type { SchemaName } from "../../generated/index.js";
import { ONE_CALL } from "../measure.js";
import type { Row } from "../row.js";
import { checkVerdicts, PEERS } from "./peers.js";
import { hostileRoster, invalidRequest, largestValid, notificationBatch } from "./support.js";

const parseOf = (payload: unknown) => {
  const text = JSON.stringify(payload);
  return { name: `JSON.parse of the same payload (${text.length.toLocaleString("en-US")} bytes)`, run: () => JSON.parse(text) };
};
const PARSE_BASELINE = "JSON.parse of the payload's text: the work any receiver does before validating";

const payloads = {
  request: { schema: "create-call-request", what: "the largest valid documented create-call request", payload: () => largestValid("create-call-request").payload },
  batch: { schema: "notification", what: "every documented notification in one batch", payload: notificationBatch },
};

const validRows: Row[] = Object.entries(payloads).map(([key, p]) => ({
  id: `valid-${key}`,
  title: `validate ${p.what} (valid)`,
  baseline: PARSE_BASELINE,
  goal: { max: 2.5 },
  prepare() {
    const payload = p.payload();
    return {
      subject: { name: `validate("${p.schema}")`, run: () => validate(p.schema as SchemaName, payload) },
      baseline: parseOf(payload),
      check: () => { if (!validate(p.schema as SchemaName, payload).valid) throw new Error(`${p.what} is not valid`); },
    };
  },
}));

const invalidRow: Row = {
  id: "invalid-messages",
  title: "validate an invalid request, with the project's messages (3 faults: a misspelling, a read-only property, an unknown enum value)",
  baseline: PARSE_BASELINE,
  goal: { max: 3 },
  prepare() {
    const payload = invalidRequest();
    return {
      subject: { name: `validate("create-call-request") -> errors`, run: () => validate("create-call-request", payload) },
      baseline: parseOf(payload),
      check: () => { if (validate("create-call-request", payload).errors.length < 3) throw new Error("the invalid request should have at least 3 errors"); },
    };
  },
};

const isValidRow: Row = {
  id: "isvalid-invalid",
  title: "isValid on the same invalid request (stops at the first error)",
  baseline: PARSE_BASELINE,
  prepare() {
    const payload = invalidRequest();
    return { subject: { name: `isValid("create-call-request")`, run: () => isValid("create-call-request", payload) }, baseline: parseOf(payload) };
  },
};

/** The growth check: the cost per error does not grow with the number of errors. */
const errorsLinearRow: Row = {
  id: "errors-linear",
  title: "validate a roster with 10,000 bad participants (5,000 with --quick), every error listed (maxErrors: Infinity)",
  baseline: "the same roster with a tenth as many bad participants: linear is 10x, 30x leaves room for caches and GC; ajv's concat made it ~130x",
  goal: { max: 30, growth: true },
  prepare({ quick }) {
    const [small, large] = quick ? [500, 5_000] : [1_000, 10_000];
    const few = hostileRoster(small);
    const many = hostileRoster(large);
    return {
      subject: { name: `${large.toLocaleString("en-US")} errors`, run: () => validate("notification-roster", many, { maxErrors: Infinity }) },
      baseline: { name: `${small.toLocaleString("en-US")} errors`, run: () => validate("notification-roster", few, { maxErrors: Infinity }) },
      check: () => { if (validate("notification-roster", many, { maxErrors: Infinity }).errors.length !== large) throw new Error(`expected ${large} errors`); },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};

/** Hostile: about 10 MB of a roster of bad participants, as a bot validating its webhooks would get it. */
const hostileRows: Row[] = (["validate", "isValid"] as const).map((fn) => ({
  id: `hostile-10mb-${fn}`,
  title: `${fn} a 10 MB roster of bad participants (issue 13: 32 KB took 68 s)`,
  baseline: PARSE_BASELINE,
  slow: fn === "isValid",
  prepare() {
    const payload = hostileRoster(7_400);
    const text = JSON.stringify(payload);
    return {
      subject: { name: `${fn}("notification-roster")`, run: () => fn === "validate" ? validate("notification-roster", payload) : isValid("notification-roster", payload) },
      baseline: { name: `JSON.parse (${(text.length / 1e6).toFixed(1)} MB)`, run: () => JSON.parse(text) },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
}));

/** Each peer on the valid request and on the invalid one (all errors), after agreeing with our verdicts. */
const peerRows: Row[] = PEERS.flatMap((peer) => [
  {
    id: `peer-${peer.id}-valid`,
    title: `${peer.label}: the largest valid documented create-call request (after agreeing with our verdict on every fixture)`,
    baseline: PARSE_BASELINE,
    prepare() {
      const payload = payloads.request.payload();
      const fn = peer.compile(readSchemaEntries(), { allErrors: false })("create-call-request");
      return { subject: { name: peer.label, run: () => fn(payload) }, baseline: parseOf(payload), check: () => checkVerdicts(peer) };
    },
  },
  {
    id: `peer-${peer.id}-invalid`,
    title: `${peer.label}: the invalid request, all errors (its own error objects)`,
    baseline: PARSE_BASELINE,
    slow: true,
    prepare() {
      const payload = invalidRequest();
      const fn = peer.compile(readSchemaEntries(), { allErrors: true })("create-call-request");
      return { subject: { name: peer.label, run: () => fn(payload) }, baseline: parseOf(payload), check: () => { if (peer.verdict(fn(payload))) throw new Error(`${peer.label} accepts the invalid request`); } };
    },
  },
]);

export const validationRows: Row[] = [...validRows, invalidRow, isValidRow, errorsLinearRow, ...hostileRows, ...peerRows];
