// Package azappconfig is a test stub of the Azure SDK's azappconfig package.
package azappconfig

// Client is an App Configuration client.
type Client struct{}

// ClientOptions are the client's options.
type ClientOptions struct{}

// NewClientFromConnectionString creates a Client from a connection string.
func NewClientFromConnectionString(connectionString string, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}
