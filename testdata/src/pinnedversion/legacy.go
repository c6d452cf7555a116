package pinnedversion

import (
	"context"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault"
)

// Have: the deprecated v0 client, same arguments as v1.
func legacyV0(ctx context.Context, c *v0.Client) {
	_, _ = c.GetSecret(ctx, "db-password", "0123456789abcdef0123456789abcdef", nil) // want `GetSecret reads a constant secret version`
	_, _ = c.GetSecret(ctx, "db-password", "", nil)
}

// Have: track-1 BaseClient.GetSecret(ctx, vaultBaseURL, name, version).
func legacyTrack1(ctx context.Context, kv keyvault.BaseClient, vault string) {
	_, _ = kv.GetSecret(ctx, vault, "db-password", "0123456789abcdef0123456789abcdef") // want `GetSecret reads a constant secret version`
	_, _ = kv.GetSecret(ctx, vault, "db-password", "")
	// The vault URL and the name are constants too: only the version is judged.
	_, _ = kv.GetSecret(ctx, "https://v.vault.azure.net", "db-password", "")
	_, _ = keyvault.BaseClient.GetSecret(kv, ctx, vault, "n", "0123456789abcdef0123456789abcdef") // want `GetSecret reads a constant secret version`
}

// Decoy: a BaseClient of this package with the track-1 signature.
type BaseClient struct{}

// GetSecret is not Key Vault's.
func (BaseClient) GetSecret(ctx context.Context, vaultBaseURL, name, version string) (string, error) {
	return "", nil
}

func decoyTrack1(ctx context.Context, b BaseClient) {
	_, _ = b.GetSecret(ctx, "https://v.vault.azure.net", "db-password", "0123456789abcdef0123456789abcdef")
}
