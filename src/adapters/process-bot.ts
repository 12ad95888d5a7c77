/**
 * An implementation that is a command (any language): the harness starts it, speaks the process
 * protocol on its stdin/stdout, sends notifications to its callback over real HTTP, and restarts it
 * (a bounded number of times) if it dies, so one crash fails the checks it happens in, not the run.
 */
import type { BotEnvironment, BotUnderTest } from "../harness/adapter.js";
import type { CallObservation, ObservationVersion } from "../harness/observation.js";
import type { CreateCallIntent, TransferIntent } from "../scenarios/model.js";
import { ChannelError, LineChannel } from "./line-channel.js";
import type { Framing, FramingChoice } from "./framing.js";
import { HANDSHAKE_VERSION, PROTOCOL_VERSIONS, type ProtocolVersion } from "./protocol.js";
import { startTimeoutMs } from "../harness/session.js";

/** start answered, but not as PROTOCOL.md says: which field is wrong. */
export class StartAnswerError extends ChannelError {
  constructor(message: string, readonly field: "callbackUrl" | "protocol") {
    super(message, "protocol");
  }
}

export interface ProcessBotOptions {
  command: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Longest one protocol request may take (start gets twice as long: the process boots; startTimeoutMs). */
  requestTimeoutMs: number;
  maxRestarts?: number;
  /** How messages are framed on stdin/stdout (PROTOCOL.md, Framing); default: detected from the answer to start. */
  framing?: FramingChoice;
  /** How long the process has to exit after stop before its group is killed (default: the second PROTOCOL.md gives it). */
  stopGraceMs?: number;
  /** Added to the reason a start failed: what to run to diagnose it. */
  startHint?: string;
}

export class ProcessBot implements BotUnderTest {
  private channel: LineChannel | undefined;
  private env: BotEnvironment | undefined;
  private callbackUrl = "";
  private restarts = 0;
  private booting: Promise<string> | undefined;
  private protocol: ProtocolVersion = HANDSHAKE_VERSION;

  constructor(private readonly options: ProcessBotOptions) {}

  /** The protocol version the implementation chose at start, which is its observation version. */
  get observationVersion(): ObservationVersion {
    return this.protocol;
  }

  /** The framing the implementation speaks, once it has answered start. */
  get framing(): Framing | undefined {
    return this.channel?.framing;
  }

  async start(env: BotEnvironment): Promise<{ callbackUrl: string }> {
    this.env = env;
    return { callbackUrl: await this.boot() };
  }

  async createCall(intent: CreateCallIntent): Promise<{ callId: string }> {
    return (await this.live()).request("createCall", { intent }, this.options.requestTimeoutMs);
  }

  async transfer(callId: string, intent: TransferIntent): Promise<void> {
    await (await this.live()).request("transfer", { callId, intent }, this.options.requestTimeoutMs);
  }

  async observe(callId: string): Promise<CallObservation> {
    return (await this.live()).request("observe", { callId }, this.options.requestTimeoutMs);
  }

  /** Graph's POST, for real: to the callback the implementation announced. */
  async handleNotification(request: Request): Promise<Response> {
    await this.live();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.requestTimeoutMs);
    try {
      return await fetch(this.callbackUrl, { method: request.method, headers: request.headers, body: await request.text(), signal: controller.signal });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      const why = controller.signal.aborted
        ? `no answer within ${this.options.requestTimeoutMs} ms`
        : cause?.code === "ECONNREFUSED" ? "connection refused (nothing listens on the callback port)" : `${(e as Error).message}${cause?.message ? ` (${cause.message})` : ""}`;
      throw new ChannelError(`POST ${this.callbackUrl}: ${why}${this.stderrNote()}`, controller.signal.aborted ? "timeout" : "protocol");
    } finally {
      clearTimeout(timer);
    }
  }

  /** How the last stop went: why stop got no result (undefined: it did), and whether the process then exited by itself in time (stopGraceMs). */
  stopped: { answer?: string; exited: boolean } | undefined;

  async stop(): Promise<void> {
    const channel = this.channel;
    this.channel = undefined;
    if (!channel) return;
    let answer: string | undefined = channel.running ? undefined : "the implementation was not running";
    try {
      if (channel.running) await channel.request("stop", {}, this.options.requestTimeoutMs);
    } catch (e) {
      // stopping is best effort; close() kills the process group regardless
      answer = (e as Error).message;
    }
    this.stopped = { ...(answer === undefined ? {} : { answer }), exited: await channel.close(this.options.stopGraceMs ?? 1_000) };
  }

  /** One boot at a time: a step that comes while the process is still starting waits for that start. */
  private boot(): Promise<string> {
    this.booting ??= this.startProcess().finally(() => { this.booting = undefined; });
    return this.booting;
  }

  private async startProcess(): Promise<string> {
    if (!this.env) throw new ChannelError("start() was not called", "protocol");
    await this.channel?.close(0);
    const { command, cwd, env, framing } = this.options;
    const channel = new LineChannel(command, { cwd, ...(env ? { env } : {}), ...(framing ? { framing } : {}) });
    this.channel = channel;
    try {
      const { callbackUrl, protocol } = await channel.handshake({ ...this.env, protocols: PROTOCOL_VERSIONS }, startTimeoutMs(this.options.requestTimeoutMs));
      if (protocol !== undefined && !PROTOCOL_VERSIONS.includes(protocol)) {
        throw new StartAnswerError(`start answered protocol ${JSON.stringify(protocol)}: it must be one of those offered (${PROTOCOL_VERSIONS.join(", ")}), or absent for 1`, "protocol");
      }
      if (typeof callbackUrl !== "string" || !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(callbackUrl)) {
        throw new StartAnswerError(`start answered callbackUrl ${JSON.stringify(callbackUrl)}: it must be an http URL on 127.0.0.1`, "callbackUrl");
      }
      this.protocol = protocol ?? HANDSHAKE_VERSION;
      channel.protocol = this.protocol;
      this.callbackUrl = callbackUrl;
      return callbackUrl;
    } catch (e) {
      // A process that did not start properly is not used: the next step starts another (bounded).
      await channel.close(0);
      if (this.options.startHint && e instanceof Error) e.message += ` (${this.options.startHint})`;
      throw e;
    }
  }

  /** The running channel; a dead process is restarted (bounded), since each check stands on its own. */
  private async live(): Promise<LineChannel> {
    if (this.booting) await this.booting;
    if (this.channel?.running) return this.channel;
    const why = this.channel ? `the implementation died (${this.channel.stderr().slice(-3).join(" | ") || "no stderr"})` : "the implementation is not started";
    if (this.restarts >= (this.options.maxRestarts ?? 3)) throw new ChannelError(`${why}; not restarted again (${this.restarts} restarts already)`, "crash");
    this.restarts++;
    await this.boot();
    return this.channel!;
  }

  private stderrNote(): string {
    const tail = this.channel?.stderr().slice(-5) ?? [];
    return tail.length ? `; stderr: ${tail.join(" | ")}` : "";
  }
}
