package azidentity

import (
	"os"

	"github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"
)

// The SDK's own use of its constructors, as the real EnvironmentCredential
// does: not a finding (kvlint reports users of the SDK, not the SDK).

func newEnvironmentCredential() (*ClientSecretCredential, error) {
	return NewClientSecretCredential(os.Getenv("AZURE_TENANT_ID"), os.Getenv("AZURE_CLIENT_ID"), os.Getenv("AZURE_CLIENT_SECRET"), &ClientSecretCredentialOptions{})
}

func armForTest(secret string) {
	os.Setenv("AZURE_CLIENT_SECRET", secret)
}

// Have: the client secret credential built on MSAL's, as azidentity does.
func newConfidentialClient(secret string) (confidential.Credential, error) {
	return confidential.NewCredFromSecret(secret)
}
