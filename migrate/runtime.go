package migrate

import (
	"bytes"
	"fmt"
	"go/format"
	"text/template"
)

// runtimeDir is where the run-time lookup package goes, relative to the
// module root; its import path is the module path plus this.
const runtimeDir = "internal/vaultsecrets"

// runtimeTemplate is the package that migrated code reads its secrets
// through. It is written into the user's module, becomes their code, and
// must not depend on kvlint.
var runtimeTemplate = template.Must(template.New("vaultsecrets").Parse(`// Package vaultsecrets reads secrets from Azure Key Vault at run time.
//
// It was written by "kvlint migrate" when the hardcoded credentials of this
// module were moved into the vault {{.VaultURL}}.
// It is ordinary code that belongs to this module: edit it as you like; it
// does not depend on kvlint.
//
// The vault URL is read from the AZURE_KEYVAULT_URL environment variable and
// defaults to the vault the secrets were migrated to. Authentication uses
// azidentity.DefaultAzureCredential: managed identity, workload identity,
// environment variables or the Azure CLI, so the same binary works on a
// laptop and in Azure. Secrets are read without a version, so a rotated
// secret is picked up as soon as its cache entry expires. Values are cached
// in memory for VAULTSECRETS_CACHE_TTL (a Go duration such as "5m"; default
// 10m, "0" turns the cache off).
//
// Package-level variables initialised with MustGet are evaluated when the
// program starts, before main runs: such a program needs the vault at
// start-up and stops with a panic naming the secret (never its value) if the
// vault cannot be read. Where a value is needed later, call Get from a
// function instead, with a context of your choosing.
package vaultsecrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// DefaultVaultURL is the vault the secrets were migrated to. The
// AZURE_KEYVAULT_URL environment variable overrides it.
const DefaultVaultURL = {{printf "%q" .VaultURL}}

// DefaultCacheTTL is how long a value is kept in memory unless the
// VAULTSECRETS_CACHE_TTL environment variable says otherwise.
const DefaultCacheTTL = 10 * time.Minute

// MustGetTimeout bounds the vault call that MustGet makes.
var MustGetTimeout = 30 * time.Second

var (
	clientOnce sync.Once
	client     *azsecrets.Client
	clientErr  error

	mu    sync.Mutex
	cache = map[string]entry{}
)

type entry struct {
	value   string
	expires time.Time
}

// VaultURL returns the URL of the vault secrets are read from.
func VaultURL() string {
	if u := os.Getenv("AZURE_KEYVAULT_URL"); u != "" {
		return u
	}
	return DefaultVaultURL
}

func cacheTTL() time.Duration {
	if s := os.Getenv("VAULTSECRETS_CACHE_TTL"); s != "" {
		if d, err := time.ParseDuration(s); err == nil && d >= 0 {
			return d
		}
	}
	return DefaultCacheTTL
}

// vaultClient builds the one client of the process on first use.
func vaultClient() (*azsecrets.Client, error) {
	clientOnce.Do(func() {
		cred, err := azidentity.NewDefaultAzureCredential(nil)
		if err != nil {
			clientErr = fmt.Errorf("azure credential: %w", err)
			return
		}
		client, clientErr = azsecrets.NewClient(VaultURL(), cred, nil)
	})
	return client, clientErr
}

// Get returns the current value of the secret name, from the in-memory cache
// while its entry is fresh, from the vault otherwise. Errors name the secret
// and the vault, never a value.
func Get(ctx context.Context, name string) (string, error) {
	now := time.Now()
	mu.Lock()
	e, ok := cache[name]
	mu.Unlock()
	if ok && now.Before(e.expires) {
		return e.value, nil
	}
	c, err := vaultClient()
	if err != nil {
		return "", fmt.Errorf("vaultsecrets: secret %q in %s: %w", name, VaultURL(), err)
	}
	resp, err := c.GetSecret(ctx, name, "", nil)
	if err != nil {
		return "", fmt.Errorf("vaultsecrets: secret %q in %s: %w", name, VaultURL(), err)
	}
	if resp.Value == nil {
		return "", fmt.Errorf("vaultsecrets: secret %q in %s: %w", name, VaultURL(), errors.New("the vault returned no value"))
	}
	if ttl := cacheTTL(); ttl > 0 {
		mu.Lock()
		cache[name] = entry{value: *resp.Value, expires: now.Add(ttl)}
		mu.Unlock()
	}
	return *resp.Value, nil
}

// MustGet is Get for places where an error cannot be returned, such as
// package-level variables and expressions. It panics if the secret cannot be
// read; the panic names the secret and the vault, never a value.
func MustGet(name string) string {
	ctx, cancel := context.WithTimeout(context.Background(), MustGetTimeout)
	defer cancel()
	v, err := Get(ctx, name)
	if err != nil {
		panic(err.Error())
	}
	return v
}
`))

// runtimeSource returns the formatted source of the run-time package for vaultURL.
func runtimeSource(vaultURL string) ([]byte, error) {
	var buf bytes.Buffer
	if err := runtimeTemplate.Execute(&buf, struct{ VaultURL string }{vaultURL}); err != nil {
		return nil, fmt.Errorf("run-time package: %w", err)
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("run-time package: %w", err)
	}
	return src, nil
}
