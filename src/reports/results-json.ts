/**
 * results.json: the run for machines, in a versioned shape that results.schema.json documents.
 * Fields are mapped one by one rather than spread from the harness's objects, so the file carries
 * exactly what the schema says even when the harness grows a field; a new field is added here and
 * in the schema together (schemaVersion changes only when a field is removed or changes meaning).
 */
import type { LatencySummary } from "../harness/latency.js";
import fs from "node:fs";
import path from "node:path";
import type { CheckGroup, CheckResult, CheckStatus, ErrorKind, SentRequest, TimelineEntry } from "../harness/checks.js";
import type { RunResult, ShardInfo } from "../harness/run.js";
import type { StopKind } from "../harness/run-limits.js";
import type { JsonValue } from "../util/json.js";
import { PROJECT_ROOT } from "../util/paths.js";
import { toJsonValue } from "./json-safe.js";
import { catalogLink } from "./check-catalog.js";
import { checkKind, countChecks, countsByGroup, type Counts } from "./model.js";
import { rootCausesOf } from "./root-causes.js";

export const RESULTS_SCHEMA_VERSION = 2;
/** The schema's file name, written next to every results.json (which names it in "$schema"). */
export const RESULTS_SCHEMA_FILE = "results.schema.json";
/** Read from the source tree at run time: tsc does not copy JSON files into dist/. */
export const RESULTS_SCHEMA_PATH = path.join(PROJECT_ROOT, "src", "reports", RESULTS_SCHEMA_FILE);

export interface TimelineEntryV2 {
  post: number;
  steps: string[];
  status: number | null;
  latencyMs?: number;
  error?: string;
  errorKind?: ErrorKind;
  notifications?: Array<{ step: string; fixture: string; sequenceNumbers?: number[] }>;
  observed?: JsonValue;
  expected?: JsonValue;
  mismatches?: string[];
}

export interface CheckV2 {
  id: string;
  group: CheckGroup;
  subject: string;
  kind: string;
  title: string;
  status: CheckStatus;
  blockedBy?: string;
  errorKind?: ErrorKind;
  knownDefect?: string;
  message?: string;
  details?: string[];
  request?: SentRequest;
  delivered?: { post: number; body: JsonValue };
  timeline?: TimelineEntryV2[];
  seed?: number;
  replay?: string;
  file?: string;
  durationMs: number;
}

export interface RootCauseV2 {
  number: number;
  kind: string;
  status: "failed" | "error";
  errorKind?: ErrorKind;
  diagnosis: string;
  roots: string[];
  blocked: string[];
  outside?: string;
}

export interface ResultsV2 {
  $schema: string;
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  tool: { name: string; version: string };
  adapter: string;
  startedAt: string;
  durationMs: number;
  seed: number;
  runs: number;
  /** The observation version the implementation spoke (absent when it never started). */
  observationVersion?: 1 | 2;
  totals: Counts;
  groups: Record<CheckGroup, Counts>;
  /** True when the run stopped before its end (then `stopped` says why): the checks are not all there, or not all judged. */
  partial: boolean;
  /** Present when the run stopped before its end: its deadline, the circuit breaker, --max-failures, an interrupt, a crash of the harness. */
  stopped?: { kind: StopKind; reason: string; subjectsNotRun: number };
  /** Present when the file is one shard of a run (run --shard): merge-reports joins the shards. */
  shard?: ShardInfo;
  /** Derived from checks (a merge recomputes it), before them: what a reader acts on. */
  rootCauses: RootCauseV2[];
  catalog: string;
  checks: CheckV2[];
  /** How long the bot took to answer the notification POSTs (absent when none was POSTed). */
  latency?: LatencySummary;
  /** Present when the run proved its checks against the catalog of faulty implementations (run --prove). */
  proof?: { variants: Array<{ id: string; bug: string; failing: string[] }>; unproven: string[]; collateralOnly: string[] };
}

