package sharedkeyauth

import (
	"os"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container"
)

// fixtureKey is base64 of a word: no key the credential rules flag.
const fixtureKey = "dGVzdGtleQ=="

// Have: a test that builds a client from a made-up key to reach a signing
// code path: it authenticates to nothing.
func TestPresign(t *testing.T) {
	cred, err := container.NewSharedKeyCredential("testaccount", "dGVzdGtleQ==")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = container.NewClientWithSharedKeyCredential("https://testaccount.blob.core.windows.net/c", cred, nil)
	t.Run("const", func(t *testing.T) {
		c, _ := azblob.NewSharedKeyCredential("testaccount", fixtureKey)
		_, _ = azblob.NewClientWithSharedKeyCredential("https://testaccount.blob.core.windows.net/", c, nil)
	})
}

// Decoys: an integration test reading the key at run time, a credential
// stored twice, and an Example function, which users copy.
func TestLiveStorage(t *testing.T) {
	cred, _ := azblob.NewSharedKeyCredential("acct", os.Getenv("AZURE_STORAGE_KEY"))
	_, _ = azblob.NewClientWithSharedKeyCredential("https://acct.blob.core.windows.net/", cred, nil) // want `azblob.NewClientWithSharedKeyCredential`
	_, _ = azblob.NewClientFromConnectionString(os.Getenv("AZURE_STORAGE_CONNECTION_STRING"), nil)   // want `azblob.NewClientFromConnectionString`

	other, _ := azblob.NewSharedKeyCredential("testaccount", fixtureKey)
	other, _ = azblob.NewSharedKeyCredential("acct", os.Getenv("AZURE_STORAGE_KEY"))
	_, _ = azblob.NewClientWithSharedKeyCredential("https://acct.blob.core.windows.net/", other, nil) // want `azblob.NewClientWithSharedKeyCredential`
}

func ExampleNewClientWithSharedKeyCredential() {
	cred, _ := azblob.NewSharedKeyCredential("testaccount", fixtureKey)
	_, _ = azblob.NewClientWithSharedKeyCredential("https://testaccount.blob.core.windows.net/", cred, nil) // want `azblob.NewClientWithSharedKeyCredential`
}
