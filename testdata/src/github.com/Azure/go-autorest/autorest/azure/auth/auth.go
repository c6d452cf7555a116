// Package auth is a test stub of go-autorest's (deprecated) azure/auth package.
package auth

import "github.com/Azure/go-autorest/autorest"

// ClientCredentialsConfig is a client secret authorizer's settings.
type ClientCredentialsConfig struct {
	ClientID, ClientSecret, TenantID, Resource string
}

// NewClientCredentialsConfig creates a config for a client secret.
func NewClientCredentialsConfig(clientID string, clientSecret string, tenantID string) ClientCredentialsConfig {
	return ClientCredentialsConfig{}
}

// Authorizer returns an authorizer.
func (ccc ClientCredentialsConfig) Authorizer() (autorest.Authorizer, error) { return nil, nil }

// MSIConfig is a managed identity authorizer's settings.
type MSIConfig struct{ Resource string }

// NewMSIConfig creates a managed identity config.
func NewMSIConfig() MSIConfig { return MSIConfig{} }

// Authorizer returns an authorizer.
func (mc MSIConfig) Authorizer() (autorest.Authorizer, error) { return nil, nil }

// NewAuthorizerFromEnvironment reads AZURE_CLIENT_SECRET (and others) from the environment.
func NewAuthorizerFromEnvironment() (autorest.Authorizer, error) { return nil, nil }

// NewAuthorizerFromEnvironmentWithResource is NewAuthorizerFromEnvironment for one resource.
func NewAuthorizerFromEnvironmentWithResource(resource string) (autorest.Authorizer, error) {
	return nil, nil
}
