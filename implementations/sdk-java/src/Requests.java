import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.graph.communications.calls.item.transfer.TransferPostRequestBody;
import com.microsoft.graph.models.AppHostedMediaConfig;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.ChatInfo;
import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.InvitationParticipantInfo;
import com.microsoft.graph.models.JoinMeetingIdMeetingInfo;
import com.microsoft.graph.models.MediaConfig;
import com.microsoft.graph.models.MediaInfo;
import com.microsoft.graph.models.Modality;
import com.microsoft.graph.models.OrganizerMeetingInfo;
import com.microsoft.graph.models.OutgoingCallOptions;
import com.microsoft.graph.models.ParticipantInfo;
import com.microsoft.graph.models.ServiceHostedMediaConfig;
import com.microsoft.graph.models.TokenMeetingInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Intent -> the SDK's models, as a careful user of microsoft-graph builds them: each property on the model when the
 * model has it, in the model's additional data (under Graph's JSON name) when it does not.
 */
final class Requests {
  private Requests() {}

  static String str(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  static Boolean bool(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsBoolean();
  }

  static JsonObject object(JsonObject o, String key) {
    JsonElement e = o == null ? null : o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** The additional data of a model: the values that are set (not null). */
  static Map<String, Object> extra(Object... kv) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) if (kv[i + 1] != null) out.put((String) kv[i], kv[i + 1]);
    return out;
  }

  static Identity identity(JsonObject party) {
    Identity id = new Identity();
    id.setId(str(party, "id"));
    id.setDisplayName(str(party, "displayName"));
    id.setAdditionalData(extra("tenantId", str(party, "tenantId"))); // identity has no tenantId in the model
    return id;
  }

  static IdentitySet identitySet(JsonObject party) {
    IdentitySet set = new IdentitySet();
    String kind = str(party, "kind");
    if ("user".equals(kind)) set.setUser(identity(party));
    else if ("application".equals(kind)) set.setApplication(identity(party));
    else if ("device".equals(kind)) set.setDevice(identity(party));
    // applicationInstance, phone, guest, encrypted, onPremises: not in the v1.0 model. As the docs' Java snippets do,
    // an Identity model in the additional data: the SDK's JSON writer throws "Dangling name" on a Map value there.
    else set.setAdditionalData(extra(kind, identity(party)));
    return set;
  }

  static MediaConfig mediaConfig(JsonObject media) {
    Map<String, Object> remove = extra("removeFromDefaultAudioGroup", bool(media, "removeFromDefaultAudioGroup"));
    if ("app".equals(str(media, "hosting"))) {
      AppHostedMediaConfig config = new AppHostedMediaConfig();
      config.setBlob(str(media, "blob"));
      config.setAdditionalData(remove);
      return config;
    }
    ServiceHostedMediaConfig config = new ServiceHostedMediaConfig();
    List<MediaInfo> prefetch = new ArrayList<>();
    if (media.has("prefetch") && media.get("prefetch").isJsonArray()) {
      for (JsonElement e : media.getAsJsonArray("prefetch")) {
        MediaInfo info = new MediaInfo();
        info.setUri(str(e.getAsJsonObject(), "uri"));
        info.setResourceId(str(e.getAsJsonObject(), "resourceId"));
        prefetch.add(info);
      }
    }
    if (!prefetch.isEmpty()) config.setPreFetchMedia(prefetch);
    config.setAdditionalData(remove);
    return config;
  }

  static Call call(JsonObject intent, String callbackUri) {
    Call call = new Call();
    call.setCallbackUri(callbackUri);
    JsonObject source = object(intent, "source");
    if (source != null) {
      ParticipantInfo info = new ParticipantInfo();
      info.setIdentity(identitySet(source));
      call.setSource(info);
    }
    if (intent.has("targets") && intent.get("targets").isJsonArray() && intent.getAsJsonArray("targets").size() > 0) {
      List<InvitationParticipantInfo> targets = new ArrayList<>();
      for (JsonElement t : intent.getAsJsonArray("targets")) {
        InvitationParticipantInfo target = new InvitationParticipantInfo();
        target.setIdentity(identitySet(t.getAsJsonObject()));
        targets.add(target);
      }
      call.setTargets(targets);
    }
    List<Modality> modalities = new ArrayList<>();
    if (intent.has("modalities")) for (JsonElement m : intent.getAsJsonArray("modalities")) modalities.add(Modality.forValue(m.getAsString()));
    call.setRequestedModalities(modalities);
    JsonObject media = object(intent, "media");
    if (media != null) call.setMediaConfig(mediaConfig(media));
    JsonObject meeting = object(intent, "meeting");
    if (meeting != null) {
      String kind = str(meeting, "kind");
      if ("organizer".equals(kind)) {
        OrganizerMeetingInfo info = new OrganizerMeetingInfo();
        JsonObject organizer = object(meeting, "organizer");
        if (organizer != null) info.setOrganizer(identitySet(organizer));
        info.setAdditionalData(extra("allowConversationWithoutHost", bool(meeting, "allowConversationWithoutHost")));
        call.setMeetingInfo(info);
        JsonObject chat = object(meeting, "chat");
        if (chat != null) {
          ChatInfo chatInfo = new ChatInfo();
          chatInfo.setThreadId(str(chat, "threadId"));
          chatInfo.setMessageId(str(chat, "messageId"));
          call.setChatInfo(chatInfo);
        }
      } else if ("joinMeetingId".equals(kind)) {
        JoinMeetingIdMeetingInfo info = new JoinMeetingIdMeetingInfo();
        info.setJoinMeetingId(str(meeting, "joinMeetingId"));
        info.setPasscode(str(meeting, "passcode"));
        call.setMeetingInfo(info);
      } else {
        TokenMeetingInfo info = new TokenMeetingInfo();
        info.setToken(str(meeting, "token"));
        call.setMeetingInfo(info);
      }
    }
    call.setTenantId(str(intent, "tenantId"));
    call.setSubject(str(intent, "subject"));
    JsonObject wanted = object(intent, "notifications");
    boolean sharing = Boolean.TRUE.equals(bool(wanted, "contentSharing"));
    boolean delta = Boolean.TRUE.equals(bool(wanted, "deltaRoster"));
    if (sharing || delta) {
      OutgoingCallOptions options = new OutgoingCallOptions();
      if (sharing) options.setIsContentSharingNotificationEnabled(true);
      if (delta) options.setIsDeltaRosterEnabled(true);
      call.setCallOptions(options);
    }
    return call;
  }

  static TransferPostRequestBody transfer(JsonObject intent) {
    TransferPostRequestBody body = new TransferPostRequestBody();
    JsonObject target = object(intent, "target");
    InvitationParticipantInfo info = new InvitationParticipantInfo();
    info.setIdentity(identitySet(target));
    info.setReplacesCallId(str(intent, "replacesCallId"));
    info.setAdditionalData(extra("endpointType", str(target, "endpointType"), "languageId", str(target, "languageId"), "region", str(target, "region")));
    body.setTransferTarget(info);
    JsonObject transferee = object(intent, "transferee");
    if (transferee != null) {
      ParticipantInfo t = new ParticipantInfo();
      t.setIdentity(identitySet(transferee));
      t.setParticipantId(str(transferee, "participantId"));
      body.setTransferee(t);
    }
    body.setAdditionalData(extra("clientContext", str(intent, "clientContext")));
    return body;
  }
}
