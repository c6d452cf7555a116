package vaultperrequest

import (
	"net/http"

	v0 "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/services/keyvault/v7.0/keyvault"
)

type legacyServer struct {
	v0    *v0.Client
	kv    keyvault.BaseClient
	vault string
	fake  fakeClient
}

func (s *legacyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = s.v0.GetSecret(r.Context(), "partner-api-key", "", nil)       // want `GetSecret is called on every request in this http handler`
	_, _ = s.kv.GetSecret(r.Context(), s.vault, "partner-api-key", "")   // want `GetSecret is called on every request in this http handler`
	_, _ = s.fake.GetSecret(r.Context(), s.vault, "partner-api-key", "") // a same-named method of another type
}

// fakeClient has the track-1 method shape, and is not Key Vault.
type fakeClient struct{}

func (fakeClient) GetSecret(ctx interface{}, vaultBaseURL, name, version string) (string, error) {
	return "", nil
}
