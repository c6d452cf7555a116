package vault_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	azfake "github.com/Azure/azure-sdk-for-go/sdk/azcore/fake"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets/fake"
	"github.com/kvlint/kvlint/migrate/internal/kvfake"
	"github.com/kvlint/kvlint/migrate/vault"
)

// newAzure returns an Azure store on the fake, through the real azsecrets
// pipeline (challenge auth with resource verification on, retries) and the
// fake's transport, which refuses every non-loopback address.
func newAzure(t *testing.T, s *kvfake.Server, retry policy.RetryOptions) *vault.Azure {
	t.Helper()
	co := s.ClientOptions()
	co.Retry = retry
	a, err := vault.NewAzure(s.VaultURL("legacy"), s.Credential(), &vault.AzureOptions{ClientOptions: co})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if st := s.Stray(); len(st) > 0 {
			t.Errorf("non-loopback destinations were asked for: %q", st)
		}
	})
	return a
}

// fastRetry retries quickly but still honours a Retry-After up to 5s.
var fastRetry = policy.RetryOptions{MaxRetries: 3, RetryDelay: time.Millisecond, MaxRetryDelay: 5 * time.Second}

func TestAzureStoreVerified(t *testing.T) {
	ctx := context.Background()
	s := kvfake.New(t, nil)
	a := newAzure(t, s, fastRetry)
	v1, v2 := genValue("one"), genValue("two")
	exp := time.Now().Add(365 * 24 * time.Hour).Truncate(time.Second)
	p := vault.SetParams{ContentType: "text/plain", Tags: map[string]string{"kvlint-source": "store.go:12", "kvlint-rule": "KV108"}, Expires: &exp}

	// Absent: 404 SecretNotFound is found=false.
	if _, found, err := a.Get(ctx, "db-password"); found || err != nil {
		t.Fatalf("Get absent: found=%v err=%v", found, err)
	}
	out, err := vault.StoreVerified(ctx, a, "db-password", v1, p)
	if err != nil || !out.Stored || out.Version == "" {
		t.Fatalf("new: %+v %v", out, err)
	}
	info := s.Secrets()["db-password"]
	if info.Hash != vault.Hash(v1) || info.Version != out.Version || info.ContentType != "text/plain" ||
		info.Tags["kvlint-rule"] != "KV108" || info.Expires == nil || !info.Expires.Equal(exp) || !info.Enabled {
		t.Errorf("fake holds %+v", info)
	}

	// Same value: reused, nothing written.
	writes := s.Stats().Writes
	out, err = vault.StoreVerified(ctx, a, "db-password", v1, p)
	if err != nil || !out.Reused {
		t.Fatalf("reuse: %+v %v", out, err)
	}
	if s.Stats().Writes != writes {
		t.Error("reuse wrote to the vault")
	}

	// Different value: name taken, never overwritten.
	_, err = vault.StoreVerified(ctx, a, "db-password", v2, p)
	if !errors.Is(err, vault.ErrNameTaken) {
		t.Fatalf("taken: %v", err)
	}
	noValue(t, err, v1, v2)
	if got := s.Secrets()["db-password"]; len(got.Versions) != 1 || got.Hash != vault.Hash(v1) {
		t.Error("a taken name was overwritten")
	}

	// Soft-deleted: Get says so (GetSecret 404 + GetDeletedSecret 200), Set gets 409.
	s.Seed("old-key", genValue("old"))
	s.SoftDelete("old-key")
	_, err = vault.StoreVerified(ctx, a, "old-key", v2, p)
	var del *vault.DeletedError
	if !errors.As(err, &del) || del.Vault != "legacy" || !strings.Contains(err.Error(), "az keyvault secret recover --vault-name legacy --name old-key") {
		t.Errorf("deleted via Get: %v", err)
	}
	_, err = a.Set(ctx, "old-key", v2, p)
	if !errors.Is(err, vault.ErrDeleted) {
		t.Errorf("deleted via Set (409): %v", err)
	}
	noValue(t, err, v2)
	if len(s.DeletedSecrets()) != 1 || s.Secrets()["old-key"].Name != "" {
		t.Error("the deleted secret was touched")
	}

	// Disabled secret: a clear error, not "absent".
	s.Seed("disabled", genValue("dis"))
	s.Disable("disabled")
	_, _, err = a.Get(ctx, "disabled")
	var ve *vault.Error
	if !errors.As(err, &ve) || ve.StatusCode != 403 || ve.Code != "Forbidden" || ve.Op != "get" || ve.Name != "disabled" {
		t.Errorf("disabled: %v", err)
	}
	// The service's reason survives: inner code and message, and the
	// sentinel callers use to move to another name.
	if ve == nil || ve.Inner != "SecretDisabled" || !strings.Contains(ve.Message, "disabled secret") || !errors.Is(err, vault.ErrDisabled) {
		t.Errorf("disabled: inner %q, message %q, errors.Is(ErrDisabled) %v", ve.Inner, ve.Message, errors.Is(err, vault.ErrDisabled))
	}
	if want := `get secret "disabled": HTTP 403 (Forbidden/SecretDisabled): Operation get is not allowed on a disabled secret.`; err == nil || err.Error() != want {
		t.Errorf("disabled: error text\n%v\nwant\n%s", err, want)
	}
}

