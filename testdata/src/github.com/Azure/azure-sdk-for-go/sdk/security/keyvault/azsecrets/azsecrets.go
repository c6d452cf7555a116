// Package azsecrets is a test stub of the Azure Key Vault secrets client:
// the types and methods kvlint matches, with the real signatures.
package azsecrets

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

// ID is a secret's unique ID, containing its version, if any, and name.
type ID string

// Name of the secret.
func (i *ID) Name() string { return "" }

// Version of the secret.
func (i *ID) Version() string { return "" }

// ClientOptions are optional parameters for NewClient.
type ClientOptions struct {
	azcore.ClientOptions
	DisableChallengeResourceVerification bool
}

// Client contains the methods for the Key Vault secrets operations.
type Client struct{}

// NewClient creates a client that accesses a Key Vault's secrets.
func NewClient(vaultURL string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{}, nil
}

// Secret is a secret consisting of a value, id and its attributes.
type Secret struct {
	Attributes      *SecretAttributes
	ContentType     *string
	ID              *ID
	PreviousVersion *string
	Tags            map[string]*string
	Value           *string
	KID             *ID
	Managed         *bool
}

// SecretAttributes holds the secret management attributes.
type SecretAttributes struct {
	Enabled         *bool
	Expires         *time.Time
	NotBefore       *time.Time
	Created         *time.Time
	RecoverableDays *int32
	RecoveryLevel   *string
	Updated         *time.Time
}

// SetSecretParameters are the secret set parameters.
type SetSecretParameters struct {
	Value            *string
	ContentType      *string
	SecretAttributes *SecretAttributes
	Tags             map[string]*string
}

// UpdateSecretPropertiesParameters are the secret update parameters.
type UpdateSecretPropertiesParameters struct {
	ContentType      *string
	SecretAttributes *SecretAttributes
	Tags             map[string]*string
}

// GetSecretOptions contains the optional parameters for Client.GetSecret.
type GetSecretOptions struct{}

// SetSecretOptions contains the optional parameters for Client.SetSecret.
type SetSecretOptions struct{}

// UpdateSecretPropertiesOptions contains the optional parameters for Client.UpdateSecretProperties.
type UpdateSecretPropertiesOptions struct{}

// GetSecretResponse contains the response from method Client.GetSecret.
type GetSecretResponse struct {
	Secret
}

// SetSecretResponse contains the response from method Client.SetSecret.
type SetSecretResponse struct {
	Secret
}

// UpdateSecretPropertiesResponse contains the response from method Client.UpdateSecretProperties.
type UpdateSecretPropertiesResponse struct {
	Secret
}

// GetSecret gets a specified secret from a given key vault; version "" is the latest.
func (client *Client) GetSecret(ctx context.Context, name string, version string, options *GetSecretOptions) (GetSecretResponse, error) {
	return GetSecretResponse{}, nil
}

// SetSecret sets a secret in a specified key vault.
func (client *Client) SetSecret(ctx context.Context, name string, parameters SetSecretParameters, options *SetSecretOptions) (SetSecretResponse, error) {
	return SetSecretResponse{}, nil
}

// UpdateSecretProperties updates the attributes associated with a specified secret.
func (client *Client) UpdateSecretProperties(ctx context.Context, name string, version string, parameters UpdateSecretPropertiesParameters, options *UpdateSecretPropertiesOptions) (UpdateSecretPropertiesResponse, error) {
	return UpdateSecretPropertiesResponse{}, nil
}
