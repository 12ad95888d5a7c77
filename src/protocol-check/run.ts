/**
 * The adapter self-check: a short run of the process protocol's own rules (checks.ts) against an
 * implementation, before a conformance run, so that an adapter mistake is reported as one, naming
 * the rule, not as dozens of failed checks about calls. It drives the implementation as `run` does
 * (the same ProcessBot and Session, the mock Graph over HTTP, signed notifications), in whichever
 * framing the implementation speaks, and judges only the protocol: one documented create call and
 * one call-state notification, no contract checks.
 */
import net from "node:net";
import { randomUUID } from "node:crypto";
import type { Framing, FramingChoice } from "../adapters/framing.js";
import { ProcessBot, StartAnswerError } from "../adapters/process-bot.js";
import { bounded, type AdapterModule, type BotUnderTest } from "../harness/adapter.js";
import { describeError } from "../harness/checks.js";
import { EMPTY_OBSERVATION, expectationFor, OBSERVATION_VERSIONS } from "../harness/observation.js";
import { mismatchLines } from "../harness/runner.js";
import { ACCESS_TOKEN, APP_ID, CALLBACK_URI, startMockGraph, TENANT_ID, TRANSFER_BASE_CALL } from "../harness/run.js";
import { Session, startTimeoutMs } from "../harness/session.js";
import { loadContract } from "../index.js";
import { GraphMock } from "../mock-graph/graph-mock.js";
import { NotificationIssuer, SAMPLES_ISSUER_ORIGIN } from "../mock-graph/issuer.js";
import { bindNotification } from "../sequences/bind.js";
import { loadNotifications, loadScenarios, loadSequences, stepBody } from "../sequences/load.js";
import { isNotificationStep } from "../sequences/model.js";
import { failure, PROTOCOL_CHECKS, type ProtocolCheckId, type ProtocolCheckResult } from "./checks.js";

/** A command speaking the process protocol, or a loaded adapter module (load.ts). */
export type AdapterTarget = { command: string; cwd: string; framing: FramingChoice } | { module: AdapterModule };

export interface SelfCheckReport {
  /** The framing the implementation spoke (a command that answered start). */
  framing?: Framing;
  /** The protocol (observation) version it chose. */
  protocol?: number;
  results: ProtocolCheckResult[];
}

/** The transfer a refused request is made of: a documented one, to a call Graph does not know. */
const REFUSED_TRANSFER = "call-transfer.v1.0.ex01";
/** The notification delivered: the documented "established" of the call the create call places. */
/**
 * How long the process gets to exit after stop. PROTOCOL.md gives it a second; the check waits three, so that a
 * process that exits at once is not failed on a loaded CI machine (a false failure would make teams skip the check).
 */
const STOP_GRACE_MS = 3_000;
const NOTIFIED = { sequence: "outgoing-call-lifecycle", step: "established", state: "established" };