// 429 with Retry-After: the store waits as told and succeeds.
func TestAzureRetryAfter(t *testing.T) {
	ctx := context.Background()
	s := kvfake.New(t, nil)
	a := newAzure(t, s, fastRetry)
	for _, tc := range []struct {
		name  string
		fault kvfake.Fault
		min   time.Duration
	}{
		{"seconds", kvfake.Fault{Status: 429, RetryAfter: time.Second, Times: 1}, 900 * time.Millisecond},
		{"http-date", kvfake.Fault{Status: 429, RetryAfter: 2 * time.Second, RetryAfterDate: true, Times: 1}, 900 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := genValue(tc.name)
			s.FailAfterWrites(0, tc.fault)
			before := s.Stats().Faults
			start := time.Now()
			out, err := vault.StoreVerified(ctx, a, "throttled-"+tc.name, v, vault.SetParams{})
			took := time.Since(start)
			if err != nil || !out.Stored {
				t.Fatalf("%+v %v", out, err)
			}
			if s.Stats().Faults != before+1 {
				t.Errorf("the 429 was not answered")
			}
			if took < tc.min || took > 4*time.Second {
				t.Errorf("took %v, want the Retry-After wait (>= %v)", took, tc.min)
			}
		})
	}

	// A Retry-After beyond MaxRetryDelay ends the retries at once.
	s.FailAfterWrites(0, kvfake.Throttle(30*time.Second))
	start := time.Now()
	_, err := vault.StoreVerified(ctx, a, "throttled-long", genValue("long"), vault.SetParams{})
	var ve *vault.Error
	if !errors.As(err, &ve) || ve.StatusCode != 429 || ve.Code != "Throttled" || time.Since(start) > 2*time.Second {
		t.Errorf("long Retry-After: %v after %v", err, time.Since(start))
	}
	s.ClearFaults()

	// 503 on reads, twice, then success: retried with backoff.
	s.FailReads(kvfake.Fault{Status: 503, Times: 2})
	if out, err := vault.StoreVerified(ctx, a, "throttled-seconds", "x", vault.SetParams{}); !errors.Is(err, vault.ErrNameTaken) {
		t.Errorf("after read faults: %+v %v", out, err)
	}
}

// The vault fails after N writes: the run stops with a clear error, stored
// secrets stay, and a re-run completes.
func TestAzureFailAfterWrites(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		fault kvfake.Fault
		check func(t *testing.T, err error)
	}{
		{"500", kvfake.InternalError(), func(t *testing.T, err error) {
			var ve *vault.Error
			if !errors.As(err, &ve) || ve.StatusCode != 500 || ve.Code != "InternalServerError" || ve.Op != "set" {
				t.Errorf("got %v, want HTTP 500 on set", err)
			}
		}},
		{"dropped", kvfake.DropConnection(), func(t *testing.T, err error) {
			var ve *vault.Error
			if !errors.As(err, &ve) || ve.StatusCode != 0 || ve.Err == nil || ve.Op != "set" {
				t.Errorf("got %v, want a transport error on set", err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := kvfake.New(t, nil)
			a := newAzure(t, s, fastRetry)
			values := []string{genValue("a"), genValue("b"), genValue("c")}
			names := []string{"first", "second", "third"}
			s.FailAfterWrites(2, tc.fault)
			var err error
			stored := 0
			for i := range names {
				if _, err = vault.StoreVerified(ctx, a, names[i], values[i], vault.SetParams{}); err != nil {
					break
				}
				stored++
			}
			if stored != 2 || err == nil {
				t.Fatalf("stored %d before the error %v; want 2 and an error", stored, err)
			}
			if !strings.HasPrefix(err.Error(), `store secret "third": set secret "third": `) {
				t.Errorf("error text %q", err)
			}
			tc.check(t, err)
			t.Logf("error: %v", err)
			noValue(t, err, values...)
			if f := s.Stats().Faults; f != int(fastRetry.MaxRetries)+1 {
				t.Errorf("%d faulted attempts, want %d (retries)", f, fastRetry.MaxRetries+1)
			}
			if len(s.Secrets()) != 2 {
				t.Errorf("fake holds %d secrets, want 2", len(s.Secrets()))
			}

			s.ClearFaults()
			var outs []vault.Outcome
			for i := range names {
				out, err := vault.StoreVerified(ctx, a, names[i], values[i], vault.SetParams{})
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, out)
			}
			if !outs[0].Reused || !outs[1].Reused || !outs[2].Stored {
				t.Errorf("re-run: %+v", outs)
			}
			if len(s.Secrets()) != 3 {
				t.Errorf("fake holds %d secrets after the re-run, want 3", len(s.Secrets()))
			}
		})
	}
}

