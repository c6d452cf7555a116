package secretlog

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/go-logr/logr"
	"k8s.io/klog/v2"
)

// Kubernetes loggers: logr (controller-runtime) and klog.

func reconcile(ctx context.Context, log logr.Logger, c *azsecrets.Client, name string) {
	resp, err := c.GetSecret(ctx, name, "", nil)
	if err != nil {
		log.Error(err, "get secret", "name", name)
		return
	}
	log.Info("fetched", "name", name, "value", *resp.Value) // want `a Key Vault secret value flows into \(github.com/go-logr/logr.Logger\).Info`
	log.V(1).Info("fetched", "name", name)
	l := log.WithValues("value", *resp.Value)
	l.Info("synced")                                // want `flows into \(github.com/go-logr/logr.Logger\).Info`
	klog.Infof("secret %s = %s", name, *resp.Value) // want `a Key Vault secret value flows into klog.Infof`
	klog.InfoS("synced", "name", name)
}
