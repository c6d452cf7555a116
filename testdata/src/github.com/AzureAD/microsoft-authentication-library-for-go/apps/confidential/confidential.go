// Package confidential is a test stub of MSAL for Go's confidential client package.
package confidential

// Credential represents the credential used in confidential client flows.
type Credential struct{ secret string }

// NewCredFromSecret creates a Credential from a secret.
func NewCredFromSecret(secret string) (Credential, error) {
	return Credential{secret: secret}, nil
}

// Option is an optional argument to New.
type Option func(o *clientOptions)

type clientOptions struct{}

// Client is a client that provides access to Oauth2 authentication flows.
type Client struct{}

// New is the constructor for Client.
func New(authority, clientID string, cred Credential, options ...Option) (Client, error) {
	return Client{}, nil
}
