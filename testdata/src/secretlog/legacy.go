package secretlog

import (
	"context"
	"fmt"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault"
	"k8s.io/klog/v2"
)

// Have: the workload identity MSAL example's shape, with the deprecated v0 path.
func legacyV0(ctx context.Context, client *v0.Client, secretName string) {
	secretBundle, err := client.GetSecret(ctx, secretName, "", nil)
	if err != nil {
		klog.ErrorS(err, "failed to get secret from keyvault", "secretName", secretName)
		return
	}
	klog.InfoS("successfully got secret", "secret", *secretBundle.Value) // want `a Key Vault secret value flows into klog.InfoS`
	fmt.Println(secretBundle)                                            // want `a Key Vault secret flows into fmt.Println`
}

// Have: track-1 BaseClient.GetSecret returning a SecretBundle.
func legacyTrack1(ctx context.Context, kv keyvault.BaseClient, vault string) {
	bundle, err := kv.GetSecret(ctx, vault, "db-password", "")
	if err != nil {
		return
	}
	klog.Infof("password: %s", *bundle.Value) // want `a Key Vault secret value flows into klog.Infof`
	klog.Infof("content type: %s", *bundle.ContentType)
}

// Decoy: a SecretBundle of this package is not Key Vault's.
type SecretBundle struct{ Value *string }

func decoyBundle(b SecretBundle) {
	klog.Infof("value: %s", *b.Value)
}
