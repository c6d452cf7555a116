// Package admin is a test stub of the Service Bus administration client.
package admin

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client manages queues, topics and subscriptions.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(fullyQualifiedNamespace string, tokenCredential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates a Client from a connection string.
func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
