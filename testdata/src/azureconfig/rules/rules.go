// Package rules is a fixture run with KV205 (client-secret-env) disabled.
package rules

import (
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func setup(secret string) {
	os.Setenv("AZURE_CLIENT_SECRET", secret)                           // disabled by name
	_, _ = azidentity.NewClientSecretCredential("t", "c", secret, nil) // want `NewClientSecretCredential authenticates`
}
