// Package azopenai is a test stub of the Azure OpenAI client at its first
// path (sdk/cognitiveservices/azopenai, v0.1 to v0.3, before the move to
// sdk/ai/azopenai), which had its own KeyCredential type.
package azopenai

// KeyCredential is used when connecting to an Azure OpenAI endpoint with an API key.
type KeyCredential struct{}

// NewKeyCredential creates a KeyCredential containing an API key.
func NewKeyCredential(apiKey string) (KeyCredential, error) { return KeyCredential{}, nil }

// Client is an Azure OpenAI client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClientWithKeyCredential creates a Client with an API key.
func NewClientWithKeyCredential(endpoint string, credential KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientForOpenAI creates a Client for the public OpenAI endpoint, which
// accepts no Entra ID token: not a finding.
func NewClientForOpenAI(endpoint string, credential KeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
