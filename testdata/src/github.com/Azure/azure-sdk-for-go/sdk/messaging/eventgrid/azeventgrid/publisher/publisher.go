// Package publisher is a test stub of the Azure SDK's Event Grid publisher package.
package publisher

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client publishes events.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClientWithSharedKeyCredential creates a Client with an access key.
func NewClientWithSharedKeyCredential(endpoint string, keyCred *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSAS creates a Client with a shared access signature.
func NewClientWithSAS(endpoint string, sasCred *azcore.SASCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
