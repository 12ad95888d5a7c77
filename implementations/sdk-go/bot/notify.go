package main

// The callback: every element of a commsNotifications body routed on its resourceUrl, its
// resourceData parsed with the SDK's own models through Kiota's JSON parse node.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	graphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"
)

const maxNotificationBytes = 10 << 20

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, "[sdk-go-bot] "+format+"\n", args...) }

// parseModel reads one JSON value as an SDK model; nil when the SDK cannot read it (logged).
func parseModel(raw json.RawMessage, factory absser.ParsableFactory, what string) absser.Parsable {
	node, err := jsonserialization.NewJsonParseNode(raw)
	if err == nil {
		var value absser.Parsable
		if value, err = node.GetObjectValue(factory); err == nil && value != nil {
			return value
		}
	}
	logf("the SDK could not parse a %s: %v", what, err)
	return nil
}

// number reads what Kiota puts in additional data for a JSON number.
func number(v any) *int64 {
	switch n := v.(type) {
	case *float64:
		if n != nil {
			i := int64(*n)
			return &i
		}
	case float64:
		i := int64(n)
		return &i
	case *int32:
		if n != nil {
			i := int64(*n)
			return &i
		}
	case *int64:
		return n
	}
	return nil
}

func text(v any) *string {
	switch s := v.(type) {
	case *string:
		return s
	case string:
		return &s
	}
	return nil
}

func callUpdateOf(raw json.RawMessage) callUpdate {
	u := callUpdate{}
	parsed := parseModel(raw, graphmodels.CreateCallFromDiscriminatorValue, "call")
	call, ok := parsed.(graphmodels.Callable)
	if !ok {
		return u
	}
	if state := call.GetState(); state != nil {
		s := state.String()
		u.state = &s
	}
	if info := call.GetResultInfo(); info != nil && info.GetCode() != nil {
		r := &resultInfo{Code: int64(*info.GetCode())}
		if sub := info.GetSubcode(); sub != nil {
			v := int64(*sub)
			r.Subcode = &v
		} else {
			r.Subcode = number(info.GetAdditionalData()["subCode"]) // the docs' other spelling: not in the model
		}
		u.result = r
	}
	u.terminationReason = text(call.GetAdditionalData()["terminationReason"]) // not in the v1.0 model
	return u
}

func rosterEntryOf(p graphmodels.Participantable) (rosterEntry, bool) {
	if p == nil || p.GetId() == nil {
		return rosterEntry{}, false
	}
	return rosterEntry{id: *p.GetId(), sequence: p.GetRosterSequenceNumber(), removed: p.GetRemovedState() != nil}, true
}

func isDelta(raw json.RawMessage) bool {
	var probe map[string]any
	if json.Unmarshal(raw, &probe) != nil {
		return false
	}
	if t, ok := probe["@odata.type"].(string); ok && strings.HasSuffix(strings.ToLower(t), "deltaparticipants") {
		return true
	}
	_, hasParticipants := probe["participants"]
	_, hasSequence := probe["sequenceNumber"]
	return hasParticipants && hasSequence
}

// splitResourceURL: "/communications/calls/{id}/participants" -> "{id}", ["participants"].
func splitResourceURL(resource string) (string, []string, bool) {
	path := strings.SplitN(strings.SplitN(resource, "?", 2)[0], "#", 2)[0]
	segments := []string{}
	for _, s := range strings.Split(path, "/") {
		if s != "" {
			if u, err := url.PathUnescape(s); err == nil {
				s = u
			}
			segments = append(segments, s)
		}
	}
	for i, s := range segments {
		if strings.EqualFold(s, "calls") && i+1 < len(segments) {
			return segments[i+1], segments[i+2:], true
		}
	}
	return "", nil, false
}

type notification struct {
	ChangeType   string          `json:"changeType"`
	ResourceURL  string          `json:"resourceUrl"`
	ResourceData json.RawMessage `json:"resourceData"`
}

func asArray(raw json.RawMessage) []json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	if len(raw) > 0 && raw[0] == '{' {
		return []json.RawMessage{raw}
	}
	return nil
}

