// Package azsecrets is a test stub of the deprecated v0.x Key Vault secrets
// client (sdk/keyvault/azsecrets): the types and methods kvlint matches,
// with the real signatures of v0.12.
package azsecrets

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

// Client contains the methods for the Key Vault secrets operations.
type Client struct{}

// ClientOptions are optional parameters for NewClient.
type ClientOptions struct{}

// NewClient creates a client that accesses a Key Vault's secrets.
func NewClient(vaultURL string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// SecretAttributes holds the secret management attributes.
type SecretAttributes struct {
	Enabled   *bool
	Expires   *time.Time
	NotBefore *time.Time
}

// SecretBundle is a secret consisting of a value, id and its attributes.
type SecretBundle struct {
	Attributes  *SecretAttributes
	ContentType *string
	ID          *string
	Value       *string
}

// SetSecretParameters are the secret set parameters.
type SetSecretParameters struct {
	Value            *string
	ContentType      *string
	SecretAttributes *SecretAttributes
}

// UpdateSecretParameters are the secret update parameters.
type UpdateSecretParameters struct {
	SecretAttributes *SecretAttributes
}

// GetSecretOptions contains the optional parameters for Client.GetSecret.
type GetSecretOptions struct{}

// SetSecretOptions contains the optional parameters for Client.SetSecret.
type SetSecretOptions struct{}

// UpdateSecretOptions contains the optional parameters for Client.UpdateSecret.
type UpdateSecretOptions struct{}

// GetSecretResponse contains the response from method Client.GetSecret.
type GetSecretResponse struct{ SecretBundle }

// SetSecretResponse contains the response from method Client.SetSecret.
type SetSecretResponse struct{ SecretBundle }

// UpdateSecretResponse contains the response from method Client.UpdateSecret.
type UpdateSecretResponse struct{ SecretBundle }

// GetSecret gets a specified secret from a given key vault.
func (client *Client) GetSecret(ctx context.Context, name string, version string, options *GetSecretOptions) (GetSecretResponse, error) {
	return GetSecretResponse{}, nil
}

// SetSecret sets a secret in a specified key vault.
func (client *Client) SetSecret(ctx context.Context, name string, parameters SetSecretParameters, options *SetSecretOptions) (SetSecretResponse, error) {
	return SetSecretResponse{}, nil
}

// UpdateSecret updates the attributes associated with a specified secret.
func (client *Client) UpdateSecret(ctx context.Context, name string, version string, parameters UpdateSecretParameters, options *UpdateSecretOptions) (UpdateSecretResponse, error) {
	return UpdateSecretResponse{}, nil
}
