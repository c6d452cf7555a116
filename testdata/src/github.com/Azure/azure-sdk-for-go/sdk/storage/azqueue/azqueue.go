// Package azqueue is a test stub of the Azure SDK's azqueue package: the
// constructors the fixtures call, with the real signatures.
package azqueue

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential struct{}

// NewSharedKeyCredential creates an immutable SharedKeyCredential containing the account's name and key.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}

// ServiceClient is a client.
type ServiceClient struct{}

// ClientOptions contains the optional parameters when creating a ServiceClient.
type ClientOptions struct{}

// NewServiceClientWithSharedKeyCredential creates an instance of ServiceClient with the specified values.
func NewServiceClientWithSharedKeyCredential(serviceURL string, cred *SharedKeyCredential, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}

// NewServiceClientFromConnectionString creates an instance of ServiceClient with the specified values.
func NewServiceClientFromConnectionString(connectionString string, options *ClientOptions) (*ServiceClient, error) {
	return &ServiceClient{}, nil
}
