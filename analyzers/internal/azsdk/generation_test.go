package azsdk_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// TestSecretsGeneration names the generation of each secrets client path
// (stable and preview track-1 data planes among them), and none for the
// paths beside them: the management plane, the track-1 authorizer, the
// keys client and a vendored copy's prefix is dropped first.
func TestSecretsGeneration(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets", azsdk.GenV1},
		{"github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets", azsdk.GenV0},
		{"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault", azsdk.GenTrack1},
		{"github.com/Azure/azure-sdk-for-go/services/keyvault/2016-10-01/keyvault", azsdk.GenTrack1},
		{"github.com/Azure/azure-sdk-for-go/services/preview/keyvault/v7.2-preview/keyvault", azsdk.GenTrack1},
		// Decoys.
		{"github.com/Azure/azure-sdk-for-go/services/keyvault/mgmt/2019-09-01/keyvault", ""},
		{"github.com/Azure/azure-sdk-for-go/services/keyvault/auth", ""},
		{"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azkeys", ""},
		{"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets/internal", ""},
		{"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault/keyvaultapi", ""},
		{"example.com/fork/sdk/security/keyvault/azsecrets", ""},
	} {
		if got := azsdk.SecretsGeneration(tc.path); got != tc.want {
			t.Errorf("SecretsGeneration(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
