// Package azcosmos is a test stub of the Azure SDK's azcosmos package.
package azcosmos

// KeyCredential contains an account's key.
type KeyCredential struct{}

// NewKeyCredential creates a KeyCredential containing the account's primary or secondary key.
func NewKeyCredential(accountKey string) (KeyCredential, error) { return KeyCredential{}, nil }

// Client is a Cosmos DB client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClientWithKey creates a Client with an account key.
func NewClientWithKey(endpoint string, cred KeyCredential, o *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates a Client from a connection string.
func NewClientFromConnectionString(connectionString string, o *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
