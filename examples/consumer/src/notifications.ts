/** The bot's notification endpoint: checks what Graph posts, then keeps the state of each call. */
import { isValid, validate } from "graph-calls-contract/validators";

export type Handled = { accepted: true; states: Array<{ callUrl: string; state: string | null }> } | { accepted: false; errors: string[] };

/** Accept a change notification body if the contract does, and read the call states it carries. */
export function handleNotification(body: unknown): Handled {
  if (!isValid("notification-call-state", body)) {
    if (isValid("notification", body)) return { accepted: true, states: [] }; // another kind: roster, content sharing...
    return { accepted: false, errors: validate("notification", body).errors.map((e) => `${e.pointer}: ${e.message}`) };
  }
  // Narrowed to NotificationCallState: each resourceData is a call. Its resource is named by resourceUrl, or
  // by the older resource alone (2019-era shape), and a deleted call may come without its state.
  // (for...of rather than map: map's callback would see the unrefined element type of the generated array.)
  const states: Array<{ callUrl: string; state: string | null }> = [];
  for (const notification of body.value) {
    const state = notification.resourceData.state ?? (notification.changeType === "deleted" ? "terminated" : null);
    states.push({ callUrl: notification.resourceUrl ?? notification.resource ?? "", state });
  }
  return { accepted: true, states };
}
