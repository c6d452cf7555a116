package secrets

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

type fakeVault struct {
	calls int
	value string
}

func (f *fakeVault) GetSecret(ctx context.Context, name, version string, _ *azsecrets.GetSecretOptions) (azsecrets.GetSecretResponse, error) {
	f.calls++
	v := f.value
	return azsecrets.GetSecretResponse{Secret: azsecrets.Secret{Value: &v}}, nil
}

func TestProviderCaches(t *testing.T) {
	fake := &fakeVault{value: "generated-" + time.Now().Format("150405")}
	p := NewProvider(fake, time.Minute, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for range 3 {
		got, err := p.Get(context.Background(), "fhir-client-secret")
		if err != nil {
			t.Fatal(err)
		}
		if got != fake.value {
			t.Errorf("Get returned a different value (%d bytes, want %d)", len(got), len(fake.value))
		}
	}
	if fake.calls != 1 {
		t.Errorf("vault calls = %d, want 1", fake.calls)
	}
}
