// Package azidentity is a test stub of the Azure SDK azidentity package: the
// constructors kvlint matches, with the real signatures, and no behaviour.
package azidentity

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

type credential struct{}

// GetToken requests an access token.
func (credential) GetToken(ctx context.Context, opts policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{}, nil
}

// ClientSecretCredential authenticates an application with a client secret.
type ClientSecretCredential struct{ credential }

// ClientSecretCredentialOptions contains optional parameters for ClientSecretCredential.
type ClientSecretCredentialOptions struct {
	azcore.ClientOptions
	AdditionallyAllowedTenants []string
	DisableInstanceDiscovery   bool
}

// NewClientSecretCredential constructs a ClientSecretCredential.
func NewClientSecretCredential(tenantID string, clientID string, clientSecret string, options *ClientSecretCredentialOptions) (*ClientSecretCredential, error) {
	return &ClientSecretCredential{}, nil
}

// UsernamePasswordCredential authenticates a user with a password (deprecated).
type UsernamePasswordCredential struct{ credential }

// UsernamePasswordCredentialOptions contains optional parameters for UsernamePasswordCredential.
type UsernamePasswordCredentialOptions struct {
	azcore.ClientOptions
	AdditionallyAllowedTenants []string
}

// NewUsernamePasswordCredential creates a UsernamePasswordCredential.
func NewUsernamePasswordCredential(tenantID string, clientID string, username string, password string, options *UsernamePasswordCredentialOptions) (*UsernamePasswordCredential, error) {
	return &UsernamePasswordCredential{}, nil
}

// OnBehalfOfCredential authenticates a service principal via the on-behalf-of flow.
type OnBehalfOfCredential struct{ credential }

// OnBehalfOfCredentialOptions contains optional parameters for OnBehalfOfCredential.
type OnBehalfOfCredentialOptions struct {
	azcore.ClientOptions
	AdditionallyAllowedTenants []string
	SendCertificateChain       bool
}

// NewOnBehalfOfCredentialWithSecret constructs an OnBehalfOfCredential that authenticates with a client secret.
func NewOnBehalfOfCredentialWithSecret(tenantID, clientID, userAssertion, clientSecret string, options *OnBehalfOfCredentialOptions) (*OnBehalfOfCredential, error) {
	return &OnBehalfOfCredential{}, nil
}

// NewOnBehalfOfCredentialWithClientAssertions constructs an OnBehalfOfCredential that authenticates with client assertions.
func NewOnBehalfOfCredentialWithClientAssertions(tenantID, clientID, userAssertion string, getAssertion func(context.Context) (string, error), options *OnBehalfOfCredentialOptions) (*OnBehalfOfCredential, error) {
	return &OnBehalfOfCredential{}, nil
}

// DefaultAzureCredential simplifies authentication while developing applications that deploy to Azure.
type DefaultAzureCredential struct{ credential }

// DefaultAzureCredentialOptions contains optional parameters for DefaultAzureCredential.
type DefaultAzureCredentialOptions struct {
	azcore.ClientOptions
	AdditionallyAllowedTenants []string
	TenantID                   string
}

// NewDefaultAzureCredential creates a DefaultAzureCredential.
func NewDefaultAzureCredential(options *DefaultAzureCredentialOptions) (*DefaultAzureCredential, error) {
	return &DefaultAzureCredential{}, nil
}

// ManagedIdentityCredential authenticates an Azure managed identity.
type ManagedIdentityCredential struct{ credential }

// ManagedIdentityCredentialOptions contains optional parameters for ManagedIdentityCredential.
type ManagedIdentityCredentialOptions struct {
	azcore.ClientOptions
}

// NewManagedIdentityCredential creates a ManagedIdentityCredential.
func NewManagedIdentityCredential(options *ManagedIdentityCredentialOptions) (*ManagedIdentityCredential, error) {
	return &ManagedIdentityCredential{}, nil
}

// WorkloadIdentityCredential supports Azure workload identity on Kubernetes.
type WorkloadIdentityCredential struct{ credential }

// WorkloadIdentityCredentialOptions contains optional parameters for WorkloadIdentityCredential.
type WorkloadIdentityCredentialOptions struct {
	azcore.ClientOptions
	ClientID      string
	TenantID      string
	TokenFilePath string
}

// NewWorkloadIdentityCredential constructs a WorkloadIdentityCredential.
func NewWorkloadIdentityCredential(options *WorkloadIdentityCredentialOptions) (*WorkloadIdentityCredential, error) {
	return &WorkloadIdentityCredential{}, nil
}
