// Package service is a test stub of the Azure SDK's service package: the
// constructors the fixtures call, with the real signatures.
package service

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential struct{}

// NewSharedKeyCredential creates an immutable SharedKeyCredential containing the account's name and key.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}

// Client is a client.
type Client struct{}

// ClientOptions contains the optional parameters when creating a Client.
type ClientOptions struct{}

// NewClientWithSharedKeyCredential creates an instance of Client with the specified values.
func NewClientWithSharedKeyCredential(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