export async function checkAdapter(target: AdapterTarget, stepTimeoutMs: number): Promise<SelfCheckReport> {
  const contract = loadContract();
  const scenarios = new Map(loadScenarios().map((s) => [s.id, s]));
  const notifications = loadNotifications();
  const sequence = loadSequences().find((s) => s.id === NOTIFIED.sequence);
  const step = sequence?.steps.find((s) => s.id === NOTIFIED.step);
  if (!step || !isNotificationStep(step)) throw new Error(`fixtures/sequences/${NOTIFIED.sequence}.json has no notification step ${NOTIFIED.step}`);
  const isProcess = "command" in target;
  const { graph, close } = await startMockGraph(isProcess ? "http" : "in-process", async (origin) => {
    const issuer = await NotificationIssuer.create({ origin: origin ?? SAMPLES_ISSUER_ORIGIN, appId: APP_ID });
    return new GraphMock({ contract, seed: 1, tenantId: TENANT_ID, issuer, ...(origin ? { origin } : {}) });
  });
  const results: ProtocolCheckResult[] = [];
  const verdict = (result: ProtocolCheckResult) => results.push(result);
  const pass = (id: ProtocolCheckId) => verdict({ id, status: "passed" });
  const block = (ids: ProtocolCheckId[], by: ProtocolCheckId) => ids.forEach((id) => verdict({ id, status: "blocked", blockedBy: by }));
  const applies = (id: ProtocolCheckId) => isProcess || !PROTOCOL_CHECKS.find((c) => c.id === id && "processOnly" in c);
  let bot: BotUnderTest | undefined;
  let framing: Framing | undefined;
  try {
    bot = isProcess
      ? new ProcessBot({ command: target.command, cwd: target.cwd, requestTimeoutMs: stepTimeoutMs, framing: target.framing, stopGraceMs: STOP_GRACE_MS })
      : await bounded("createBot", stepTimeoutMs, async () => target.module.createBot());
    const session = new Session(bot, graph, contract, scenarios, notifications, { stepTimeoutMs, accessToken: ACCESS_TOKEN, callbackUri: CALLBACK_URI, appId: APP_ID, tenantId: TENANT_ID });
    const running = bot;

    // start: its answer, then each field of it.
    const afterStart: ProtocolCheckId[] = ["adapter.observe.unknown-call", "adapter.error-reply", "adapter.create-call", "adapter.notification.answered", "adapter.notification.applied"];
    let started = false;
    try {
      const env = { graphBaseUrl: graph.baseUrl, accessToken: ACCESS_TOKEN, callbackUri: CALLBACK_URI, appId: APP_ID, tenantId: TENANT_ID, openIdConfigurationUrl: graph.issuer?.openIdConfigurationUrl ?? "" };
      const { callbackUrl } = await bounded("start", startTimeoutMs(stepTimeoutMs), () => running.start(env));
      pass("adapter.start");
      if (applies("adapter.start.callback-url")) pass("adapter.start.callback-url");
      const version = running.observationVersion;
      if (version === undefined || OBSERVATION_VERSIONS.includes(version)) pass("adapter.start.protocol");
      else verdict(failure("adapter.start.protocol", `the adapter speaks observation version ${JSON.stringify(version)}`));
      session.callbackUrl = callbackUrl;
      if (running instanceof ProcessBot) framing = running.framing;
      started = results.every((r) => r.status === "passed");
      if (!started) block([...afterStart, "adapter.start.listening" as const].filter(applies), "adapter.start.protocol");
    } catch (e) {
      const field = e instanceof StartAnswerError ? e.field : undefined;
      if (field) pass("adapter.start");
      else verdict(failure("adapter.start", `start failed: ${describeError(e)}`));
      const by: ProtocolCheckId = field === "callbackUrl" ? "adapter.start.callback-url" : field === "protocol" ? "adapter.start.protocol" : "adapter.start";
      if (field) verdict(failure(by, (e as Error).message));
      for (const id of ["adapter.start.callback-url", "adapter.start.protocol"] as const) if (id !== by && applies(id)) verdict({ id, status: "blocked", blockedBy: by });
      block([...(applies("adapter.start.listening") ? ["adapter.start.listening" as const] : []), ...afterStart], by);
    }

    if (started) {
      let listening = true;
      if (applies("adapter.start.listening")) {
        const refused = await connectProblem(session.callbackUrl);
        listening = refused === undefined;
        if (refused === undefined) pass("adapter.start.listening");
        else verdict(failure("adapter.start.listening", `nothing accepts connections on ${session.callbackUrl} (${refused})`));
      }

      const version = session.observationVersion;
      const unknown = await session.observe(randomUUID());
      if (unknown.error) verdict(failure("adapter.observe.unknown-call", unknown.error));
      else {
        const wrong = mismatchLines(expectationFor(EMPTY_OBSERVATION, version), unknown.observed);
        if (wrong.length === 0) pass("adapter.observe.unknown-call");
        else verdict(failure("adapter.observe.unknown-call", `observe of an unknown call answered ${JSON.stringify(unknown.observed)?.slice(0, 300)}: ${wrong.join("; ")}`));
      }

      const refused = await session.transfer(graph.foreignCallId(), REFUSED_TRANSFER);
      const status = graph.requests.at(-1)?.status;
      const graphSaid = status === undefined ? "the implementation sent Graph no transfer request" : `Graph answered ${status}`;
      if (!refused.error) verdict(failure("adapter.error-reply", `transfer was answered with a result, although ${graphSaid}`));
      else if (refused.errorKind) verdict(failure("adapter.error-reply", `transfer, which Graph refused, did not get an error reply: ${refused.error}`));
      else pass("adapter.error-reply");

      const created = await session.createCall(TRANSFER_BASE_CALL);
      if (created.callId === undefined) {
        const last = graph.requests.at(-1);
        const graphSaid = last ? `; Graph answered its ${last.method} ${last.path} with ${last.status}` : "; it sent Graph no request";
        verdict(failure("adapter.create-call", `createCall of scenario ${TRANSFER_BASE_CALL} failed: ${created.error ?? "no call id"}${graphSaid}`));
        block(["adapter.notification.answered", "adapter.notification.applied"], "adapter.create-call");
      } else if (!listening) {
        pass("adapter.create-call");
        block(["adapter.notification.answered", "adapter.notification.applied"], "adapter.start.listening");
      } else {
        pass("adapter.create-call");
        const body = bindNotification(stepBody(step, notifications, NOTIFIED.sequence), { callId: created.callId, callbackUri: CALLBACK_URI });
        const posted = await session.deliver(body, { callId: created.callId });
        if (posted.status === null || posted.status < 200 || posted.status > 299) {
          verdict(failure("adapter.notification.answered", `the POST of notification ${step.notification} (state ${NOTIFIED.state}) to ${session.callbackUrl} ${posted.status === null ? `failed: ${posted.error}` : `was answered ${posted.status}`}`));
          block(["adapter.notification.applied"], "adapter.notification.answered");
        } else {
          pass("adapter.notification.answered");
          const seen = await session.observe(created.callId);
          const wrong = seen.error ? [seen.error] : mismatchLines({ state: NOTIFIED.state }, seen.observed);
          if (wrong.length === 0) pass("adapter.notification.applied");
          else verdict(failure("adapter.notification.applied", `after the POST of a call-state notification (${NOTIFIED.state}) was answered ${posted.status}, observe: ${wrong.join("; ")}`));
        }
      }
    }
  } catch (e) {
    // A module whose createBot() fails: nothing could start.
    if (!results.some((r) => r.id === "adapter.start")) {
      verdict(failure("adapter.start", `the adapter could not be created: ${describeError(e)}`));
      // stop is judged (and blocked) by stopCheck when there is a bot to stop.
      block(PROTOCOL_CHECKS.map((c) => c.id).filter((id) => id !== "adapter.start" && applies(id) && !(bot && id.startsWith("adapter.stop"))), "adapter.start");
    } else throw e;
  } finally {
    try {
      // The start check that failed, if one did: the process is gone, so stop is blocked by it.
      const startFailed = results.find((r) => r.id.startsWith("adapter.start") && r.id !== "adapter.start.listening" && r.status === "failed")?.id;
      if (bot) await stopCheck(bot, stepTimeoutMs, startFailed, verdict);
    } finally {
      await close();
    }
  }
  const protocol = results.find((r) => r.id === "adapter.start.protocol")?.status === "passed" ? (bot?.observationVersion ?? 1) : undefined;
  const order = PROTOCOL_CHECKS.map((c) => c.id as string);
  return { ...(framing ? { framing } : {}), ...(protocol ? { protocol } : {}), results: results.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)) };
}

