package main

// What the bot believes about each call, from the notifications (PROTOCOL.md's rules): the smallest
// correct logic, fed with values read from the SDK's models (notify.go).

import (
	"sort"
	"sync"
)

var setupStates = map[string]bool{"incoming": true, "establishing": true}

type resultInfo struct {
	Code    int64  `json:"code"`
	Subcode *int64 `json:"subcode"`
}

type callState struct {
	state             *string
	transfer          string
	result            *resultInfo
	terminationReason *string
	participants      map[string]bool
	rosterSequence    map[string]int64
	sharing           map[string]bool
	endedSharing      map[string]bool
	transferRequested bool
}

func newCallState() *callState {
	return &callState{transfer: "none", participants: map[string]bool{}, rosterSequence: map[string]int64{}, sharing: map[string]bool{}, endedSharing: map[string]bool{}}
}

// callUpdate is what a call-state notification says, read from the SDK's Call.
type callUpdate struct {
	state             *string // nil: no state, or one the SDK could not read
	result            *resultInfo
	terminationReason *string
}

func (c *callState) applyCall(changeType string, u callUpdate) {
	newState := u.state
	if newState != nil && *newState == "unknownFutureValue" {
		newState = nil
	}
	if changeType == "deleted" {
		t := "terminated"
		newState = &t
	}
	if c.state != nil && *c.state == "terminated" {
		if newState != nil && *newState == "terminated" {
			c.recordOutcome(u)
		} else if newState != nil && (*newState == "transferring" || *newState == "transferAccepted") && c.transfer == "none" {
			c.transfer = "completed"
		}
		return
	}
	if newState != nil && setupStates[*newState] && c.state != nil && !setupStates[*c.state] {
		return
	}
	if newState != nil && !c.advanceTransfer(*newState) {
		return
	}
	if newState != nil {
		s := *newState
		c.state = &s
	}
	c.recordOutcome(u)
}

func (c *callState) advanceTransfer(newState string) bool {
	current := c.transfer
	switch newState {
	case "transferring":
		if current == "none" || ((current == "failed" || current == "completed") && c.transferRequested) {
			c.transfer, c.transferRequested = "transferring", false
			return true
		}
		return current == "transferring"
	case "transferAccepted":
		if current == "none" || current == "transferring" || (current == "failed" && c.transferRequested) {
			c.transfer, c.transferRequested = "accepted", false
			return true
		}
		return current == "accepted"
	case "established":
		if current == "transferring" || current == "accepted" {
			c.transfer = "failed"
		}
	case "terminated":
		if current == "transferring" || current == "accepted" {
			c.transfer = "completed"
		}
	}
	return true
}

func (c *callState) recordOutcome(u callUpdate) {
	if u.result != nil {
		c.result = u.result
	}
	if u.terminationReason != nil && *u.terminationReason != "" {
		c.terminationReason = u.terminationReason
	}
}

type rosterEntry struct {
	id       string
	sequence *int64
	removed  bool
}

func (c *callState) replaceRoster(entries []rosterEntry) {
	ids := map[string]bool{}
	for _, e := range entries {
		ids[e.id] = true
		if e.sequence != nil {
			c.rosterSequence[e.id] = *e.sequence
		}
	}
	c.participants = ids
}

func (c *callState) applyDelta(batchSequence *int64, entries []rosterEntry) {
	for _, e := range entries {
		sequence := e.sequence
		if sequence == nil {
			sequence = batchSequence
		}
		if sequence != nil {
			if known, ok := c.rosterSequence[e.id]; ok && *sequence <= known {
				continue
			}
			c.rosterSequence[e.id] = *sequence
		}
		if e.removed {
			delete(c.participants, e.id)
		} else {
			c.participants[e.id] = true
		}
	}
}

func (c *callState) applyParticipant(changeType, id string) {
	if changeType == "deleted" {
		delete(c.participants, id)
	} else {
		c.participants[id] = true
	}
}

func (c *callState) applySharing(changeType string, ids []string) {
	for _, id := range ids {
		if changeType == "deleted" {
			delete(c.sharing, id)
			c.endedSharing[id] = true
		} else if (changeType == "created" || changeType == "updated") && !c.endedSharing[id] {
			c.sharing[id] = true
		}
	}
}

func keys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (c *callState) observation() map[string]any {
	return map[string]any{"state": c.state, "participants": keys(c.participants), "contentSharingSessions": keys(c.sharing), "transfer": c.transfer, "result": c.result, "terminationReason": c.terminationReason}
}

type registry struct {
	mu    sync.Mutex
	calls map[string]*callState
}

func (r *registry) update(id string, change func(*callState)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.calls[id]
	if !ok {
		c = newCallState()
		r.calls[id] = c
	}
	change(c)
}

func (r *registry) observe(id string) map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.calls[id]; ok {
		return c.observation()
	}
	return newCallState().observation()
}