func (b *bot) route(n notification) {
	callID, rest, ok := splitResourceURL(n.ResourceURL)
	if !ok {
		logf("ignored a notification for %q", n.ResourceURL)
		return
	}
	collection := ""
	if len(rest) > 0 {
		collection = strings.ToLower(rest[0])
	}
	switch collection {
	case "":
		u := callUpdateOf(n.ResourceData)
		if len(n.ResourceData) == 0 || n.ResourceData[0] != '{' {
			u = callUpdate{}
		}
		b.calls.update(callID, func(c *callState) { c.applyCall(n.ChangeType, u) })
	case "participants":
		if len(rest) > 1 {
			b.calls.update(callID, func(c *callState) { c.applyParticipant(n.ChangeType, rest[1]) })
			return
		}
		var items []json.RawMessage
		if json.Unmarshal(n.ResourceData, &items) != nil {
			return // a roster is always an array
		}
		type delta struct {
			sequence *int64
			entries  []rosterEntry
		}
		deltas, full := []delta{}, []rosterEntry{}
		for _, item := range items {
			if isDelta(item) {
				if d, ok := parseModel(item, graphmodels.CreateDeltaParticipantsFromDiscriminatorValue, "deltaParticipants").(graphmodels.DeltaParticipantsable); ok {
					entries := []rosterEntry{}
					for _, p := range d.GetParticipants() {
						if e, ok := rosterEntryOf(p); ok {
							entries = append(entries, e)
						}
					}
					deltas = append(deltas, delta{d.GetSequenceNumber(), entries})
				}
			} else if p, ok := parseModel(item, graphmodels.CreateParticipantFromDiscriminatorValue, "participant").(graphmodels.Participantable); ok {
				if e, ok := rosterEntryOf(p); ok {
					full = append(full, e)
				}
			}
		}
		b.calls.update(callID, func(c *callState) {
			if len(deltas) > 0 {
				for _, d := range deltas {
					c.applyDelta(d.sequence, d.entries)
				}
			} else {
				c.replaceRoster(full)
			}
		})
	case "contentsharingsessions":
		ids := []string{}
		for _, item := range asArray(n.ResourceData) {
			if s, ok := parseModel(item, graphmodels.CreateContentSharingSessionFromDiscriminatorValue, "contentSharingSession").(graphmodels.ContentSharingSessionable); ok && s.GetId() != nil {
				ids = append(ids, *s.GetId())
			}
		}
		if len(ids) == 0 && len(rest) > 1 {
			ids = append(ids, rest[1])
		}
		b.calls.update(callID, func(c *callState) { c.applySharing(n.ChangeType, ids) })
	default:
		logf("ignored a notification about %s of call %s", strings.Join(rest, "/"), callID)
	}
}

func (b *bot) serveNotifications(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST notifications here", http.StatusMethodNotAllowed)
		return
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxNotificationBytes+1))
	if err != nil || len(raw) > maxNotificationBytes {
		http.Error(w, "unreadable or too large body", http.StatusBadRequest)
		return
	}
	// Authenticate before anything is applied: a refused notification changes nothing.
	if err := b.authenticate(r.Header.Get("Authorization"), raw); err != nil {
		status := http.StatusUnauthorized
		var r refused
		if errors.As(err, &r) {
			status = r.status
		}
		logf("refused a notification (%d): %v", status, err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	var body struct {
		Value []json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &body); err != nil || body.Value == nil {
		http.Error(w, "not a commsNotifications object", http.StatusBadRequest)
		return
	}
	for _, item := range body.Value {
		var n notification
		if json.Unmarshal(item, &n) != nil {
			continue // one odd element must not stop the others
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					logf("skipped a notification: %v", p)
				}
			}()
			b.route(n)
		}()
	}
	w.WriteHeader(http.StatusAccepted)
}

func (b *bot) listen() (string, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/calls", b.serveNotifications)
	go func() { _ = http.Serve(listener, mux) }()
	return fmt.Sprintf("http://%s/api/calls", listener.Addr().String()), nil
}
