/**
 * Its webhook answers transferAccepted only once the transfer's outcome has arrived. The outcome is a
 * later notification, so while Graph waits for this answer the POST hangs: Graph times it out.
 *
 * The one variant that is not made of replaced parts: the reference's parts are synchronous, and a
 * synchronous part can only hang by blocking the event loop, which no timeout in the process can
 * interrupt. So it extends the reference bot's webhook, and waits before handing the POST on.
 */
import { ReferenceBot } from "../reference/bot.js";
import { isJson } from "../reference/call-state.js";
import { faulty } from "./variant.js";

/**
 * Its hang's timeout, which the reference's real steps in its run must beat too. Measured at load 17
 * on two cores: the first create call of a fresh proof worker (this variant goes first) 135 ms, warm
 * notifications up to 46 ms; 150 ms was at the edge. Each of its 4 hangs waits this out, idle.
 */
const TIMEOUT_MS = 1_000;
const TIMED_OUT = new RegExp(`handleNotification did not finish within ${TIMEOUT_MS} ms`);
/** Every completed transfer has a transferAccepted notification; the failed ones do not. */
const TIMED_OUT_CHECKS = ["sequence.transfer-*-completed/acks"];

/** The call states a POST reports. */
function statesIn(body: unknown): unknown[] {
  return isJson(body) && Array.isArray(body.value) ? body.value.map((n) => (isJson(n) && isJson(n.resourceData) ? n.resourceData.state : undefined)) : [];
}

class AwaitsTransferOutcome extends ReferenceBot {
  private outcomeArrived: () => void = () => {};
  private outcome = this.nextOutcome();

  override async handleNotification(request: Request): Promise<Response> {
    const states = statesIn(await request.clone().json().catch(() => null));
    if (states.includes("terminated") || states.includes("established")) this.outcomeArrived();
    if (states.includes("transferAccepted")) await this.outcome; // the bug: waits inside the webhook
    return super.handleNotification(request);
  }

  private nextOutcome(): Promise<void> {
    return new Promise((resolve) => {
      this.outcomeArrived = () => {
        resolve();
        this.outcome = this.nextOutcome();
      };
    });
  }
}

export const variant = faulty({
  id: "hangs-on-transfer-accepted",
  bug: "hangs (never answers in time) on the transferAccepted notification: it waits for the transfer's outcome first",
  why: "Graph expects a callback to answer at once (202) and treats a POST it gets no answer to as failed; the outcome it waits for is only sent later, so the answer never comes in time",
  expectedFailures: TIMED_OUT_CHECKS,
  messages: Object.fromEntries(TIMED_OUT_CHECKS.map((checks) => [checks, TIMED_OUT])),
  stepTimeoutMs: TIMEOUT_MS,
  createBot: () => new AwaitsTransferOutcome(),
});

export const { name, createBot } = variant;
