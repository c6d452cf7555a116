// Package azservicebus is a test stub of the Azure SDK's azservicebus package.
package azservicebus

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client is a Service Bus client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(fullyQualifiedNamespace string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates a Client from a connection string.
func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// The SDK's own use of its constructors (the namespace from a parsed
// connection string): not a finding.
func newFromEnvironment(cs string) (*Client, error) {
	return NewClientFromConnectionString(cs, nil)
}
