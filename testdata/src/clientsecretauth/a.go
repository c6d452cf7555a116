// Package clientsecretauth is a fixture: positives with want, decoys beside them.
package clientsecretauth

import (
	"os"

	"clientsecretauth/other"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	azid "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"
)

type settings struct {
	TenantID, ClientID, ClientSecret string
	User, Password                   string
}

const envSecret = "AZURE_CLIENT_SECRET"

func concrete(s settings) (*azid.ClientSecretCredential, error) {
	// Have: an import alias; returned as the concrete type, so no fix.
	return azid.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil) // want `azidentity.NewClientSecretCredential authenticates with a static client secret, itself a secret to protect: use azidentity.NewDefaultAzureCredential, NewManagedIdentityCredential or NewWorkloadIdentityCredential`
}

func fromEnv() {
	cred, err := azid.NewClientSecretCredential(os.Getenv("T"), os.Getenv("C"), os.Getenv("S"), &azid.ClientSecretCredentialOptions{}) // want `azidentity.NewClientSecretCredential authenticates`
	_, _ = cred, err
}

func userPassword(s settings) {
	cred, err := azid.NewUsernamePasswordCredential(s.TenantID, s.ClientID, s.User, s.Password, nil) // want `azidentity.NewUsernamePasswordCredential authenticates with a static password`
	_, _ = cred, err
}

func onBehalfOf(s settings, assertion string) {
	cred, err := azid.NewOnBehalfOfCredentialWithSecret(s.TenantID, s.ClientID, assertion, s.ClientSecret, nil) // want `azidentity.NewOnBehalfOfCredentialWithSecret authenticates`
	_, _ = cred, err
}

func msal(s settings) {
	cred, err := confidential.NewCredFromSecret(s.ClientSecret) // want `confidential.NewCredFromSecret authenticates with a static client secret, itself a secret to protect: use a managed or workload identity: confidential.NewCredFromAssertionCallback with a federated token`
	_, _ = cred, err
}

func methodValue(s settings) {
	f := azid.NewClientSecretCredential // want `azidentity.NewClientSecretCredential used as a function value`
	cred, err := f(s.TenantID, s.ClientID, s.ClientSecret, nil)
	_, _ = cred, err
	g := (azid.NewUsernamePasswordCredential) // want `azidentity.NewUsernamePasswordCredential used as a function value`
	_ = g
}

// newCred is a wrapper: the call inside it is the finding, not its callers.
func newCred(tenant, client, secret string) (*azid.ClientSecretCredential, error) {
	return azid.NewClientSecretCredential(tenant, client, secret, nil) // want `NewClientSecretCredential authenticates`
}

func callsWrapper(s settings) {
	cred, err := newCred(s.TenantID, s.ClientID, s.ClientSecret)
	_, _ = cred, err
}

// secretOptions builds options handed to a constructor elsewhere.
func secretOptions() *azid.ClientSecretCredentialOptions {
	return &azid.ClientSecretCredentialOptions{DisableInstanceDiscovery: true} // want `azidentity.ClientSecretCredentialOptions configures a credential that authenticates with a static client secret`
}

func env(s settings) {
	os.Setenv("AZURE_CLIENT_SECRET", s.ClientSecret) // want `setting AZURE_CLIENT_SECRET gives EnvironmentCredential a static secret`
	os.Setenv(envSecret, s.ClientSecret)             // want `setting AZURE_CLIENT_SECRET gives`
	os.Setenv("AZURE_PASSWORD", s.Password)          // want `setting AZURE_PASSWORD gives`
	os.Setenv("AZURE_CLIENT_ID", s.ClientID)
	os.Setenv("AZURE_TENANT_ID", s.TenantID)
	key := os.Getenv("WHICH")
	os.Setenv(key, s.ClientSecret) // a run-time key is not judged
	other.Setenv("AZURE_CLIENT_SECRET", s.ClientSecret)
}

// Decoys: preferred credentials and a same-named function of another package.
func decoys(s settings) azcore.TokenCredential {
	_, _ = other.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil)
	mi, _ := azid.NewManagedIdentityCredential(nil)
	wi, _ := azid.NewWorkloadIdentityCredential(&azid.WorkloadIdentityCredentialOptions{ClientID: s.ClientID})
	_ = wi
	_, _ = azid.NewOnBehalfOfCredentialWithClientAssertions(s.TenantID, s.ClientID, "assertion", nil, nil)
	_ = azid.DefaultAzureCredentialOptions{TenantID: s.TenantID}
	return mi
}

// Not fixed: a package-level variable may be used anywhere in the package.
var pkgCred, pkgErr = azid.NewClientSecretCredential("t", "c", os.Getenv("S"), nil) // want `NewClientSecretCredential authenticates`

func usePkgCred() *azid.ClientSecretCredential { return pkgCred }
