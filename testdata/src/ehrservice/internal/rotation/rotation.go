// Package rotation rotates the webhook signing key: it writes a new random
// key to Key Vault with an expiry date, so a forgotten key cannot live forever.
package rotation

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// Rotator writes new secret versions.
type Rotator struct {
	Client   *azsecrets.Client
	Lifetime time.Duration
	Log      *slog.Logger
}

// Rotate writes a new version of the named secret and returns its version.
func (r *Rotator) Rotate(ctx context.Context, name string) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("rotate %s: %w", name, err)
	}
	value := base64.RawURLEncoding.EncodeToString(buf)
	expires := time.Now().Add(r.Lifetime)
	params := azsecrets.SetSecretParameters{
		Value:       &value,
		ContentType: to.Ptr("text/plain"),
		SecretAttributes: &azsecrets.SecretAttributes{
			Enabled: to.Ptr(true),
			Expires: &expires,
		},
		Tags: map[string]*string{"rotated-by": to.Ptr("ehrservice")},
	}
	resp, err := r.Client.SetSecret(ctx, name, params, nil)
	if err != nil {
		return "", fmt.Errorf("rotate %s: %w", name, err)
	}
	version := ""
	if resp.ID != nil {
		version = resp.ID.Version()
	}
	r.Log.Info("secret rotated", "name", name, "version", version, "expires", expires.Format(time.RFC3339))
	return version, nil
}

// Extend moves the expiry of the current version forward.
func (r *Rotator) Extend(ctx context.Context, name string) error {
	expires := time.Now().Add(r.Lifetime)
	_, err := r.Client.UpdateSecretProperties(ctx, name, "", azsecrets.UpdateSecretPropertiesParameters{
		SecretAttributes: &azsecrets.SecretAttributes{Expires: &expires},
	}, nil)
	if err != nil {
		return fmt.Errorf("extend %s: %w", name, err)
	}
	return nil
}
