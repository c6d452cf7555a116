// Package adal is a test stub of go-autorest's (deprecated) adal package.
package adal

// OAuthConfig is the Azure AD endpoints of a tenant.
type OAuthConfig struct{}

// NewOAuthConfig returns the endpoints of tenantID at activeDirectoryEndpoint.
func NewOAuthConfig(activeDirectoryEndpoint, tenantID string) (*OAuthConfig, error) {
	return &OAuthConfig{}, nil
}

// TokenRefreshCallback is called after a token refresh.
type TokenRefreshCallback func(Token) error

// Token is an OAuth token.
type Token struct{ AccessToken string }

// ServicePrincipalToken acquires tokens for a service principal.
type ServicePrincipalToken struct{}

// ServicePrincipalTokenSecret is a client secret for NewServicePrincipalTokenWithSecret.
type ServicePrincipalTokenSecret struct{ ClientSecret string }

// NewServicePrincipalToken creates a token from a client secret.
func NewServicePrincipalToken(oauthConfig OAuthConfig, clientID string, secret string, resource string, callbacks ...TokenRefreshCallback) (*ServicePrincipalToken, error) {
	return &ServicePrincipalToken{}, nil
}

// NewServicePrincipalTokenFromMSI creates a token from a managed identity.
func NewServicePrincipalTokenFromMSI(msiEndpoint, resource string, callbacks ...TokenRefreshCallback) (*ServicePrincipalToken, error) {
	return &ServicePrincipalToken{}, nil
}
