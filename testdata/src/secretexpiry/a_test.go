package secretexpiry

import (
	"context"
	"testing"

	kv "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// Test files are skipped by default (tests: fixtures): no finding here.
func TestSetAgainstFake(t *testing.T) {
	var c *kv.Client
	v := "generated"
	_, _ = c.SetSecret(context.Background(), "db-password", kv.SetSecretParameters{Value: &v}, nil)
}
