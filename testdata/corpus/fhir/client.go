// Package fhir talks to the hospital's FHIR R4 API with SMART backend-services auth.
package fhir

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

const (
	epicClientID     = "db0732e8-2563-a76b-5c7c-e62aa54505e8"                                                                                   // corpus:decoy
	epicClientSecret = "JGN+qQDZWsbjY0LpteZvwxo8XKdOQYwQQA5b+kmAytA="                                                                           // corpus:secret
	cernerTokenURL   = "https://authorization.cerner.com/tenants/33cf6677-6b40-163d-e3c0-72e530e13880/protocols/oauth2/profiles/smart-v1/token" // corpus:decoy
	scope            = "system/Patient.read system/Observation.read"                                                                            // corpus:decoy
	grantType        = "client_credentials"                                                                                                     // corpus:decoy
	assertionType    = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"                                                                 // corpus:decoy
)

// signingKey signs client assertions for the Epic backend app.
var signingKey = `-----BEGIN RSA PRIVATE KEY-----
huUKNjGXx8r1Qy+qwq0ZBDIK1lZBCqMXceGMBSFbAEzXEgtQuJEt8Np2obB+c63i
R5V7IiLCcgy7jybBINhENypG9LImzBe33u8Ff4+Mi7YrimM37eMwZadOOQdET6uz
842v2lYkkJKEt1WX4amdlMDH7Tgtijsm2jC1Wv041JSIOYNu/dLC23T+GragnpNt
ocG0w++DZ9SNVq3gcpPDS8Taoo/DmObYoRK/hZZKXjpdcW45Ip+jzGG0kFluYGsL
KtlY0kN1U5TUwkWODJ3YOn3U49FOgfo5UUxkqMuLwo3cFbjQSROsspE3/vPpIWrH
Gc+Yn7WYZ7BWrrE3BIUMGSWtncILQ9zwruVBk3VZ8YolY5KhsK7vpv328fYOSDzP
fGvS9Hh0vA5ABdM0wu8cP4iiXsaPpzFwxaTaWABA3ZlPoULopueTfzEpmdihCQFB
Y+isOXnpWS380sEXfE+h7gAoGyNl8dwGgGVuvW2J4X7TeGcKJvpN9tpxN6SC/y8M
TPf5JAeCjr3v5+6xc/79h6xMfl9trcA5m3VhGtAnEqmBlr93JtFB0qGKKVO4OycH
jPh1zDxqi0vQwbkZaCs1rGRJJIME/zcmmVThwNqHqTSY+PojafIWEtCK/VaqQkQn
AzX8CvK36w2du/UhYjzrgm+JPx+W74AeuGpF+a7+CJn+BF0N+TegN/G/LAAZRHLD
Xmz9MeAnl/JEHPIAfku8Hrl160XL2jgBQV01GUFlxQ27bT1ohHj77zdxcYFe2KsT
uMlA9xlf6gCgaNg7peSVxc+kt9LfYGsjOizs8f9K==
-----END RSA PRIVATE KEY-----` // corpus:secret

// publicCert is shared with the EHR vendor and is not secret.
var publicCert = `-----BEGIN CERTIFICATE-----
MIIC+zCCAeOgAwIBAgIJAKx0cEVWg5wGMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNV
BAMMCWxvY2FsaG9zdDAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBQx
-----END CERTIFICATE-----` // corpus:decoy

// cachedAssertion was pasted while debugging and never removed.
const cachedAssertion = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0UnNTVEFlQ2RpV2MiLCJpc3MiOiJodHRwczovL2ZoaXIuZXhhbXBsZS5vcmciLCJhdWQiOiJlaHJicmlkZ2UiLCJleHAiOjE4OTM0NTYwMDB9.dZHoPDtMQAElITtmbO1eu0yqOHskwhyV854VvIiIWcmuG_ahZ47lDdd8pWBfvdtiIohiFvhz4mI94LDyiy5yy3" // corpus:secret

// ErrUnauthorized is returned when the EHR rejects our token.
var ErrUnauthorized = errors.New("fhir: invalid client secret or expired token") // corpus:decoy

// Client is a FHIR client.
type Client struct {
	BaseURL   string
	HTTP      *http.Client
	token     string
	tokenType string
}

// New returns a client for base.
func New(base string) *Client {
	return &Client{BaseURL: base, HTTP: http.DefaultClient, tokenType: "Bearer"} // corpus:decoy
}

// Authenticate fetches an access token.
func (c *Client) Authenticate(ctx context.Context) error {
	form := url.Values{}
	form.Set("grant_type", grantType)
	form.Set("client_id", epicClientID)
	form.Set("client_secret", epicClientSecret)
	form.Set("scope", scope)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cernerTokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("fhir: build token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // corpus:decoy
	req.SetBasicAuth("ehrbridge", "QjtDdvPZQNIoKCspBI1V")               // corpus:secret
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("fhir: token request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return ErrUnauthorized
	}
	return nil
}

// Patient fetches one patient resource.
func (c *Client) Patient(ctx context.Context, id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.BaseURL+"/Patient/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/fhir+json")                      // corpus:decoy
	req.Header.Set("X-Request-Id", "7ad6cb76-f851-8a2f-0162-307582bb47c4") // corpus:decoy
	return c.HTTP.Do(req)
}

// legacyPartnerAuth talks to the old HL7 gateway.
func legacyPartnerAuth(req *http.Request) {
	req.Header.Set("Authorization", "Basic aGw3Z2F0ZXdheTo5RVdwc3pROFZkZENDQlFQU3U=") // corpus:secret
	req.Header.Set("X-Api-Key", "rzE1FtCho4rbWnQydW303opAqU7GazJI")                   // corpus:secret
	req.Header.Set("X-Api-Key-Id", "partner-eu-west-2")                               // corpus:decoy
}
