// Package api is a test stub of HashiCorp Vault's Go client.
package api

// Client talks to Vault.
type Client struct{}

// Logical is the logical backend.
type Logical struct{}

// Secret is a secret read from Vault.
type Secret struct {
	Data map[string]interface{}
}

// Logical returns the logical backend.
func (c *Client) Logical() *Logical { return &Logical{} }

// Read reads the secret at path.
func (l *Logical) Read(path string) (*Secret, error) { return nil, nil }

// Write writes data at path.
func (l *Logical) Write(path string, data map[string]interface{}) (*Secret, error) { return nil, nil }
