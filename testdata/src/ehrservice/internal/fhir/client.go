// Package fhir is a small client for the hospital's FHIR R4 API, which
// authenticates with an API key read from Key Vault.
package fhir

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// KeySource returns the current API key.
type KeySource func(ctx context.Context) (string, error)

// Client calls the FHIR server.
type Client struct {
	base *url.URL
	http *http.Client
	key  KeySource
}

// New returns a client for the FHIR server at baseURL.
func New(baseURL string, key KeySource) (*Client, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("fhir base url: %w", err)
	}
	return &Client{base: u, http: &http.Client{Timeout: 10 * time.Second}, key: key}, nil
}

// Patient is the part of a FHIR Patient resource the service uses.
type Patient struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
	BirthDate    string `json:"birthDate,omitempty"`
	Name         []struct {
		Family string   `json:"family"`
		Given  []string `json:"given"`
	} `json:"name"`
}

// Patient fetches a patient by ID.
func (c *Client) Patient(ctx context.Context, id string) (*Patient, error) {
	apiKey, err := c.key(ctx)
	if err != nil {
		return nil, fmt.Errorf("fhir api key: %w", err)
	}
	u := c.base.JoinPath("Patient", url.PathEscape(id))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/fhir+json")
	req.Header.Set("Authorization", "Bearer "+apiKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fhir GET Patient/%s: %w", id, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("fhir GET Patient/%s: %s: %s", id, resp.Status, body)
	}
	var p Patient
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("fhir Patient/%s: %w", id, err)
	}
	return &p, nil
}
