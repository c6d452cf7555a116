// Package aztables is a test stub of the Azure SDK's aztables package.
package aztables

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential struct{}

// NewSharedKeyCredential creates an immutable SharedKeyCredential.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}

// ServiceClient is a table service client.
type ServiceClient struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewServiceClient creates a ServiceClient with Entra ID.
func NewServiceClient(serviceURL string, cred azcore.TokenCredential, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}

// NewServiceClientWithSharedKey creates a ServiceClient with a shared key.
func NewServiceClientWithSharedKey(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}

// NewServiceClientFromConnectionString creates a ServiceClient from a connection string.
func NewServiceClientFromConnectionString(connectionString string, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}