// A dropped connection once is retried and succeeds.
func TestAzureDropOnceRetried(t *testing.T) {
	s := kvfake.New(t, nil)
	a := newAzure(t, s, fastRetry)
	s.FailAfterWrites(0, kvfake.Fault{Drop: true, Times: 1})
	out, err := vault.StoreVerified(context.Background(), a, "once", genValue("once"), vault.SetParams{})
	if err != nil || !out.Stored || s.Stats().Faults != 1 {
		t.Errorf("%+v %v, faults %d", out, err, s.Stats().Faults)
	}
}

func TestNewAzure(t *testing.T) {
	s := kvfake.New(t, nil)
	if _, err := vault.NewAzure("https://legacy.vault.azure.net/", nil, nil); err == nil {
		t.Error("nil credential accepted")
	}
	if _, err := vault.NewAzure(s.URL(), s.Credential(), nil); err == nil {
		t.Error("loopback URL accepted without AllowLoopback")
	}
	if _, err := vault.NewAzure("http://legacy.vault.azure.net/", s.Credential(), nil); err == nil {
		t.Error("http URL accepted")
	}
	a, err := vault.NewAzure(s.URL(), s.Credential(), &vault.AzureOptions{
		ClientOptions: s.ClientOptions(), AllowLoopback: true, DisableChallengeResourceVerification: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if a.URL() != s.URL() || a.Client() == nil {
		t.Errorf("URL %s", a.URL())
	}
	if out, err := vault.StoreVerified(context.Background(), a, "lo", genValue("lo"), vault.SetParams{}); err != nil || !out.Stored {
		t.Errorf("loopback store: %+v %v", out, err)
	}
	def := vault.DefaultRetryOptions()
	if def.MaxRetries < 1 || len(def.StatusCodes) == 0 {
		t.Errorf("DefaultRetryOptions: %+v", def)
	}
}

// echoTransport answers the challenge, then echoes every request body in a
// 400 error, as a misbehaving server or proxy might. azcore.ResponseError's
// text would show it; the store's errors must not.
type echoTransport struct{}

func (echoTransport) Do(req *http.Request) (*http.Response, error) {
	h := http.Header{"Content-Type": {"application/json"}}
	if req.Header.Get("Authorization") == "" {
		h.Set("WWW-Authenticate", `Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"`)
		return &http.Response{StatusCode: 401, Status: "401 Unauthorized", Header: h, Body: io.NopCloser(strings.NewReader("{}")), Request: req}, nil
	}
	var body []byte
	if req.Body != nil {
		body, _ = io.ReadAll(req.Body)
	}
	msg := fmt.Sprintf(`{"error":{"code":"BadParameter","message":%q}}`, body)
	return &http.Response{StatusCode: 400, Status: "400 Bad Request", Header: h, Body: io.NopCloser(bytes.NewReader([]byte(msg))), Request: req}, nil
}

func TestErrorsHoldNoValue(t *testing.T) {
	a, err := vault.NewAzure("https://test.vault.azure.net/", &azfake.TokenCredential{}, &vault.AzureOptions{
		ClientOptions: azcore.ClientOptions{Transport: echoTransport{}, Retry: policy.RetryOptions{MaxRetries: -1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	v := genValue("echo")
	_, err = a.Set(context.Background(), "echoed", v, vault.SetParams{})
	var ve *vault.Error
	if !errors.As(err, &ve) || ve.StatusCode != 400 || ve.Code != "BadParameter" {
		t.Fatalf("got %v", err)
	}
	noValue(t, err, v)
	// Make sure the test can fail: the raw SDK error does hold the value.
	_, raw := a.Client().SetSecret(context.Background(), "echoed", azsecrets.SetSecretParameters{Value: &v}, nil)
	if raw == nil || !strings.Contains(raw.Error(), v) {
		t.Error("the echo transport did not echo: this test proves nothing")
	}
}

// The simple paths against azsecrets/fake, a map behind fake.Server.
func TestAzureWithSDKFake(t *testing.T) {
	var mu sync.Mutex
	store := map[string]string{}
	deleted := map[string]bool{"gone": true}
	srv := fake.Server{
		GetSecret: func(_ context.Context, name, version string, _ *azsecrets.GetSecretOptions) (resp azfake.Responder[azsecrets.GetSecretResponse], errResp azfake.ErrorResponder) {
			mu.Lock()
			defer mu.Unlock()
			v, ok := store[name]
			if !ok || version != "" {
				errResp.SetResponseError(http.StatusNotFound, "SecretNotFound")
				return
			}
			id := azsecrets.ID("https://test.vault.azure.net/secrets/" + name + "/0123456789abcdef0123456789abcdef")
			resp.SetResponse(http.StatusOK, azsecrets.GetSecretResponse{Secret: azsecrets.Secret{Value: &v, ID: &id}}, nil)
			return
		},
		GetDeletedSecret: func(_ context.Context, name string, _ *azsecrets.GetDeletedSecretOptions) (resp azfake.Responder[azsecrets.GetDeletedSecretResponse], errResp azfake.ErrorResponder) {
			mu.Lock()
			defer mu.Unlock()
			if !deleted[name] {
				errResp.SetResponseError(http.StatusNotFound, "SecretNotFound")
				return
			}
			resp.SetResponse(http.StatusOK, azsecrets.GetDeletedSecretResponse{}, nil)
			return
		},
		SetSecret: func(_ context.Context, name string, p azsecrets.SetSecretParameters, _ *azsecrets.SetSecretOptions) (resp azfake.Responder[azsecrets.SetSecretResponse], errResp azfake.ErrorResponder) {
			mu.Lock()
			defer mu.Unlock()
			if deleted[name] {
				errResp.SetResponseError(http.StatusConflict, "Conflict")
				return
			}
			store[name] = *p.Value
			id := azsecrets.ID("https://test.vault.azure.net/secrets/" + name + "/0123456789abcdef0123456789abcdef")
			resp.SetResponse(http.StatusOK, azsecrets.SetSecretResponse{Secret: azsecrets.Secret{Value: p.Value, ID: &id}}, nil)
			return
		},
	}
	a, err := vault.NewAzure("https://test.vault.azure.net", &azfake.TokenCredential{}, &vault.AzureOptions{
		ClientOptions: azcore.ClientOptions{Transport: fake.NewServerTransport(&srv), Retry: policy.RetryOptions{MaxRetries: -1}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	v1, v2 := genValue("f1"), genValue("f2")
	out, err := vault.StoreVerified(ctx, a, "api-key", v1, vault.SetParams{})
	if err != nil || !out.Stored || out.Version != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("new: %+v %v", out, err)
	}
	if out, err := vault.StoreVerified(ctx, a, "api-key", v1, vault.SetParams{}); err != nil || !out.Reused {
		t.Errorf("reuse: %+v %v", out, err)
	}
	if _, err := vault.StoreVerified(ctx, a, "api-key", v2, vault.SetParams{}); !errors.Is(err, vault.ErrNameTaken) {
		t.Errorf("taken: %v", err)
	}
	if _, err := vault.StoreVerified(ctx, a, "gone", v2, vault.SetParams{}); !errors.Is(err, vault.ErrDeleted) {
		t.Errorf("deleted: %v", err)
	}
	if _, err := a.Set(ctx, "gone", v2, vault.SetParams{}); !errors.Is(err, vault.ErrDeleted) {
		t.Errorf("409: %v", err)
	}
	if _, found, err := a.Get(ctx, "never"); found || err != nil {
		t.Errorf("absent: %v %v", found, err)
	}
	if len(store) != 1 || store["api-key"] != v1 {
		t.Errorf("fake store has %d entries", len(store))
	}
}
