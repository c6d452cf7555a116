// Package vaultperrequest is a fixture: positives with want, decoys beside them.
package vaultperrequest

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/gin-gonic/gin"
)

type server struct {
	vault  *azsecrets.Client
	cache  *secretCache
	once   sync.Once
	key    string
	byName map[string]string
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := s.vault.GetSecret(r.Context(), "partner-api-key", "", nil) // want `GetSecret is called on every request in this http handler: read the secret at startup or through a cache that refreshes it`
	_, _ = resp, err
}

func handle(w http.ResponseWriter, r *http.Request, c *azsecrets.Client) {
	// Not a handler signature (three parameters): a helper.
	_, _ = c.GetSecret(r.Context(), "partner-api-key", "", nil)
}

func routes(mux *http.ServeMux, s *server) {
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		_, _ = s.vault.GetSecret(r.Context(), "a", "", nil) // want `GetSecret is called on every request in this http handler`
		go func() {
			_, _ = s.vault.GetSecret(context.Background(), "b", "", nil) // want `GetSecret is called on every request`
		}()
	})
	mux.Handle("/b", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.key == "" {
			// A cache filled on first use: not every request.
			resp, _ := s.vault.GetSecret(r.Context(), "c", "", nil)
			s.key = *resp.Value
		}
		var key string
		if key == "" {
			// A local is gone with the request: every request.
			resp, _ := s.vault.GetSecret(r.Context(), "c", "", nil) // want `GetSecret is called on every request`
			key = *resp.Value
		}
		if s.key != "" {
			// Reads the cache, but does not fill it.
			resp, _ := s.vault.GetSecret(r.Context(), "c", "", nil) // want `GetSecret is called on every request`
			_ = resp
		}
	}))
	mux.HandleFunc("/n", func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.byName["k"]
		if !ok {
			resp, _ := s.vault.GetSecret(r.Context(), "k", "", nil)
			v = *resp.Value
			s.byName["k"] = v
		}
		local := map[string]string{}
		w2, ok2 := local["k"]
		if !ok2 {
			resp, _ := s.vault.GetSecret(r.Context(), "k", "", nil) // want `GetSecret is called on every request`
			local["k"] = *resp.Value
		}
		_, _ = v, w2
	})
	mux.HandleFunc("/m", func(w http.ResponseWriter, r *http.Request) {
		if _, ok := s.byName[r.URL.Path]; !ok {
			resp, _ := s.vault.GetSecret(r.Context(), r.URL.Path, "", nil)
			s.byName[r.URL.Path] = *resp.Value
		}
	})

	// Decoys: the cache helper's call, once-only calls, startup reads.
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) {
		key, _ := s.cache.get(r.Context(), "partner-api-key")
		s.once.Do(func() {
			_, _ = s.vault.GetSecret(r.Context(), "d", "", nil)
		})
		load := sync.OnceValue(func() string {
			resp, _ := s.vault.GetSecret(r.Context(), "e", "", nil)
			return *resp.Value
		})
		_, _ = key, load
	})
}

func (s *server) ginHandler(c *gin.Context) {
	_, _ = s.vault.GetSecret(c.Request.Context(), "f", "", nil) // want `GetSecret is called on every request in this gin handler`
}

type secretCache struct {
	mu      sync.Mutex
	client  *azsecrets.Client
	values  map[string]string
	fetched map[string]time.Time
}

func (c *secretCache) get(ctx context.Context, name string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.values[name]; ok && time.Since(c.fetched[name]) < 10*time.Minute {
		return v, nil
	}
	resp, err := c.client.GetSecret(ctx, name, "", nil)
	if err != nil {
		return "", err
	}
	c.values[name], c.fetched[name] = *resp.Value, time.Now()
	return *resp.Value, nil
}

func main() {
	c, _ := azsecrets.NewClient("https://ehr-test.vault.azure.net", nil, nil)
	resp, _ := c.GetSecret(context.Background(), "startup", "", nil)
	_ = resp
}

// fakeVault has a GetSecret of its own: not azsecrets.Client.
type fakeVault struct{}

func (fakeVault) GetSecret(ctx context.Context, name, version string, opts any) {}

func fakeHandler(w http.ResponseWriter, r *http.Request) {
	fakeVault{}.GetSecret(r.Context(), "x", "", nil)
}
