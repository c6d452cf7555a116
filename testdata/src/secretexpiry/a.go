// Package secretexpiry is a fixture: positives with want, decoys beside them.
package secretexpiry

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	kv "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

func set(ctx context.Context, c *kv.Client, value string) {
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value}, nil) // want `secret is set without SecretAttributes, so it never expires: set an expiry date that matches the rotation period`

	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{ // want `secret is set without SecretAttributes.Expires, so it never expires`
		Value:            &value,
		SecretAttributes: &kv.SecretAttributes{Enabled: to.Ptr(true)},
	}, nil)

	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: &kv.SecretAttributes{Expires: nil}}, nil)                            // want `with a nil SecretAttributes.Expires`
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: &kv.SecretAttributes{Expires: azcore.NullValue[*time.Time]()}}, nil) // want `with a nil SecretAttributes.Expires`
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: nil}, nil)                                                           // want `without SecretAttributes, so`

	// Via local variables initialized with literals.
	params := kv.SetSecretParameters{Value: &value, ContentType: to.Ptr("text/plain")}
	_, _ = c.SetSecret(ctx, "api-key", params, nil) // want `without SecretAttributes, so`

	attrs := &kv.SecretAttributes{NotBefore: to.Ptr(time.Now())}
	withAttrs := kv.SetSecretParameters{Value: &value, SecretAttributes: attrs}
	_, _ = c.SetSecret(ctx, "api-key", withAttrs, nil) // want `without SecretAttributes.Expires`

	var positional = kv.SetSecretParameters{&value, nil, nil, nil}
	_, _ = c.SetSecret(ctx, "api-key", positional, nil) // want `without SecretAttributes, so`
}

func setDecoys(ctx context.Context, c *kv.Client, value string, given kv.SetSecretParameters) {
	exp := time.Now().AddDate(0, 3, 0)
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: &kv.SecretAttributes{Expires: &exp}}, nil)
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: &kv.SecretAttributes{Expires: to.Ptr(exp)}}, nil)

	// Parameters from elsewhere are not judged.
	_, _ = c.SetSecret(ctx, "db-password", given, nil)
	_, _ = c.SetSecret(ctx, "db-password", build(value), nil)

	// Completed after the literal: a field store.
	later := kv.SetSecretParameters{Value: &value}
	later.SecretAttributes = &kv.SecretAttributes{Expires: &exp}
	_, _ = c.SetSecret(ctx, "db-password", later, nil)

	attrs := &kv.SecretAttributes{}
	attrs.Expires = &exp
	_, _ = c.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value, SecretAttributes: attrs}, nil)

	// Reassigned: not judged.
	again := kv.SetSecretParameters{Value: &value}
	again = build(value)
	_, _ = c.SetSecret(ctx, "db-password", again, nil)

	// Address taken: may be completed through the pointer.
	viaPtr := kv.SetSecretParameters{Value: &value}
	fill(&viaPtr)
	_, _ = c.SetSecret(ctx, "db-password", viaPtr, nil)

	var f fakeClient
	f.SetSecret(ctx, "db-password", kv.SetSecretParameters{Value: &value}, nil)
}

func build(v string) kv.SetSecretParameters {
	exp := time.Now().Add(90 * 24 * time.Hour)
	return kv.SetSecretParameters{Value: &v, SecretAttributes: &kv.SecretAttributes{Expires: &exp}}
}

func fill(p *kv.SetSecretParameters) {}

type fakeClient struct{}

func (fakeClient) SetSecret(ctx context.Context, name string, p kv.SetSecretParameters, opts any) {}

func update(ctx context.Context, c *kv.Client) {
	_, _ = c.UpdateSecretProperties(ctx, "db-password", "", kv.UpdateSecretPropertiesParameters{
		SecretAttributes: &kv.SecretAttributes{Expires: azcore.NullValue[*time.Time]()}, // want `UpdateSecretProperties removes the secret's expiry \(Expires: azcore.NullValue\): move the expiry date forward instead`
	}, nil)

	p := kv.UpdateSecretPropertiesParameters{SecretAttributes: &kv.SecretAttributes{Enabled: to.Ptr(true), Expires: nil}} // want `UpdateSecretProperties sets Expires to nil, which the SDK omits`
	_, _ = c.UpdateSecretProperties(ctx, "db-password", "", p, nil)

	// Decoys: no attributes (nothing changes), a later expiry, other fields.
	exp := time.Now().AddDate(0, 6, 0)
	_, _ = c.UpdateSecretProperties(ctx, "db-password", "", kv.UpdateSecretPropertiesParameters{ContentType: to.Ptr("text/plain")}, nil)
	_, _ = c.UpdateSecretProperties(ctx, "db-password", "", kv.UpdateSecretPropertiesParameters{SecretAttributes: &kv.SecretAttributes{Expires: &exp}}, nil)
	_, _ = c.UpdateSecretProperties(ctx, "db-password", "", kv.UpdateSecretPropertiesParameters{SecretAttributes: &kv.SecretAttributes{Enabled: to.Ptr(false)}}, nil)
}

func methodExpr(ctx context.Context, c *kv.Client, value string) {
	_, _ = (*kv.Client).SetSecret(c, ctx, "db-password", kv.SetSecretParameters{Value: &value}, nil) // want `without SecretAttributes, so`
}
