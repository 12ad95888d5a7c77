/**
 * A calling bot whose requests to Graph go through a client library: createCall and transfer are
 * the library's, everything else (notifications, what the bot believes) is the reference's. So a
 * check that fails is about how the library builds and sends a request, and nothing else.
 */
import type { BotEnvironment, BotUnderTest } from "../../src/harness/adapter.js";
import type { CallObservation } from "../../src/harness/observation.js";
import type { CreateCallIntent, TransferIntent } from "../../src/scenarios/model.js";
import { ReferenceBot } from "../reference/bot.js";

/** The two requests, sent the library's way to the Graph it was connected to. */
export interface LibraryCalls {
  /** POST /communications/calls; the id Graph gave the call. */
  createCall(intent: CreateCallIntent): Promise<string>;
  /** POST /communications/calls/{callId}/transfer. */
  transfer(callId: string, intent: TransferIntent): Promise<void>;
}

/** Set the library up for one Graph (its base URL, token and the bot's callback), once per bot. */
export type ConnectLibrary = (env: BotEnvironment) => LibraryCalls;

export class LibraryBot implements BotUnderTest {
  private readonly notifications = new ReferenceBot();
  private calls: LibraryCalls | undefined;
  private env: BotEnvironment | undefined;

  constructor(private readonly connect: ConnectLibrary) {}

  get observationVersion() {
    return this.notifications.observationVersion;
  }

  async start(env: BotEnvironment): Promise<{ callbackUrl: string }> {
    this.env = env;
    this.calls = this.connect(env);
    return this.notifications.start(env);
  }

  async createCall(intent: CreateCallIntent): Promise<{ callId: string }> {
    const callId = await this.connected().createCall(intent);
    // The notification side must know the call's tenant to accept its notifications' tokens.
    this.notifications.adoptCall(callId, intent.tenantId ?? this.env!.tenantId);
    return { callId };
  }

  transfer(callId: string, intent: TransferIntent): Promise<void> {
    return this.connected().transfer(callId, intent);
  }

  handleNotification(request: Request): Promise<Response> {
    return this.notifications.handleNotification(request);
  }

  observe(callId: string): Promise<CallObservation> {
    return this.notifications.observe(callId);
  }

  stop(): Promise<void> {
    return this.notifications.stop();
  }

  private connected(): LibraryCalls {
    if (!this.calls) throw new Error("start() was not called");
    return this.calls;
  }
}

/** The id in what a library returned for a 201 Created (a parsed call, or a model of one). */
export function createdCallId(created: unknown): string {
  const id = typeof created === "object" && created !== null ? (created as { id?: unknown }).id : undefined;
  if (typeof id !== "string") throw new Error(`the library returned no call id for the 201 Created (got ${JSON.stringify(created)?.slice(0, 120)})`);
  return id;
}
