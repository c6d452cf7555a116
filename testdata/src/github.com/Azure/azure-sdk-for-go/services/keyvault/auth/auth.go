// Package auth is a test stub of the track-1 Key Vault authorizer package.
package auth

import (
	"github.com/Azure/go-autorest/autorest"
	"github.com/Azure/go-autorest/autorest/azure/auth"
)

// NewAuthorizerFromEnvironment reads AZURE_CLIENT_SECRET (and others) from the environment.
func NewAuthorizerFromEnvironment() (autorest.Authorizer, error) {
	// The SDK's own use of go-autorest, as the real one does (it names
	// AZURE_CLIENT_SECRET in this comment only): not a finding.
	return auth.NewAuthorizerFromEnvironmentWithResource("https://vault.azure.net")
}
