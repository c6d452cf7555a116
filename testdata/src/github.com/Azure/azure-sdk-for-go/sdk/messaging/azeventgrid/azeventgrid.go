// Package azeventgrid is a test stub of the Event Grid namespaces client at
// its first path (sdk/messaging/azeventgrid, v0.x, before the move to
// sdk/messaging/eventgrid/aznamespaces): the constructors kvlint matches,
// with the real signatures.
package azeventgrid

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client publishes and receives events of a namespace topic.
type Client struct{}

// ClientOptions contains optional settings for Client.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(endpoint string, tokenCredential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSharedKeyCredential creates a Client using a shared key.
func NewClientWithSharedKeyCredential(endpoint string, keyCred *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSAS creates a Client using a shared access signature.
func NewClientWithSAS(endpoint string, sasCred *azcore.SASCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// The SDK's own use of its constructors: not a finding.
func newFromKey(endpoint, key string) (*Client, error) {
	return NewClientWithSharedKeyCredential(endpoint, azcore.NewKeyCredential(key), nil)
}
