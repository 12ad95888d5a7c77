// A calling bot built on the official Microsoft Graph SDK for Go (msgraph-sdk-go), speaking PROTOCOL.md:
// requests are the SDK's models sent by its GraphServiceClient (requests.go); notifications are parsed
// with the SDK's models through Kiota's JSON parse node (notify.go); what the bot believes follows
// PROTOCOL.md's rules (state.go).
//
//	scripts/setup-toolchains.sh   # builds .toolchains/go/bin/sdk-go-bot
//	node bin/graph-calls-contract.js run --command .toolchains/go/bin/sdk-go-bot
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"

	"graphcallscontract/sdkgo/graphclient"
)

const graphTimeout = 4 * time.Second

type bot struct {
	calls       registry
	authMu      sync.Mutex
	verifier    *tokenVerifier
	ownTenant   string
	callTenants map[string]string
	client      *msgraphsdk.GraphServiceClient
	callbackURI string
	callbackURL string
}

type request struct {
	Protocol any             `json:"protocol"`
	ID       *int64          `json:"id"`
	Method   string          `json:"method"`
	Params   json.RawMessage `json:"params"`
}

func graphError(err error) error {
	var odata *odataerrors.ODataError
	if errors.As(err, &odata) {
		message := ""
		if e := odata.GetErrorEscaped(); e != nil && e.GetMessage() != nil {
			message = *e.GetMessage()
		}
		return fmt.Errorf("Graph refused the request: %d %s", odata.ResponseStatusCode, message)
	}
	return fmt.Errorf("Graph request failed: %v", err)
}

func (b *bot) handle(method string, params map[string]any) (any, error) {
	switch method {
	case "start":
		base, _ := params["graphBaseUrl"].(string)
		token, _ := params["accessToken"].(string)
		callback, _ := params["callbackUri"].(string)
		if base == "" || token == "" || callback == "" {
			return nil, errors.New("start: graphBaseUrl, accessToken and callbackUri must be non-empty strings")
		}
		client, err := graphclient.New(base, token)
		if err != nil {
			return nil, err
		}
		b.client, b.callbackURI = client, callback
		appID, _ := params["appId"].(string)
		configuration, _ := params["openIdConfigurationUrl"].(string)
		b.authMu.Lock()
		b.verifier, b.ownTenant = nil, ""
		if appID != "" && configuration != "" {
			b.verifier = newTokenVerifier(appID, configuration)
		}
		b.ownTenant, _ = params["tenantId"].(string)
		b.authMu.Unlock()
		if b.callbackURL == "" {
			if b.callbackURL, err = b.listen(); err != nil {
				return nil, err
			}
		}
		return map[string]any{"callbackUrl": b.callbackURL}, nil
	case "createCall", "transfer":
		if b.client == nil {
			return nil, errors.New("start must be called first")
		}
		intent, _ := params["intent"].(map[string]any)
		ctx, cancel := context.WithTimeout(context.Background(), graphTimeout)
		defer cancel()
		if method == "createCall" {
			call, err := callModel(intent, b.callbackURI)
			if err != nil {
				return nil, err
			}
			created, err := b.client.Communications().Calls().Post(ctx, call, nil)
			if err != nil {
				return nil, graphError(err)
			}
			if created == nil || created.GetId() == nil {
				return nil, errors.New("Graph created the call but the SDK's Call has no id")
			}
			b.calls.update(*created.GetId(), func(*callState) {})
			// The call's tenant: Graph's answer says it; else the request's, else the bot's own.
			tenant := b.ownTenant
			if t, ok := intent["tenantId"].(string); ok && t != "" {
				tenant = t
			}
			if t := created.GetTenantId(); t != nil && *t != "" {
				tenant = *t
			}
			b.authMu.Lock()
			b.callTenants[*created.GetId()] = tenant
			b.authMu.Unlock()
			return map[string]any{"callId": *created.GetId()}, nil
		}
		callID, _ := params["callId"].(string)
		if callID == "" {
			return nil, errors.New("transfer: callId must be a non-empty string")
		}
		if err := b.client.Communications().Calls().ByCallId(callID).Transfer().Post(ctx, transferModel(intent), nil); err != nil {
			return nil, graphError(err)
		}
		b.calls.update(callID, func(c *callState) { c.transferRequested = true })
		return map[string]any{}, nil
	case "observe":
		callID, _ := params["callId"].(string)
		return b.calls.observe(callID), nil
	case "stop":
		return map[string]any{}, nil
	}
	return nil, fmt.Errorf("unknown method %q", method)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" { // what compat's "requires" probes
		fmt.Println("sdk-go-bot (msgraph-sdk-go, see implementations/sdk-go/go.mod)")
		return
	}
	b := &bot{calls: registry{calls: map[string]*callState{}}, callTenants: map[string]string{}}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 16<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil || req.ID == nil {
			logf("ignored a line that is not a request")
			continue
		}
		var params map[string]any
		_ = json.Unmarshal(req.Params, &params)
		var result any
		var err error
		if p, ok := req.Protocol.(float64); !ok || p != 1 {
			err = fmt.Errorf("unsupported protocol %v; this bot speaks 1", req.Protocol)
		} else {
			result, err = b.handle(req.Method, params)
		}
		if err != nil {
			_ = out.Encode(map[string]any{"id": *req.ID, "error": map[string]string{"message": err.Error()}})
		} else {
			_ = out.Encode(map[string]any{"id": *req.ID, "result": result})
		}
		if req.Method == "stop" && err == nil {
			return
		}
	}
}