/** Optional fields appear only when set, so consumers can test for presence. */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function timelineEntry(entry: TimelineEntry): TimelineEntryV2 {
  return {
    post: entry.post,
    steps: [...entry.steps],
    status: entry.status,
    ...optional("latencyMs", entry.latencyMs),
    ...optional("error", entry.error),
    ...optional("errorKind", entry.errorKind),
    ...optional("notifications", entry.notifications?.map((n) => ({ step: n.step, fixture: n.fixture, ...optional("sequenceNumbers", n.sequenceNumbers && [...n.sequenceNumbers]) }))),
    ...optional("observed", entry.observed === undefined ? undefined : toJsonValue(entry.observed)),
    ...optional("expected", entry.expected === undefined ? undefined : toJsonValue(entry.expected)),
    ...optional("mismatches", entry.mismatches && [...entry.mismatches]),
  };
}

function sentRequest(r: SentRequest): SentRequest {
  return { method: r.method, path: r.path, headers: { ...r.headers }, ...optional("body", r.body === undefined ? undefined : toJsonValue(r.body)), ...optional("bodyText", r.bodyText), status: r.status };
}

function check(c: CheckResult): CheckV2 {
  return {
    id: c.id,
    group: c.group,
    subject: c.subject,
    kind: checkKind(c),
    title: c.title,
    status: c.status,
    ...optional("blockedBy", c.blockedBy),
    ...optional("errorKind", c.errorKind),
    ...optional("knownDefect", c.knownDefect),
    ...optional("message", c.message),
    ...optional("details", c.details && [...c.details]),
    ...optional("request", c.request && sentRequest(c.request)),
    ...optional("delivered", c.delivered && { post: c.delivered.post, body: toJsonValue(c.delivered.body) }),
    ...optional("timeline", c.timeline?.map(timelineEntry)),
    ...optional("seed", c.seed),
    ...optional("replay", c.replay),
    ...optional("file", c.file),
    durationMs: c.durationMs,
  };
}

/** The root causes as ids, for machines (results.json, ctrf.json): derived from the checks. */
export function rootCausesV2(checks: readonly CheckResult[]): RootCauseV2[] {
  return rootCausesOf(checks).causes.map((c) => ({
    number: c.number,
    kind: c.kind,
    status: c.status,
    ...optional("errorKind", c.errorKind),
    diagnosis: c.diagnosis,
    roots: c.roots.map((r) => r.id),
    blocked: c.blocked.map((b) => b.id),
    ...optional("outside", c.outside),
  }));
}

export function toResultsV2(result: RunResult): ResultsV2 {
  return {
    $schema: RESULTS_SCHEMA_FILE,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: "graph-calls-contract", version: toolVersion() },
    adapter: result.adapter,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    seed: result.seed,
    runs: result.runs,
    ...optional("observationVersion", result.observationVersion),
    totals: countChecks(result.checks),
    groups: countsByGroup(result),
    partial: result.stopped !== undefined,
    ...optional("stopped", result.stopped && { ...result.stopped }),
    ...optional("shard", result.shard && { index: result.shard.index, total: result.shard.total, plan: result.shard.plan, ...optional("only", result.shard.only), knownDefects: result.shard.knownDefects.map((d) => ({ checks: d.checks, reason: d.reason })) }),
    rootCauses: rootCausesV2(result.checks),
    catalog: catalogLink(),
    ...optional("latency", result.latency && result.latency.posts > 0 ? { ...result.latency, ...optional("histogram", result.latency.histogram?.map(([ms, n]) => [ms, n] as [number, number])) } : undefined),
    checks: result.checks.map(check),
    ...optional("proof", result.proof && {
      variants: result.proof.variants.map((v) => ({ id: v.id, bug: v.bug, failing: [...v.failing] })),
      unproven: [...result.proof.unproven],
      collateralOnly: [...result.proof.collateralOnly],
    }),
  };
}

export function renderResultsJson(result: RunResult): string {
  return `${JSON.stringify(toResultsV2(result), null, 2)}\n`;
}

/** The JSON Schema of results.json, as published next to it. */
export function readResultsSchema(): string {
  try {
    return fs.readFileSync(RESULTS_SCHEMA_PATH, "utf8");
  } catch (error) {
    throw new Error(`reports: cannot read the results schema ${RESULTS_SCHEMA_PATH}: ${(error as Error).message}`);
  }
}

let version: string | undefined;
export function toolVersion(): string {
  version ??= String((JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
  return version;
}
