// Package azeventhubs is a test stub of the Azure SDK's azeventhubs package.
package azeventhubs

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// ProducerClient sends events.
type ProducerClient struct{}

// ProducerClientOptions are the client's options.
type ProducerClientOptions struct{}

// NewProducerClient creates a ProducerClient with Entra ID.
func NewProducerClient(fullyQualifiedNamespace string, eventHub string, credential azcore.TokenCredential, options *ProducerClientOptions) (*ProducerClient, error) {
	return &ProducerClient{}, nil
}

// NewProducerClientFromConnectionString creates a ProducerClient from a connection string.
func NewProducerClientFromConnectionString(connectionString string, eventHub string, options *ProducerClientOptions) (*ProducerClient, error) {
	return &ProducerClient{}, nil
}

// ConsumerClient receives events.
type ConsumerClient struct{}

// ConsumerClientOptions are the client's options.
type ConsumerClientOptions struct{}

// NewConsumerClientFromConnectionString creates a ConsumerClient from a connection string.
func NewConsumerClientFromConnectionString(connectionString string, eventHub string, consumerGroup string, options *ConsumerClientOptions) (*ConsumerClient, error) {
	return &ConsumerClient{}, nil
}

// ConnectionStringProperties are the parts of a connection string.
type ConnectionStringProperties struct {
	Endpoint            string
	EntityPath          *string
	SharedAccessKeyName *string
	SharedAccessKey     *string
}

// ParseConnectionString parses a connection string into its parts.
func ParseConnectionString(connStr string) (ConnectionStringProperties, error) {
	return ConnectionStringProperties{}, nil
}
