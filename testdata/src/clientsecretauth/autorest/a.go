// Package autorest is a fixture for go-autorest and track-1 authentication.
package autorest

import (
	"os"

	kvauth "github.com/Azure/azure-sdk-for-go/services/keyvault/auth"
	"github.com/Azure/go-autorest/autorest"
	"github.com/Azure/go-autorest/autorest/adal"
	"github.com/Azure/go-autorest/autorest/azure/auth"
)

func clientCredentials(id, secret, tenant string) (autorest.Authorizer, error) {
	return auth.NewClientCredentialsConfig(id, secret, tenant).Authorizer() // want `auth.NewClientCredentialsConfig authenticates with a static client secret, itself a secret to protect: go-autorest is retired: use azidentity.NewDefaultAzureCredential`
}

func literal(id, secret, tenant string) auth.ClientCredentialsConfig {
	return auth.ClientCredentialsConfig{ClientID: id, ClientSecret: secret, TenantID: tenant} // want `auth.ClientCredentialsConfig configures a credential that authenticates with a static client secret`
}

func spt(cfg adal.OAuthConfig, id, secret string) (*adal.ServicePrincipalToken, error) {
	return adal.NewServicePrincipalToken(cfg, id, secret, "https://vault.azure.net") // want `adal.NewServicePrincipalToken authenticates with a static client secret`
}

func sptSecret(secret string) *adal.ServicePrincipalTokenSecret {
	return &adal.ServicePrincipalTokenSecret{ClientSecret: secret} // want `adal.ServicePrincipalTokenSecret configures a credential`
}

// Have: this package names AZURE_CLIENT_SECRET, so the authorizers from the
// environment take a static secret.
func fromEnvironment() (autorest.Authorizer, error) {
	if os.Getenv("AZURE_CLIENT_SECRET") == "" {
		return nil, nil
	}
	if _, err := kvauth.NewAuthorizerFromEnvironment(); err != nil { // want `auth.NewAuthorizerFromEnvironment authenticates with a static client secret from AZURE_CLIENT_SECRET`
		return nil, err
	}
	return auth.NewAuthorizerFromEnvironment() // want `auth.NewAuthorizerFromEnvironment authenticates with a static client secret from AZURE_CLIENT_SECRET`
}

// Decoys: managed identity, and a same-named function of this package.
func msi() (autorest.Authorizer, error) {
	if _, err := adal.NewServicePrincipalTokenFromMSI("", "https://vault.azure.net"); err != nil {
		return nil, err
	}
	return auth.NewMSIConfig().Authorizer()
}

// NewClientCredentialsConfig is not go-autorest's.
func NewClientCredentialsConfig(id, secret, tenant string) string { return id }

// NewServicePrincipalToken is not adal's.
func NewServicePrincipalToken(cfg adal.OAuthConfig, id, secret, resource string) string { return id }

// NewAuthorizerFromEnvironment is not go-autorest's, in a package that
// names AZURE_CLIENT_SECRET.
func NewAuthorizerFromEnvironment() (autorest.Authorizer, error) { return nil, nil }

func decoy(cfg adal.OAuthConfig) string {
	_, _ = NewAuthorizerFromEnvironment()
	_ = NewServicePrincipalToken(cfg, "a", "b", "c")
	return NewClientCredentialsConfig("a", "b", "c")
}