/** stop, and for a process whether it then exited by itself within the second PROTOCOL.md gives it. */
async function stopCheck(bot: BotUnderTest, stepTimeoutMs: number, startFailed: ProtocolCheckId | undefined, verdict: (r: ProtocolCheckResult) => void): Promise<void> {
  if (startFailed) {
    await bot.stop().catch(() => undefined);
    verdict({ id: "adapter.stop", status: "blocked", blockedBy: startFailed });
    if (bot instanceof ProcessBot) verdict({ id: "adapter.stop.exit", status: "blocked", blockedBy: startFailed });
    return;
  }
  if (!(bot instanceof ProcessBot)) {
    try {
      await bounded("stop", stepTimeoutMs, () => bot.stop());
      verdict({ id: "adapter.stop", status: "passed" });
    } catch (e) {
      verdict(failure("adapter.stop", `stop() failed: ${describeError(e)}`));
    }
    return;
  }
  await bot.stop();
  const stopped = bot.stopped;
  verdict(stopped?.answer === undefined ? { id: "adapter.stop", status: "passed" } : failure("adapter.stop", `stop was not answered with a result: ${stopped.answer}`));
  verdict(stopped?.exited ? { id: "adapter.stop.exit", status: "passed" } : failure("adapter.stop.exit", `the process was still running ${STOP_GRACE_MS / 1000} s after stop (and its stdin closed; PROTOCOL.md gives it one, this check waits ${STOP_GRACE_MS / 1000}); the harness killed its process group`));
}

/** Undefined when a TCP connection to the URL's host and port opens within 2 s; otherwise why not. */
function connectProblem(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 80) });
    const done = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(2_000, () => done("no connection within 2 s"));
    socket.once("connect", () => done(undefined));
    socket.once("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "connection refused" : e.message));
  });
}
