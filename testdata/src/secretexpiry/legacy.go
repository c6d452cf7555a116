package secretexpiry

import (
	"context"
	"time"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault"
	"github.com/Azure/go-autorest/autorest/date"
)

// Have: the deprecated v0 client, same parameters as v1.
func legacyV0(ctx context.Context, c *v0.Client, v string) {
	_, _ = c.SetSecret(ctx, "db-password", v0.SetSecretParameters{Value: &v}, nil) // want `secret is set without SecretAttributes, so it never expires`
	exp := time.Now().AddDate(0, 3, 0)
	_, _ = c.SetSecret(ctx, "db-password", v0.SetSecretParameters{Value: &v, SecretAttributes: &v0.SecretAttributes{Expires: &exp}}, nil)
	_, _ = c.UpdateSecret(ctx, "db-password", "", v0.UpdateSecretParameters{SecretAttributes: &v0.SecretAttributes{Expires: nil}}, nil) // want `UpdateSecretProperties sets Expires to nil`
}

// Have: track-1 BaseClient.SetSecret(ctx, vaultBaseURL, name, keyvault.SecretSetParameters{...}).
func legacyTrack1(ctx context.Context, kv keyvault.BaseClient, vault, v string) {
	_, _ = kv.SetSecret(ctx, vault, "db-password", keyvault.SecretSetParameters{Value: &v}) // want `secret is set without SecretAttributes, so it never expires`
	params := keyvault.SecretSetParameters{Value: &v, SecretAttributes: &keyvault.SecretAttributes{}}
	_, _ = kv.SetSecret(ctx, vault, "db-password", params) // want `secret is set without SecretAttributes.Expires, so it never expires`
	exp := date.UnixTime(time.Now().AddDate(0, 3, 0))
	_, _ = kv.SetSecret(ctx, vault, "db-password", keyvault.SecretSetParameters{Value: &v, SecretAttributes: &keyvault.SecretAttributes{Expires: &exp}})
}

// Decoy: a client of this package with the track-1 shape.
type BaseClient struct{}

// SetSecret is not Key Vault's.
func (BaseClient) SetSecret(ctx context.Context, vaultBaseURL, name string, p keyvault.SecretSetParameters) error {
	return nil
}

func decoyTrack1(ctx context.Context, b BaseClient, v string) {
	_ = b.SetSecret(ctx, "https://v.vault.azure.net", "db-password", keyvault.SecretSetParameters{Value: &v})
}
