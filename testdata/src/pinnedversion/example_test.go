package pinnedversion_test

import (
	"context"
	"testing"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// An example is documentation users copy: judged as production code even
// though test files are skipped by default.
func ExampleClient_GetSecret() {
	var client *azsecrets.Client
	_, _ = client.GetSecret(context.TODO(), "db-password", "00112233445566778899aabbccddeeff", nil) // want `GetSecret reads a constant secret version`
}

// The deprecated v0 path's example, as legacy code copied it.
func ExampleClient_GetSecret_v0() {
	var client *v0.Client
	_, _ = client.GetSecret(context.TODO(), "db-password", "00112233445566778899aabbccddeeff", nil) // want `GetSecret reads a constant secret version`
}

// A test beside the examples pins a version on purpose: skipped.
func TestGetVersion(t *testing.T) {
	var client *azsecrets.Client
	_, _ = client.GetSecret(context.TODO(), "db-password", "00112233445566778899aabbccddeeff", nil)
}
