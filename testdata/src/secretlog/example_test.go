package secretlog_test

import (
	"context"
	"fmt"
	"log"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// Have: azsecrets' own ExampleClient_GetSecret shape, which prints the
// value: documentation users copy.
func ExampleClient_GetSecret() {
	var client *azsecrets.Client
	resp, err := client.GetSecret(context.TODO(), "secretName", "", nil)
	if err != nil {
		log.Fatalf("failed to get the secret: %v", err)
	}
	fmt.Printf("secretValue: %s\n", *resp.Value) // want `a Key Vault secret value flows into fmt.Printf`
	fmt.Printf("secret ID: %s\n", *resp.ID)
}

// Have: the same with the deprecated v0 path.
func ExampleClient_GetSecret_v0() {
	var client *v0.Client
	resp, err := client.GetSecret(context.TODO(), "secretName", "", nil)
	if err != nil {
		log.Fatalf("failed to get the secret: %v", err)
	}
	fmt.Printf("secretValue: %s\n", *resp.Value) // want `a Key Vault secret value flows into fmt.Printf`
	fmt.Printf("content type: %s\n", *resp.ContentType)
}
