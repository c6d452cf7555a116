package vault_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/kvlint/kvlint/migrate/vault"
)

// StoreVerified writes a new value, reuses the same value, and refuses to
// overwrite a different one.
func ExampleStoreVerified() {
	ctx := context.Background()
	store := vault.NewMemory() // or vault.NewAzure(url, cred, nil)
	p := vault.SetParams{ContentType: "text/plain", Tags: map[string]string{"kvlint-source": "db.go:12"}}

	out, err := vault.StoreVerified(ctx, store, "store-db-password", "generated-example-value-1", p)
	fmt.Println(out.Stored, out.Reused, err)

	out, err = vault.StoreVerified(ctx, store, "store-db-password", "generated-example-value-1", p)
	fmt.Println(out.Stored, out.Reused, err)

	_, err = vault.StoreVerified(ctx, store, "store-db-password", "generated-example-value-2", p)
	fmt.Println(errors.Is(err, vault.ErrNameTaken), err)
	// Output:
	// true false <nil>
	// false true <nil>
	// true secret "store-db-password" already holds a different value; choose another name (it is never overwritten)
}
