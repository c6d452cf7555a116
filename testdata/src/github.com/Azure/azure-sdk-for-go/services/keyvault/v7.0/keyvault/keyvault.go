// Package keyvault is a test stub of the track-1 Key Vault data-plane
// client (services/keyvault/v7.0/keyvault), with the real signatures.
package keyvault

import (
	"context"

	"github.com/Azure/go-autorest/autorest"
	"github.com/Azure/go-autorest/autorest/date"
)

// BaseClient is the base client for Keyvault.
type BaseClient struct {
	Authorizer autorest.Authorizer
}

// New creates an instance of the BaseClient client.
func New() BaseClient { return BaseClient{} }

// SecretAttributes holds the secret management attributes.
type SecretAttributes struct {
	Enabled   *bool
	NotBefore *date.UnixTime
	Expires   *date.UnixTime
}

// SecretBundle is a secret consisting of a value, id and its attributes.
type SecretBundle struct {
	Value       *string
	ID          *string
	ContentType *string
	Attributes  *SecretAttributes
}

// SecretSetParameters are the secret set parameters.
type SecretSetParameters struct {
	Value            *string
	Tags             map[string]*string
	ContentType      *string
	SecretAttributes *SecretAttributes
}

// SecretUpdateParameters are the secret update parameters.
type SecretUpdateParameters struct {
	ContentType      *string
	SecretAttributes *SecretAttributes
}

// GetSecret gets a specified secret from a given key vault.
func (client BaseClient) GetSecret(ctx context.Context, vaultBaseURL string, secretName string, secretVersion string) (result SecretBundle, err error) {
	return
}

// SetSecret sets a secret in a specified key vault.
func (client BaseClient) SetSecret(ctx context.Context, vaultBaseURL string, secretName string, parameters SecretSetParameters) (result SecretBundle, err error) {
	return
}

// UpdateSecret updates the attributes associated with a specified secret.
func (client BaseClient) UpdateSecret(ctx context.Context, vaultBaseURL string, secretName string, secretVersion string, parameters SecretUpdateParameters) (result SecretBundle, err error) {
	return
}
