// Package azblob is a test stub of the Azure SDK's azblob package: the
// constructors kvlint matches, with the real signatures.
package azblob

import (
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/exported"
)

// SharedKeyCredential contains an account's name and its primary or
// secondary key: an alias of the internal type, as in the real SDK.
type SharedKeyCredential = exported.SharedKeyCredential

// NewSharedKeyCredential creates an immutable SharedKeyCredential containing the account's name and key.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return exported.NewSharedKeyCredential(accountName, accountKey)
}

// Client is a client.
type Client struct{}

// ServiceClient returns the service client (a method: not a constructor).
func (c *Client) ServiceClient() *Client { return c }

// ClientOptions contains the optional parameters when creating a Client.
type ClientOptions struct{}

// NewClient creates an instance of Client with the specified values.
func NewClient(serviceURL string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientWithSharedKeyCredential creates an instance of Client with the specified values.
func NewClientWithSharedKeyCredential(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates an instance of Client with the specified values.
func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// The SDK's own use of its constructors: not a finding.
func newFromConnectionString(url, account, key string) (*Client, error) {
	cred, err := NewSharedKeyCredential(account, key)
	if err != nil {
		return nil, err
	}
	return NewClientWithSharedKeyCredential(url, cred, nil)
}
