// Package graphclient gives msgraph-sdk-go's GraphServiceClient a base URL and a static bearer token:
// what a bot does with the token it got from Entra ID, and what points the SDK at the mock Graph.
// The SDK's own request adapter, serializers and middleware do everything else.
package graphclient

import (
	"context"
	"net/url"

	absauth "github.com/microsoft/kiota-abstractions-go/authentication"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
)

type staticToken struct {
	token string
	hosts *absauth.AllowedHostsValidator
}

func (p *staticToken) GetAuthorizationToken(_ context.Context, _ *url.URL, _ map[string]interface{}) (string, error) {
	return p.token, nil
}

func (p *staticToken) GetAllowedHostsValidator() *absauth.AllowedHostsValidator { return p.hosts }

// New returns a client sending every request to baseURL (Graph's versioned root) with the token,
// which Kiota attaches only to baseURL's host.
func New(baseURL, token string) (*msgraphsdk.GraphServiceClient, error) {
	parsed, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	hosts, err := absauth.NewAllowedHostsValidatorErrorCheck([]string{parsed.Hostname()})
	if err != nil {
		return nil, err
	}
	adapter, err := msgraphsdk.NewGraphRequestAdapter(absauth.NewBaseBearerTokenAuthenticationProvider(&staticToken{token: token, hosts: hosts}))
	if err != nil {
		return nil, err
	}
	adapter.SetBaseUrl(baseURL)
	return msgraphsdk.NewGraphServiceClient(adapter), nil
}
