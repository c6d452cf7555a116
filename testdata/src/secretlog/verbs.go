package secretlog

import (
	"context"
	"fmt"
	"log"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// Have: the SDK's own models_serde.go shape: %T prints the type's name and
// %p an address, not the value (filter "value-less verb").
func (s *secretJSON) unmarshal(err error) error {
	if err != nil {
		return fmt.Errorf("unmarshalling type %T: %v", s.secret, err)
	}
	log.Printf("secret at %p", s.secret)
	return nil
}

type secretJSON struct{ secret *azsecrets.Secret }

// TPs beside it: the same secret under a verb that prints it, %p of a
// string (fmt prints %!p(string=<value>)), a %T beside
// a verb that prints the value, explicit indexes (not mapped), and a format
// whose verbs do not match the arguments.
func verbs(ctx context.Context, c *azsecrets.Client) error {
	resp, err := c.GetSecret(ctx, "db-password", "", nil)
	if err != nil {
		return err
	}
	log.Printf("got %T: %s", resp, *resp.Value)     // want `a Key Vault secret value flows into log.Printf`
	_ = fmt.Errorf("bad secret %v", resp.Secret)    // want `a Key Vault secret flows into fmt.Errorf`
	log.Printf("%[1]T %[1]v", resp.Secret)          // want `a Key Vault secret flows into log.Printf`
	log.Printf("type %T", resp.Secret, *resp.Value) // want `a Key Vault secret flows into log.Printf`
	log.Printf("type %T, id %s", resp.Secret, *resp.ID)
	log.Printf("at %p", *resp.Value) // want `a Key Vault secret value flows into log.Printf`
	return nil
}
