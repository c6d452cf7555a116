// Package aztables is a test stub of the Azure SDK's aztables package.
package aztables

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

// NewServiceClientWithSharedKey creates a ServiceClient with a shared key.
func NewServiceClientWithSharedKey(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}

// NewServiceClientFromConnectionString creates a ServiceClient from a connection string.
func NewServiceClientFromConnectionString(connectionString string, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}
