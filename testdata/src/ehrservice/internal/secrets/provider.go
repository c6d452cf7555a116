// Package secrets reads secrets from Azure Key Vault through a cache, so
// request handlers never wait on the vault.
package secrets

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// ErrNotFound is returned when the vault has no secret of that name.
var ErrNotFound = errors.New("secret not found")

// Getter is the part of azsecrets.Client the provider uses.
type Getter interface {
	GetSecret(ctx context.Context, name string, version string, options *azsecrets.GetSecretOptions) (azsecrets.GetSecretResponse, error)
}

type entry struct {
	value   string
	version string
	fetched time.Time
}

// Provider caches secret values for a TTL and refreshes them on demand.
type Provider struct {
	client Getter
	ttl    time.Duration
	log    *slog.Logger

	mu      sync.RWMutex
	entries map[string]entry
}

// NewProvider returns a Provider reading through client.
func NewProvider(client Getter, ttl time.Duration, log *slog.Logger) *Provider {
	return &Provider{client: client, ttl: ttl, log: log, entries: map[string]entry{}}
}

// Get returns the latest value of the named secret, from the cache while it is fresh.
func (p *Provider) Get(ctx context.Context, name string) (string, error) {
	p.mu.RLock()
	e, ok := p.entries[name]
	p.mu.RUnlock()
	if ok && time.Since(e.fetched) < p.ttl {
		return e.value, nil
	}
	return p.refresh(ctx, name)
}

// Warm loads every named secret once, so that startup fails fast.
func (p *Provider) Warm(ctx context.Context, names ...string) error {
	var errs []error
	for _, name := range names {
		if _, err := p.refresh(ctx, name); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (p *Provider) refresh(ctx context.Context, name string) (string, error) {
	// "" reads the latest version, so rotations are picked up on the next refresh.
	resp, err := p.client.GetSecret(ctx, name, "", nil)
	if err != nil {
		var re *azcore.ResponseError
		if errors.As(err, &re) && re.ErrorCode == "SecretNotFound" {
			return "", fmt.Errorf("secret %q: %w", name, ErrNotFound)
		}
		return "", fmt.Errorf("get secret %q: %w", name, err)
	}
	if resp.Value == nil {
		return "", fmt.Errorf("secret %q has no value", name)
	}
	version := ""
	if resp.ID != nil {
		version = resp.ID.Version()
	}
	e := entry{value: *resp.Value, version: version, fetched: time.Now()}
	p.mu.Lock()
	p.entries[name] = e
	p.mu.Unlock()
	p.log.Info("secret refreshed", "name", name, "version", version, "length", len(e.value))
	return e.value, nil
}

// Client adapts an azsecrets.Client to Getter; GetSecret is only called by the provider.
func Client(c *azsecrets.Client) Getter { return c }
