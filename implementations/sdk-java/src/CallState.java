import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the bot believes about one call, from the notifications (PROTOCOL.md's rules): the smallest correct logic. */
final class CallState {
  static final Set<String> SETUP_STATES = Set.of("incoming", "establishing");

  String state;
  String transfer = "none";
  Map<String, Object> result;
  String terminationReason;
  final Set<String> participants = new TreeSet<>();
  final Map<String, Long> rosterSequence = new HashMap<>();
  final Set<String> sharing = new TreeSet<>();
  final Set<String> endedSharing = new TreeSet<>();
  boolean transferRequested;

  /** newState: null when there is none or the SDK could not read it. */
  void applyCall(String changeType, String newState, Map<String, Object> resultInfo, String reason) {
    if ("unknownFutureValue".equals(newState)) newState = null;
    if ("deleted".equals(changeType)) newState = "terminated";
    if ("terminated".equals(state)) {
      if ("terminated".equals(newState)) record(resultInfo, reason);
      else if (("transferring".equals(newState) || "transferAccepted".equals(newState)) && "none".equals(transfer)) transfer = "completed";
      return;
    }
    if (newState != null && SETUP_STATES.contains(newState) && state != null && !SETUP_STATES.contains(state)) return;
    if (newState != null && !advanceTransfer(newState)) return;
    if (newState != null) state = newState;
    record(resultInfo, reason);
  }

  private boolean advanceTransfer(String newState) {
    String current = transfer;
    switch (newState) {
      case "transferring":
        if ("none".equals(current) || (("failed".equals(current) || "completed".equals(current)) && transferRequested)) {
          transfer = "transferring";
          transferRequested = false;
          return true;
        }
        return "transferring".equals(current);
      case "transferAccepted":
        if ("none".equals(current) || "transferring".equals(current) || ("failed".equals(current) && transferRequested)) {
          transfer = "accepted";
          transferRequested = false;
          return true;
        }
        return "accepted".equals(current);
      case "established":
        if ("transferring".equals(current) || "accepted".equals(current)) transfer = "failed";
        return true;
      case "terminated":
        if ("transferring".equals(current) || "accepted".equals(current)) transfer = "completed";
        return true;
      default:
        return true;
    }
  }

  private void record(Map<String, Object> resultInfo, String reason) {
    if (resultInfo != null) result = resultInfo;
    if (reason != null && !reason.isEmpty()) terminationReason = reason;
  }

  void replaceRoster(Map<String, Long> entries) {
    participants.clear();
    for (Map.Entry<String, Long> e : entries.entrySet()) {
      participants.add(e.getKey());
      if (e.getValue() != null) rosterSequence.put(e.getKey(), e.getValue());
    }
  }

  void applyDeltaParticipant(String id, Long sequence, boolean removed) {
    if (sequence != null) {
      Long known = rosterSequence.get(id);
      if (known != null && sequence <= known) return;
      rosterSequence.put(id, sequence);
    }
    if (removed) participants.remove(id);
    else participants.add(id);
  }

  void applyParticipant(String changeType, String id) {
    if ("deleted".equals(changeType)) participants.remove(id);
    else participants.add(id);
  }

  void applySharing(String changeType, Iterable<String> ids) {
    for (String id : ids) {
      if ("deleted".equals(changeType)) {
        sharing.remove(id);
        endedSharing.add(id);
      } else if (("created".equals(changeType) || "updated".equals(changeType)) && !endedSharing.contains(id)) {
        sharing.add(id);
      }
    }
  }

  Map<String, Object> observation() {
    Map<String, Object> o = new TreeMap<>();
    o.put("state", state);
    o.put("participants", participants);
    o.put("contentSharingSessions", sharing);
    o.put("transfer", transfer);
    o.put("result", result);
    o.put("terminationReason", terminationReason);
    return o;
  }
}
