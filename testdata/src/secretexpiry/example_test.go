package secretexpiry_test

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// An example is documentation users copy: judged as production code even
// though test files are skipped by default.
func ExampleClient_SetSecret() {
	var client *azsecrets.Client
	v := "generated"
	_, _ = client.SetSecret(context.TODO(), "db-password", azsecrets.SetSecretParameters{Value: &v}, nil) // want `secret is set without SecretAttributes, so it never expires`
}

// Not an example (go test requires an upper-case letter or _ after
// "Example"): test code, skipped.
func Examples() {
	var client *azsecrets.Client
	v := "generated"
	_, _ = client.SetSecret(context.TODO(), "db-password", azsecrets.SetSecretParameters{Value: &v}, nil)
}

// A test beside the example: skipped.
func TestSet(t *testing.T) {
	var client *azsecrets.Client
	v := "generated"
	_, _ = client.SetSecret(context.TODO(), "db-password", azsecrets.SetSecretParameters{Value: &v}, nil)
}
