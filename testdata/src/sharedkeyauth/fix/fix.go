// Package fix is a fixture for the Entra ID fixes of sharedkeyauth.
package fix

import (
	"github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

type config struct {
	Endpoint, APIKey string
}

// Have: a TokenCredential parameter and a key from a field: the fix
// takes the Entra ID constructor with cred.
func openai(cfg config, cred azcore.TokenCredential) (*azopenai.Client, error) {
	return azopenai.NewClientWithKeyCredential(cfg.Endpoint, azcore.NewKeyCredential(cfg.APIKey), nil) // want `azopenai.NewClientWithKeyCredential authenticates`
}

// Have: the key credential is a parameter: removing it leaves nothing unused.
func blob(url string, key *azblob.SharedKeyCredential, cred azcore.TokenCredential) (*azblob.Client, error) {
	return azblob.NewClientWithSharedKeyCredential(url, key, nil) // want `azblob.NewClientWithSharedKeyCredential authenticates`
}

// No fix: the key credential is a local variable that would be left unused.
func blobLocal(url, account, key string, cred azcore.TokenCredential) (*azblob.Client, error) {
	shared, err := azblob.NewSharedKeyCredential(account, key)
	if err != nil {
		return nil, err
	}
	return azblob.NewClientWithSharedKeyCredential(url, shared, nil) // want `azblob.NewClientWithSharedKeyCredential authenticates`
}

// No fix: no TokenCredential in scope.
func noCred(url string, key *azblob.SharedKeyCredential) (*azblob.Client, error) {
	return azblob.NewClientWithSharedKeyCredential(url, key, nil) // want `azblob.NewClientWithSharedKeyCredential authenticates`
}

// No fix: two credentials in scope; which one is the author's to say.
func twoCreds(url string, key *azblob.SharedKeyCredential, a, b azcore.TokenCredential) (*azblob.Client, error) {
	return azblob.NewClientWithSharedKeyCredential(url, key, nil) // want `azblob.NewClientWithSharedKeyCredential authenticates`
}
