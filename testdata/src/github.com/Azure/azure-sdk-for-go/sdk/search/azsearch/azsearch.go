// Package azsearch is a test stub standing for an AI Search data-plane
// package under the SDK's sdk/search/ directory (the services table matches
// the directory, whatever the package's name).
package azsearch

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client queries an index.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(endpoint, index string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithKeyCredential creates a Client with an admin or query key.
func NewClientWithKeyCredential(endpoint, index string, credential *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
