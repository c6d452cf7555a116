// Package azmaps is a test stub standing for an Azure Maps data-plane
// package under the SDK's sdk/maps/ directory (the services table matches
// the directory, whatever the package's name).
package azmaps

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client calls the Maps APIs.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID and the account's client ID.
func NewClient(clientID string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSharedKey creates a Client with a subscription key.
func NewClientWithSharedKey(credential *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSAS creates a Client with a shared access signature.
func NewClientWithSAS(credential *azcore.SASCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
