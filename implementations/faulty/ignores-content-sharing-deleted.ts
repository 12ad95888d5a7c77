/** Adds content sharing sessions on created and updated, but never drops one on deleted. */
import { CallState } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

class SessionsNeverEnd extends CallState {
  override applyContentSharing(changeType: string, sessions: unknown[]): void {
    if (changeType !== "deleted") super.applyContentSharing(changeType, sessions);
  }
}

export const variant = faulty({
  id: "ignores-content-sharing-deleted",
  bug: "ignores content sharing deleted notifications: a session that ended stays active",
  why: "the Create call page (isContentSharingNotificationEnabled): Graph reports a content sharing session's end as a contentSharingSessions notification with changeType deleted",
  expectedFailures: ["sequence.content-sharing/step.deleted", "sequence.content-sharing/end"],
  messages: { "sequence.content-sharing/end": /contentSharingSessions: expected \[\], observed \["F7D9EF30/ },
  createBot: withParts({ newCallState: () => new SessionsNeverEnd() }),
});

export const { name, createBot } = variant;
