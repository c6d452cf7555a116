// Package azopenai is a test stub of the Azure SDK's azopenai package.
package azopenai

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// Client is an Azure OpenAI client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClient creates a Client with Entra ID.
func NewClient(endpoint string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithKeyCredential creates a Client with an API key.
func NewClientWithKeyCredential(endpoint string, credential *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientForOpenAI creates a Client for the public OpenAI endpoint, which
// accepts no Entra ID token: not a finding.
func NewClientForOpenAI(endpoint string, credential *azcore.KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
