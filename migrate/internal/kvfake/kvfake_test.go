package kvfake_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/kvlint/kvlint/migrate/internal/kvfake"
)

// fakeValue builds an obviously generated test value.
func fakeValue(t *testing.T, tag string) string {
	return fmt.Sprintf("kvfake-test-value-%s-%d", tag, time.Now().UnixNano())
}

func newClient(t *testing.T, s *kvfake.Server, vaultURL string) *azsecrets.Client {
	t.Helper()
	c, err := azsecrets.NewClient(vaultURL, s.Credential(), &azsecrets.ClientOptions{ClientOptions: s.ClientOptions()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func noStray(t *testing.T, s *kvfake.Server) {
	t.Helper()
	if st := s.Stray(); len(st) > 0 {
		t.Errorf("non-loopback destinations were asked for: %q", st)
	}
}

func respErr(t *testing.T, err error, status int, code string) {
	t.Helper()
	var re *azcore.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("got error %v, want HTTP %d %s", err, status, code)
	}
	if re.StatusCode != status || re.ErrorCode != code {
		t.Fatalf("got HTTP %d %s, want %d %s", re.StatusCode, re.ErrorCode, status, code)
	}
}

// The whole data plane through the real azsecrets client, with challenge
// resource verification on (the client dials the fake for legacy.vault.azure.net).
func TestDataPlane(t *testing.T) {
	ctx := context.Background()
	s := kvfake.New(t, &kvfake.Options{PageSize: 2})
	c := newClient(t, s, s.VaultURL("legacy"))

	v1, v2 := fakeValue(t, "one"), fakeValue(t, "two")
	ct := "text/plain"
	r1, err := c.SetSecret(ctx, "db-password", azsecrets.SetSecretParameters{
		Value: &v1, ContentType: &ct, Tags: map[string]*string{"source": to("store.go:12")},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r1.ID.Name() != "db-password" || len(r1.ID.Version()) != 32 {
		t.Fatalf("SetSecret id = %s", *r1.ID)
	}
	if !strings.HasPrefix(string(*r1.ID), "https://legacy.vault.azure.net/secrets/db-password/") {
		t.Errorf("id %s not on the vault host", *r1.ID)
	}
	r2, err := c.SetSecret(ctx, "DB-Password", azsecrets.SetSecretParameters{Value: &v2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r2.ID.Version() == r1.ID.Version() {
		t.Fatal("second SetSecret did not make a new version")
	}

	latest, err := c.GetSecret(ctx, "db-password", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if *latest.Value != v2 || latest.ID.Version() != r2.ID.Version() {
		t.Errorf("versionless GetSecret: got version %s, want %s (values equal: %v)", latest.ID.Version(), r2.ID.Version(), *latest.Value == v2)
	}
	pinned, err := c.GetSecret(ctx, "db-password", r1.ID.Version(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if *pinned.Value != v1 || *pinned.ContentType != ct || *pinned.Tags["source"] != "store.go:12" {
		t.Errorf("pinned GetSecret: wrong value, content type or tags")
	}
	if !*pinned.Attributes.Enabled || pinned.Attributes.Created == nil || *pinned.Attributes.RecoveryLevel != "Recoverable+Purgeable" {
		t.Errorf("attributes: %+v", pinned.Attributes)
	}

	_, err = c.GetSecret(ctx, "absent", "", nil)
	respErr(t, err, 404, "SecretNotFound")
	_, err = c.GetSecret(ctx, "db-password", strings.Repeat("0", 32), nil)
	respErr(t, err, 404, "SecretNotFound")

	// Update properties of the pinned version.
	exp := time.Now().Add(48 * time.Hour).Truncate(time.Second).UTC()
	up, err := c.UpdateSecretProperties(ctx, "db-password", r1.ID.Version(), azsecrets.UpdateSecretPropertiesParameters{
		SecretAttributes: &azsecrets.SecretAttributes{Expires: &exp},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if up.Value != nil || up.Attributes.Expires == nil || !up.Attributes.Expires.Equal(exp) {
		t.Errorf("UpdateSecretProperties: value returned or expiry not set: %v", up.Attributes.Expires)
	}

	// List with paging: 5 secrets in pages of 2.
	for _, n := range []string{"a-1", "b-2", "c-3", "d-4"} {
		v := fakeValue(t, n)
		if _, err := c.SetSecret(ctx, n, azsecrets.SetSecretParameters{Value: &v}, nil); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	pages := 0
	pager := c.NewListSecretPropertiesPager(nil)
	for pager.More() {
		p, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, it := range p.Value {
			names = append(names, it.ID.Name())
			if it.ID.Version() != "" {
				t.Errorf("list item %s has a version", *it.ID)
			}
		}
	}
	sort.Strings(names)
	if got := strings.Join(names, ","); got != "a-1,b-2,c-3,d-4,db-password" || pages != 3 {
		t.Errorf("list: %s in %d pages, want 5 names in 3 pages", got, pages)
	}
	vp := c.NewListSecretPropertiesVersionsPager("db-password", nil)
	nv := 0
	for vp.More() {
		p, err := vp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		nv += len(p.Value)
	}
	if nv != 2 {
		t.Errorf("versions: %d, want 2", nv)
	}

	// Soft delete: 404 on get, 409 on set, recover, delete, purge, reuse.
	if _, err := c.DeleteSecret(ctx, "c-3", nil); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetSecret(ctx, "c-3", "", nil)
	respErr(t, err, 404, "SecretNotFound")
	d, err := c.GetDeletedSecret(ctx, "c-3", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.RecoveryID == nil || d.DeletedDate == nil || d.Value != nil {
		t.Errorf("deleted secret: %+v", d)
	}
	v3 := fakeValue(t, "three")
	_, err = c.SetSecret(ctx, "c-3", azsecrets.SetSecretParameters{Value: &v3}, nil)
	respErr(t, err, 409, "Conflict")
	dp := c.NewListDeletedSecretPropertiesPager(nil)
	p, err := dp.NextPage(ctx)
	if err != nil || len(p.Value) != 1 || p.Value[0].ID.Name() != "c-3" {
		t.Fatalf("deleted list: %v %v", p.Value, err)
	}
	if _, err := c.RecoverDeletedSecret(ctx, "c-3", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetSecret(ctx, "c-3", "", nil); err != nil {
		t.Fatalf("recovered secret: %v", err)
	}
	if _, err := c.DeleteSecret(ctx, "c-3", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PurgeDeletedSecret(ctx, "c-3", nil); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetDeletedSecret(ctx, "c-3", nil)
	respErr(t, err, 404, "SecretNotFound")
	if _, err := c.SetSecret(ctx, "c-3", azsecrets.SetSecretParameters{Value: &v3}, nil); err != nil {
		t.Fatalf("set after purge: %v", err)
	}

	// Disabled secrets are not served.
	s.Disable("a-1")
	_, err = c.GetSecret(ctx, "a-1", "", nil)
	respErr(t, err, 403, "Forbidden")

	snap := s.Secrets()
	if len(snap) != 5 || snap["db-password"].Name != "db-password" || len(snap["db-password"].Versions) != 2 ||
		snap["db-password"].Hash != hash(v2) {
		t.Errorf("Secrets() snapshot wrong: %d secrets", len(snap))
	}
	st := s.Stats()
	if st.Unauthorized != 1 || st.Writes < 9 || st.Reads < 8 {
		t.Errorf("stats %+v: want exactly one challenge, 9+ writes, 8+ reads", st)
	}
	for _, r := range s.Requests() {
		if r.Host != "legacy.vault.azure.net" {
			t.Errorf("request %s %s reached the fake with host %q", r.Method, r.Path, r.Host)
		}
		if !strings.Contains(r.Query, "api-version=") {
			t.Errorf("request %s %s without api-version", r.Method, r.Path)
		}
	}
	noStray(t, s)
}

// Challenge auth and bad input, with raw HTTP.
func TestChallengeAndBadRequests(t *testing.T) {
	s := kvfake.New(t, nil)
	hc := s.HTTPClient()
	// do returns the status, the headers and the decoded JSON body; the
	// response body is closed before it returns.
	do := func(method, path, token, body string) (int, http.Header, map[string]any) {
		t.Helper()
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, "https://legacy.vault.azure.net"+path, rd)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, resp.Header, m
	}
	code := func(m map[string]any) string {
		e, _ := m["error"].(map[string]any)
		c, _ := e["code"].(string)
		return c
	}

	status, header, _ := do("GET", "/secrets/x?api-version=2026-04-01", "", "")
	wa := header.Get("WWW-Authenticate")
	if status != 401 || !strings.Contains(wa, `authorization="https://login.microsoftonline.com/72f988bf-`) ||
		!strings.Contains(wa, `resource="https://vault.azure.net"`) {
		t.Errorf("no-auth request: %d %q", status, wa)
	}
	status, _, _ = do("GET", "/secrets/x?api-version=2026-04-01", "kvfake-token-forged", "")
	if status != 401 {
		t.Errorf("forged token: %d, want 401", status)
	}

	tok, err := s.Credential().GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{"https://vault.azure.net/.default"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		method, path, body string
		status             int
		code               string
	}{
		{"GET", "/secrets/x", "", 400, "BadParameter"}, // no api-version
		{"PUT", "/secrets/bad_name?api-version=1", `{"value":"v"}`, 400, "BadParameter"},
		{"PUT", "/secrets/ok?api-version=1", `{"value":`, 400, "BadParameter"},
		{"PUT", "/secrets/ok?api-version=1", `{"contentType":"x"}`, 400, "BadParameter"},
		{"PUT", "/secrets/ok?api-version=1", `{"value":"` + strings.Repeat("x", 26<<10) + `"}`, 400, "BadParameter"},
		{"GET", "/keys/k?api-version=1", "", 404, "NotFound"},
		{"POST", "/secrets/x?api-version=1", "", 405, "MethodNotAllowed"},
		{"DELETE", "/secrets/nope?api-version=1", "", 404, "SecretNotFound"},
		{"POST", "/deletedsecrets/nope/recover?api-version=1", "", 404, "SecretNotFound"},
		{"DELETE", "/deletedsecrets/nope?api-version=1", "", 404, "SecretNotFound"},
		{"PATCH", "/secrets/nope/" + strings.Repeat("a", 32) + "?api-version=1", `{}`, 404, "SecretNotFound"},
	} {
		status, _, m := do(tc.method, tc.path, tok.Token, tc.body)
		if status != tc.status || code(m) != tc.code {
			t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.path[:min(len(tc.path), 40)], status, code(m), tc.status, tc.code)
		}
	}

	// Identity endpoint: wrong header and wrong api-version are refused.
	for _, tc := range []struct {
		header, query string
		status        int
	}{
		{"wrong", "?api-version=2019-08-01&resource=https://vault.azure.net", 401},
		{s.IdentityHeader(), "?api-version=2017-09-01&resource=https://vault.azure.net", 400},
		{s.IdentityHeader(), "?api-version=2019-08-01", 400},
		{s.IdentityHeader(), "?api-version=2019-08-01&resource=https://vault.azure.net", 200},
	} {
		req, _ := http.NewRequest("GET", s.IdentityEndpoint()+tc.query, nil)
		req.Header.Set("X-IDENTITY-HEADER", tc.header)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		json.NewDecoder(resp.Body).Decode(&m)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("identity %s: %d, want %d", tc.query, resp.StatusCode, tc.status)
		}
		if tc.status == 200 && (m["token_type"] != "Bearer" || m["expires_on"] == "" || m["access_token"] == "" || m["resource"] != "https://vault.azure.net") {
			t.Errorf("identity response fields missing: %v", keys(m))
		}
	}
	noStray(t, s)
}

// Faults: after N writes, 500 / 429 with Retry-After / dropped connection;
// reads likewise.
func TestFaults(t *testing.T) {
	ctx := context.Background()
	s := kvfake.New(t, nil)
	opts := s.ClientOptions()
	opts.Retry = policy.RetryOptions{MaxRetries: -1} // see every fault
	c, err := azsecrets.NewClient(s.VaultURL("legacy"), s.Credential(), &azsecrets.ClientOptions{ClientOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	v := fakeValue(t, "f")
	set := func(name string) error {
		_, err := c.SetSecret(ctx, name, azsecrets.SetSecretParameters{Value: &v}, nil)
		return err
	}

	s.FailAfterWrites(2, kvfake.InternalError())
	if err := set("w1"); err != nil {
		t.Fatal(err)
	}
	if err := set("w2"); err != nil {
		t.Fatal(err)
	}
	respErr(t, set("w3"), 500, "InternalServerError")
	respErr(t, set("w3"), 500, "InternalServerError")
	if _, err := c.GetSecret(ctx, "w1", "", nil); err != nil {
		t.Errorf("reads must not fail on a write fault: %v", err)
	}

	s.FailAfterWrites(0, kvfake.Fault{Status: 429, RetryAfter: 1500 * time.Millisecond, Times: 1})
	err = set("w3")
	respErr(t, err, 429, "Throttled")
	var re *azcore.ResponseError
	errors.As(err, &re)
	if ra := re.RawResponse.Header.Get("Retry-After"); ra != "2" {
		t.Errorf("Retry-After %q, want 2 (seconds, rounded up)", ra)
	}
	if err := set("w3"); err != nil {
		t.Errorf("fault with Times: 1 did not clear: %v", err)
	}

	s.FailAfterWrites(0, kvfake.DropConnection())
	err = set("w4")
	if err == nil || errors.As(err, &re) {
		t.Errorf("dropped connection: got %v, want a transport error", err)
	}
	s.ClearFaults()
	if err := set("w4"); err != nil {
		t.Errorf("after ClearFaults: %v", err)
	}

	s.FailReads(kvfake.Fault{Status: 503, Times: 2})
	for i := 0; i < 2; i++ {
		_, err := c.GetSecret(ctx, "w1", "", nil)
		respErr(t, err, 503, "ServiceUnavailable")
	}
	if _, err := c.GetSecret(ctx, "w1", "", nil); err != nil {
		t.Errorf("read fault did not clear: %v", err)
	}
	if st := s.Stats(); st.Faults != 6 {
		t.Errorf("Faults = %d, want 6", st.Faults)
	}
	if got := len(s.Secrets()); got != 4 {
		t.Errorf("%d secrets stored, want 4 (failed writes must store nothing)", got)
	}
	noStray(t, s)
}

// DefaultAzureCredential in this process, through the managed-identity
// endpoint of the fake (env set with Setenv), transport from ClientOptions.
func TestDefaultAzureCredentialInProcess(t *testing.T) {
	s := kvfake.New(t, nil)
	s.Setenv(t)
	if os.Getenv("AZURE_CLIENT_ID") != "" || os.Getenv("IDENTITY_HEADER") != s.IdentityHeader() {
		t.Fatal("Setenv did not set up the environment")
	}
	cred, err := azidentity.NewDefaultAzureCredential(&azidentity.DefaultAzureCredentialOptions{ClientOptions: s.ClientOptions()})
	if err != nil {
		t.Fatal(err)
	}
	c, err := azsecrets.NewClient(s.VaultURL("legacy"), cred, &azsecrets.ClientOptions{ClientOptions: s.ClientOptions()})
	if err != nil {
		t.Fatal(err)
	}
	v := fakeValue(t, "dac")
	if _, err := c.SetSecret(context.Background(), "dac", azsecrets.SetSecretParameters{Value: &v}, nil); err != nil {
		t.Fatal(err)
	}
	// MSAL caches managed-identity tokens process-wide: only the first run
	// in this process (-count=N) asks the endpoint.
	want := 1
	if dacRuns > 0 {
		want = 0
	}
	dacRuns++
	if st := s.Stats(); st.TokenRequests != want {
		t.Errorf("TokenRequests = %d, want %d", st.TokenRequests, want)
	}
	noStray(t, s)
}

var dacRuns int

// The loopback URL works with DisableChallengeResourceVerification, and
// fails without it: the challenge resource is not a parent of 127.0.0.1.
func TestLoopbackURL(t *testing.T) {
	s := kvfake.New(t, nil)
	v := fakeValue(t, "lo")
	for _, disable := range []bool{true, false} {
		c, err := azsecrets.NewClient(s.URL(), s.Credential(), &azsecrets.ClientOptions{
			ClientOptions: s.ClientOptions(), DisableChallengeResourceVerification: disable,
		})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.SetSecret(context.Background(), "lo", azsecrets.SetSecretParameters{Value: &v}, nil)
		if disable && err != nil {
			t.Errorf("loopback with verification off: %v", err)
		}
		if !disable && (err == nil || !strings.Contains(err.Error(), "challenge resource")) {
			t.Errorf("loopback with verification on: got %v, want a challenge resource error", err)
		}
	}
}

// The CONNECT proxy, in-process: a transport with Proxy set and the CA pool
// reaches the fake for a real vault URL; other hosts are refused.
func TestProxyInProcess(t *testing.T) {
	s := kvfake.New(t, nil)
	pu, _ := url.Parse(s.ProxyURL())
	tr := &http.Transport{
		Proxy:           http.ProxyURL(pu),
		TLSClientConfig: &tls.Config{RootCAs: s.CertPool()},
		DialContext:     loopbackOnly(t),
	}
	opts := azcore.ClientOptions{Transport: &http.Client{Transport: tr}, Retry: policy.RetryOptions{MaxRetries: -1}}
	c, err := azsecrets.NewClient("https://legacy.vault.azure.net/", s.Credential(), &azsecrets.ClientOptions{ClientOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	v := fakeValue(t, "px")
	if _, err := c.SetSecret(context.Background(), "px", azsecrets.SetSecretParameters{Value: &v}, nil); err != nil {
		t.Fatal(err)
	}
	if st := s.Stats(); st.Connects < 1 {
		t.Errorf("Connects = %d, want the request to go through the proxy", st.Connects)
	}
	// A non-vault host through the proxy is refused and recorded.
	hc := &http.Client{Transport: tr}
	if resp, err := hc.Get("https://login.microsoftonline.com/common/"); err == nil {
		resp.Body.Close()
		t.Error("proxy tunnelled a non-vault host")
	}
	if st := s.Stray(); len(st) != 1 || !strings.Contains(st[0], "login.microsoftonline.com") {
		t.Errorf("Stray = %q, want the refused login host", st)
	}
}

// The environment route, proven in a subprocess (this test binary run
// again): default transport, DefaultAzureCredential, HTTPS_PROXY,
// SSL_CERT_FILE, a real vault URL.
func TestSubprocessEnv(t *testing.T) {
	if os.Getenv("KVFAKE_HELPER") == "1" {
		t.Skip("in the helper")
	}
	s := kvfake.New(t, nil)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.v")
	cmd.Env = append(s.Environ(os.Environ()), "KVFAKE_HELPER=1", "KVFAKE_VAULT_URL="+s.VaultURL("legacy"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "helper ok") {
		t.Fatalf("helper failed: %v\n%s", err, out)
	}
	st := s.Stats()
	if st.TokenRequests != 1 || st.Connects < 1 || st.Writes != 2 || st.Reads < 3 {
		t.Errorf("stats %+v: want 1 token request, a proxied connection, 2 writes, 3+ reads", st)
	}
	if len(s.Secrets()) != 1 || len(s.Secrets()["legacy-db-password"].Versions) != 2 {
		t.Errorf("fake holds %v", keys(s.Secrets()))
	}
	for _, r := range s.Requests() {
		if r.Host != "legacy.vault.azure.net" {
			t.Errorf("request with host %q", r.Host)
		}
	}
	noStray(t, s)
}

// TestHelperProcess is the subprocess of TestSubprocessEnv. It uses only
// the environment: no transport or credential options.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("KVFAKE_HELPER") != "1" {
		t.Skip("run by TestSubprocessEnv")
	}
	ctx := context.Background()
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := azsecrets.NewClient(os.Getenv("KVFAKE_VAULT_URL"), cred, nil)
	if err != nil {
		t.Fatal(err)
	}
	v1, v2 := fakeValue(t, "sub1"), fakeValue(t, "sub2")
	r1, err := c.SetSecret(ctx, "legacy-db-password", azsecrets.SetSecretParameters{Value: &v1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetSecret(ctx, "legacy-db-password", azsecrets.SetSecretParameters{Value: &v2}, nil); err != nil {
		t.Fatal(err)
	}
	latest, err := c.GetSecret(ctx, "legacy-db-password", "", nil)
	if err != nil || *latest.Value != v2 {
		t.Fatalf("versionless get: %v", err)
	}
	pinned, err := c.GetSecret(ctx, "legacy-db-password", r1.ID.Version(), nil)
	if err != nil || *pinned.Value != v1 {
		t.Fatalf("pinned get: %v", err)
	}
	p, err := c.NewListSecretPropertiesPager(nil).NextPage(ctx)
	if err != nil || len(p.Value) != 1 {
		t.Fatalf("list: %v", err)
	}
	fmt.Println("helper ok")
}

func loopbackOnly(t *testing.T) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			t.Errorf("dial of non-loopback address %s", addr)
			return nil, fmt.Errorf("test: refused non-loopback %s", addr)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func to[T any](v T) *T { return &v }

func hash(v string) string {
	sum := sha256.Sum256([]byte(v))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// The guard other tests rely on: HTTPClient refuses and records every
// non-loopback, non-vault destination instead of dialing it.
func TestHTTPClientRefusesNonLoopback(t *testing.T) {
	s := kvfake.New(t, nil)
	hc := s.HTTPClient()
	for _, u := range []string{"https://login.microsoftonline.com/common/", "http://169.254.169.254/metadata/identity/oauth2/token", "https://vault.azure.net.evil.example/"} {
		if resp, err := hc.Get(u); err == nil {
			resp.Body.Close()
			t.Errorf("%s was reached", u)
		}
	}
	if st := s.Stray(); len(st) != 3 {
		t.Errorf("Stray = %q, want 3 refused dials", st)
	}
}

// Direct manipulation helpers, for tests that set up a vault state.
func TestSeedAndSnapshot(t *testing.T) {
	s := kvfake.New(t, nil)
	v := fakeValue(t, "seed")
	ver := s.Seed("Seeded", v)
	if got, ok := s.Value("seeded"); !ok || got != v {
		t.Error("Value after Seed")
	}
	if info := s.Secrets()["seeded"]; info.Name != "Seeded" || info.Version != ver || info.Hash != hash(v) || !info.Enabled {
		t.Errorf("snapshot %+v", info)
	}
	if !s.SoftDelete("SEEDED") || s.SoftDelete("absent") {
		t.Error("SoftDelete result")
	}
	if d := s.DeletedSecrets(); len(d) != 1 || d[0] != "seeded" || len(s.Secrets()) != 0 {
		t.Errorf("deleted %v", d)
	}
	if _, ok := s.Value("seeded"); ok {
		t.Error("a deleted secret has a value")
	}
	if !bytes.HasPrefix(s.CAPEM(), []byte("-----BEGIN CERTIFICATE-----")) {
		t.Error("CAPEM")
	}
	pem, err := os.ReadFile(s.CAFile())
	if err != nil || !bytes.Equal(pem, s.CAPEM()) {
		t.Errorf("CA file: %v", err)
	}
	if f := kvfake.Throttle(1500 * time.Millisecond); f.Status != 429 || f.RetryAfter != 1500*time.Millisecond {
		t.Errorf("Throttle = %+v", f)
	}
	env := s.Environ([]string{"AZURE_CLIENT_ID=x", "PATH=/bin", "HTTPS_PROXY=http://elsewhere", "NO_PROXY=*"})
	got := strings.Join(env, " ")
	if strings.Contains(got, "AZURE_CLIENT_ID") || strings.Contains(got, "NO_PROXY") || strings.Contains(got, "elsewhere") ||
		!strings.Contains(got, "PATH=/bin") || !strings.Contains(got, "HTTPS_PROXY="+s.ProxyURL()) ||
		!strings.Contains(got, "SSL_CERT_FILE="+s.CAFile()) || !strings.Contains(got, "IDENTITY_ENDPOINT="+s.IdentityEndpoint()) {
		t.Errorf("Environ = %q", env)
	}
}
