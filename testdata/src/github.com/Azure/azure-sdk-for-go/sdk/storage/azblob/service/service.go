// Package service is a test stub of azblob's service package: the
// constructor the fixtures call, with the real signature. Its
// SharedKeyCredential is an alias of azblob's internal type, as in the
// real SDK.
package service

import "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/internal/exported"

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential = exported.SharedKeyCredential

// Client is a client.
type Client struct{}

// ClientOptions contains the optional parameters when creating a Client.
type ClientOptions struct{}

// NewClientWithSharedKeyCredential creates an instance of Client with the specified values.
func NewClientWithSharedKeyCredential(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
