package main

// Intent -> msgraph-sdk-go's models, as a careful user of the SDK builds them: each property on the
// model when the model has it, in the model's additional data (under Graph's JSON name) when it does not.

import (
	graphcommunications "github.com/microsoftgraph/msgraph-sdk-go/communications"
	graphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"
)

type obj = map[string]any

func str(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

func boolean(v any) *bool {
	if b, ok := v.(bool); ok {
		return &b
	}
	return nil
}

// extra keeps the values that are set (not null): the additional data of a model.
func extra(kv ...any) map[string]any {
	out := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != nil {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

func identity(party obj) graphmodels.Identityable {
	id := graphmodels.NewIdentity()
	id.SetId(str(party["id"]))
	id.SetDisplayName(str(party["displayName"]))
	id.SetAdditionalData(extra("tenantId", party["tenantId"])) // identity has no tenantId in the model
	return id
}

func identitySet(party obj) graphmodels.IdentitySetable {
	set := graphmodels.NewIdentitySet()
	switch party["kind"] {
	case "user":
		set.SetUser(identity(party))
	case "application":
		set.SetApplication(identity(party))
	case "device":
		set.SetDevice(identity(party))
	default: // applicationInstance, phone, guest, encrypted, onPremises: not in the v1.0 model
		kind, _ := party["kind"].(string)
		set.SetAdditionalData(obj{kind: extra("id", party["id"], "displayName", party["displayName"], "tenantId", party["tenantId"])})
	}
	return set
}

func mediaConfig(media obj) graphmodels.MediaConfigable {
	remove := extra("removeFromDefaultAudioGroup", media["removeFromDefaultAudioGroup"])
	if media["hosting"] == "app" {
		config := graphmodels.NewAppHostedMediaConfig()
		config.SetBlob(str(media["blob"]))
		config.SetAdditionalData(remove)
		return config
	}
	config := graphmodels.NewServiceHostedMediaConfig()
	prefetch := []graphmodels.MediaInfoable{}
	if list, ok := media["prefetch"].([]any); ok {
		for _, item := range list {
			p, _ := item.(obj)
			info := graphmodels.NewMediaInfo()
			info.SetUri(str(p["uri"]))
			info.SetResourceId(str(p["resourceId"]))
			prefetch = append(prefetch, info)
		}
	}
	if len(prefetch) > 0 {
		config.SetPreFetchMedia(prefetch)
	}
	config.SetAdditionalData(remove)
	return config
}

func callModel(intent obj, callbackURI string) (graphmodels.Callable, error) {
	call := graphmodels.NewCall()
	call.SetCallbackUri(&callbackURI)
	if source, ok := intent["source"].(obj); ok {
		info := graphmodels.NewParticipantInfo()
		info.SetIdentity(identitySet(source))
		call.SetSource(info)
	}
	if targets, ok := intent["targets"].([]any); ok && len(targets) > 0 {
		list := []graphmodels.InvitationParticipantInfoable{}
		for _, t := range targets {
			target := graphmodels.NewInvitationParticipantInfo()
			target.SetIdentity(identitySet(t.(obj)))
			list = append(list, target)
		}
		call.SetTargets(list)
	}
	modalities := []graphmodels.Modality{}
	if list, ok := intent["modalities"].([]any); ok {
		for _, m := range list {
			parsed, err := graphmodels.ParseModality(m.(string))
			if err != nil {
				return nil, err
			}
			modalities = append(modalities, *parsed.(*graphmodels.Modality))
		}
	}
	call.SetRequestedModalities(modalities)
	if media, ok := intent["media"].(obj); ok {
		call.SetMediaConfig(mediaConfig(media))
	}
	if meeting, ok := intent["meeting"].(obj); ok {
		switch meeting["kind"] {
		case "organizer":
			info := graphmodels.NewOrganizerMeetingInfo()
			if organizer, ok := meeting["organizer"].(obj); ok {
				info.SetOrganizer(identitySet(organizer))
			}
			info.SetAdditionalData(extra("allowConversationWithoutHost", meeting["allowConversationWithoutHost"]))
			call.SetMeetingInfo(info)
			if chat, ok := meeting["chat"].(obj); ok {
				chatInfo := graphmodels.NewChatInfo()
				chatInfo.SetThreadId(str(chat["threadId"]))
				chatInfo.SetMessageId(str(chat["messageId"]))
				call.SetChatInfo(chatInfo)
			}
		case "joinMeetingId":
			info := graphmodels.NewJoinMeetingIdMeetingInfo()
			info.SetJoinMeetingId(str(meeting["joinMeetingId"]))
			info.SetPasscode(str(meeting["passcode"]))
			call.SetMeetingInfo(info)
		default:
			info := graphmodels.NewTokenMeetingInfo()
			info.SetToken(str(meeting["token"]))
			call.SetMeetingInfo(info)
		}
	}
	call.SetTenantId(str(intent["tenantId"]))
	call.SetSubject(str(intent["subject"]))
	if wanted, ok := intent["notifications"].(obj); ok && (wanted["contentSharing"] == true || wanted["deltaRoster"] == true) {
		options := graphmodels.NewOutgoingCallOptions()
		yes := true
		if wanted["contentSharing"] == true {
			options.SetIsContentSharingNotificationEnabled(&yes)
		}
		if wanted["deltaRoster"] == true {
			options.SetIsDeltaRosterEnabled(&yes)
		}
		call.SetCallOptions(options)
	}
	return call, nil
}

func transferModel(intent obj) graphcommunications.CallsItemTransferPostRequestBodyable {
	body := graphcommunications.NewCallsItemTransferPostRequestBody()
	target, _ := intent["target"].(obj)
	info := graphmodels.NewInvitationParticipantInfo()
	info.SetIdentity(identitySet(target))
	info.SetReplacesCallId(str(intent["replacesCallId"]))
	info.SetAdditionalData(extra("endpointType", target["endpointType"], "languageId", target["languageId"], "region", target["region"]))
	body.SetTransferTarget(info)
	if transferee, ok := intent["transferee"].(obj); ok {
		t := graphmodels.NewParticipantInfo()
		t.SetIdentity(identitySet(transferee))
		t.SetParticipantId(str(transferee["participantId"]))
		body.SetTransferee(t)
	}
	body.SetAdditionalData(extra("clientContext", intent["clientContext"]))
	return body
}
