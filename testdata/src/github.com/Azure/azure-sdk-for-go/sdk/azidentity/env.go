package azidentity

import "os"

// The SDK's own use of its constructors, as the real EnvironmentCredential
// does: not a finding (kvlint reports users of the SDK, not the SDK).

func newEnvironmentCredential() (*ClientSecretCredential, error) {
	return NewClientSecretCredential(os.Getenv("AZURE_TENANT_ID"), os.Getenv("AZURE_CLIENT_ID"), os.Getenv("AZURE_CLIENT_SECRET"), &ClientSecretCredentialOptions{})
}

func armForTest(secret string) {
	os.Setenv("AZURE_CLIENT_SECRET", secret)
}
