package kvfake_test

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/kvlint/kvlint/migrate/internal/kvfake"
)

func TestSmoke(t *testing.T) {
	s := kvfake.New(t, &kvfake.Options{Logf: t.Logf})
	c, err := azsecrets.NewClient(s.VaultURL("legacy"), s.Credential(), &azsecrets.ClientOptions{ClientOptions: s.ClientOptions()})
	if err != nil {
		t.Fatal(err)
	}
	v := "generated-" + t.Name()
	resp, err := c.SetSecret(context.Background(), "db-password", azsecrets.SetSecretParameters{Value: &v}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(*resp.ID)
	g, err := c.GetSecret(context.Background(), "db-password", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if *g.Value != v {
		t.Fatal("mismatch")
	}
	t.Log(s.Stats(), s.Stray())
}
