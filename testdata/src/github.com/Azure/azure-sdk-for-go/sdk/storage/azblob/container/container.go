// Package container is a test stub of azblob's container package, whose
// SharedKeyCredential is an alias of an internal type, as in the real SDK.
package container

import "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/exported"

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential = exported.SharedKeyCredential

// NewSharedKeyCredential creates an immutable SharedKeyCredential.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return exported.NewSharedKeyCredential(accountName, accountKey)
}

// Client is a container client.
type Client struct{}

// ClientOptions contains the optional parameters when creating a Client.
type ClientOptions struct{}

// NewClientWithSharedKeyCredential creates an instance of Client with a shared key.
func NewClientWithSharedKeyCredential(containerURL string, cred *SharedKeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// NewClientFromConnectionString creates an instance of Client from a connection string.
func NewClientFromConnectionString(connectionString string, containerName string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
