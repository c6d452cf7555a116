// Package auth is a test stub of go-autorest's (deprecated) azure/auth package.
package auth

import (
	"os"

	"github.com/Azure/go-autorest/autorest"
	"github.com/Azure/go-autorest/autorest/adal"
)

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

// ServicePrincipalToken creates a token from the config.
func (ccc ClientCredentialsConfig) ServicePrincipalToken() (*adal.ServicePrincipalToken, error) {
	// The SDK's own use of its constructors, as the real one does: not a finding.
	return adal.NewServicePrincipalToken(adal.OAuthConfig{}, ccc.ClientID, ccc.ClientSecret, ccc.Resource)
}

// NewAuthorizerFromEnvironment reads AZURE_CLIENT_SECRET (and others) from the environment.
func NewAuthorizerFromEnvironment() (autorest.Authorizer, error) {
	// The SDK's own use of its constructors, as the real one does: not a finding.
	if secret := os.Getenv("AZURE_CLIENT_SECRET"); secret != "" {
		return NewClientCredentialsConfig(os.Getenv("AZURE_CLIENT_ID"), secret, os.Getenv("AZURE_TENANT_ID")).Authorizer()
	}
	return NewMSIConfig().Authorizer()
}

// NewAuthorizerFromEnvironmentWithResource is NewAuthorizerFromEnvironment for one resource.
func NewAuthorizerFromEnvironmentWithResource(resource string) (autorest.Authorizer, error) {
	return nil, nil
}
