// Package azappconfig is a test stub of the Azure SDK's azappconfig package.
package azappconfig

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client is an App Configuration client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(endpoint string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates a Client from a connection string.
func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
