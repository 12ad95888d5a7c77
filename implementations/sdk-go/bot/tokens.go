package main

// Notification tokens (PROTOCOL.md "Notification tokens") with golang-jwt: Graph's keys from the OpenID
// configuration's jwks_uri (cached by kid, refetched on an unknown kid at most once a second), RS256 only,
// the signature, the audience, exp/nbf with 5 minutes of leeway, a tid, and one of Graph's two issuers.

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var notificationIssuers = map[string]bool{"https://graph.microsoft.com": true, "https://api.botframework.com": true}

type refused struct {
	status int
	why    string
}

func (r refused) Error() string { return r.why }

type tokenVerifier struct {
	appID, configurationURL string
	mu                      sync.Mutex
	keys                    map[string]*rsa.PublicKey
	fetchedAt               time.Time
	client                  http.Client
}

func newTokenVerifier(appID, configurationURL string) *tokenVerifier {
	return &tokenVerifier{appID: appID, configurationURL: configurationURL, keys: map[string]*rsa.PublicKey{}, client: http.Client{Timeout: 4 * time.Second}}
}

func (v *tokenVerifier) getJSON(url string, into any) error {
	response, err := v.client.Get(url)
	if err != nil {
		return err
	}
	defer response.Body.Close()
	return json.NewDecoder(io.LimitReader(response.Body, 1<<20)).Decode(into)
}

func (v *tokenVerifier) refresh() {
	v.fetchedAt = time.Now()
	var configuration struct {
		JwksURI string `json:"jwks_uri"`
	}
	var set struct {
		Keys []struct{ Kty, Use, Kid, N, E string } `json:"keys"`
	}
	if err := v.getJSON(v.configurationURL, &configuration); err != nil {
		logf("could not fetch the OpenID configuration: %v", err)
		return
	}
	if err := v.getJSON(configuration.JwksURI, &set); err != nil {
		logf("could not fetch the signing keys: %v", err)
		return
	}
	keys := map[string]*rsa.PublicKey{}
	for _, k := range set.Keys {
		n, errN := base64.RawURLEncoding.DecodeString(k.N)
		e, errE := base64.RawURLEncoding.DecodeString(k.E)
		if k.Kty != "RSA" || (k.Use != "" && k.Use != "sig") || k.Kid == "" || errN != nil || errE != nil {
			continue
		}
		keys[k.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	}
	v.keys = keys
}

func (v *tokenVerifier) key(token *jwt.Token) (any, error) {
	kid, _ := token.Header["kid"].(string)
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.keys[kid]; !ok && time.Since(v.fetchedAt) >= time.Second {
		v.refresh() // keys rotate: an unknown kid fetches the key set again, at most once a second
	}
	if key, ok := v.keys[kid]; ok {
		return key, nil
	}
	return nil, fmt.Errorf("no published key %q", kid)
}

// verify returns the token's tenant (tid).
func (v *tokenVerifier) verify(authorization string) (string, error) {
	parts := strings.Fields(authorization)
	if len(parts) != 2 || !strings.EqualFold(parts[0], "bearer") {
		return "", refused{401, "no bearer token"}
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(parts[1], claims, v.key, jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(v.appID),
		jwt.WithLeeway(5*time.Minute), jwt.WithExpirationRequired())
	if err != nil {
		return "", refused{401, err.Error()}
	}
	if issuer, _ := claims["iss"].(string); !notificationIssuers[issuer] {
		return "", refused{401, fmt.Sprintf("issuer %q", issuer)}
	}
	tid, _ := claims["tid"].(string)
	if tid == "" {
		return "", refused{401, "no tenant claim"}
	}
	return tid, nil
}

// authenticate: nil when the token is Graph's, for this bot, and for the tenant of every call the body names.
func (b *bot) authenticate(authorization string, raw []byte) error {
	b.authMu.Lock()
	verifier := b.verifier
	b.authMu.Unlock()
	if verifier == nil {
		return nil // a harness that does not sign notifications (no appId in start)
	}
	tid, err := verifier.verify(authorization)
	if err != nil {
		return err
	}
	var body struct {
		Value []notification `json:"value"`
	}
	if json.Unmarshal(raw, &body) != nil {
		return nil // not JSON: answered 400 by the router
	}
	b.authMu.Lock()
	defer b.authMu.Unlock()
	for _, n := range body.Value {
		if callID, _, ok := splitResourceURL(n.ResourceURL); ok {
			if tenant, known := b.callTenants[callID]; known && tenant != tid {
				return refused{403, fmt.Sprintf("the token is for tenant %s, the call %s is in %s", tid, callID, tenant)}
			}
		}
	}
	return nil
}
