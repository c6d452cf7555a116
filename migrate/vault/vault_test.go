package vault_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/migrate/vault"
)

// genValue returns an obviously generated test value; tests never print it.
func genValue(tag string) string {
	return fmt.Sprintf("generated-test-value-%s-%d", tag, time.Now().UnixNano())
}

// redacted is what a failure message may show of a value.
func redacted(v string) string { return fmt.Sprintf("%.4s…(%d chars)", v, len(v)) }

// noValue fails the test if err's text holds any of the values.
func noValue(t *testing.T, err error, values ...string) {
	t.Helper()
	if err == nil {
		return
	}
	for _, v := range values {
		if v != "" && strings.Contains(err.Error(), v) {
			t.Errorf("error text holds the secret value %s", redacted(v))
		}
	}
}

func TestHashAndNames(t *testing.T) {
	if got := vault.Hash("abc"); got != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("Hash(abc) = %s", got)
	}
	for name, ok := range map[string]bool{
		"db-password": true, "A1": true, strings.Repeat("a", 127): true,
		"": false, "db_password": false, "db.password": false, strings.Repeat("a", 128): false, "päss": false,
	} {
		if vault.ValidName(name) != ok {
			t.Errorf("ValidName(%q) = %v, want %v", name, !ok, ok)
		}
	}
	v := genValue("check")
	for _, tc := range []struct {
		name, value string
		p           vault.SetParams
	}{
		{"bad_name", v, vault.SetParams{}},
		{"ok", "", vault.SetParams{}},
		{"ok", strings.Repeat("x", vault.MaxValueBytes+1), vault.SetParams{}},
		{"ok", v, vault.SetParams{ContentType: strings.Repeat("c", 256)}},
		{"ok", v, vault.SetParams{Tags: manyTags(16)}},
	} {
		err := vault.Check(tc.name, tc.value, tc.p)
		if !errors.Is(err, vault.ErrInvalid) {
			t.Errorf("Check(%q, %s): %v, want ErrInvalid", tc.name, redacted(tc.value), err)
		}
		noValue(t, err, tc.value)
	}
	if err := vault.Check("ok", v, vault.SetParams{Tags: manyTags(15)}); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func manyTags(n int) map[string]string {
	m := map[string]string{}
	for i := range n {
		m[fmt.Sprint("t", i)] = "v"
	}
	return m
}

func TestParseVaultURL(t *testing.T) {
	for _, tc := range []struct {
		in, want, name string
		loopback       bool
	}{
		{"https://myvault.vault.azure.net", "https://myvault.vault.azure.net/", "myvault", false},
		{"https://MyVault.Vault.Azure.Net/", "https://myvault.vault.azure.net/", "myvault", false},
		{" https://my-vault-01.vault.azure.cn/ ", "https://my-vault-01.vault.azure.cn/", "my-vault-01", false},
		{"https://abc.vault.usgovcloudapi.net:443/", "https://abc.vault.usgovcloudapi.net/", "abc", false},
		{"https://abc.vault.microsoftazure.de/", "https://abc.vault.microsoftazure.de/", "abc", false},
		{"https://" + strings.Repeat("a", 24) + ".vault.azure.net/", "https://" + strings.Repeat("a", 24) + ".vault.azure.net/", strings.Repeat("a", 24), false},
		{"https://127.0.0.1:8443/", "https://127.0.0.1:8443/", "loopback", true},
		{"https://localhost:8443", "https://localhost:8443/", "loopback", true},
		{"https://[::1]:8443/", "https://[::1]:8443/", "loopback", true},
	} {
		got, name, err := vault.ParseVaultURL(tc.in, tc.loopback)
		if err != nil || got != tc.want || name != tc.name {
			t.Errorf("ParseVaultURL(%q) = %q, %q, %v; want %q, %q", tc.in, got, name, err, tc.want, tc.name)
		}
	}
	for _, in := range []string{
		"", "://", "myvault.vault.azure.net", "http://myvault.vault.azure.net/",
		"https://vault.azure.net/", "https://ab.vault.azure.net/", "https://" + strings.Repeat("a", 25) + ".vault.azure.net/",
		"https://my--vault.vault.azure.net/", "https://-abc.vault.azure.net/", "https://abc-.vault.azure.net/",
		"https://1abc.vault.azure.net/", "https://my_vault.vault.azure.net/", "https://myvault.example.com/",
		"https://myvault.vault.azure.net/secrets/x", "https://myvault.vault.azure.net/?a=b", "https://myvault.vault.azure.net/#f",
		"https://user:pw@myvault.vault.azure.net/", "https://myvault.vault.azure.net:8443/",
		"https://myvault.managedhsm.azure.net/", "https://a.bcd.vault.azure.net/", "https://127.0.0.1:8443/",
		"https://10.0.0.1/",
	} {
		if got, _, err := vault.ParseVaultURL(in, false); err == nil {
			t.Errorf("ParseVaultURL(%q) = %q, want an error", in, got)
		} else if !strings.Contains(err.Error(), "vault URL") {
			t.Errorf("ParseVaultURL(%q): unclear error %v", in, err)
		}
	}
}

// readbackStore lies on the read back: it stores one value and returns another.
type readbackStore struct {
	vault.Memory
	sets int
}

func (s *readbackStore) Get(ctx context.Context, name string) (string, bool, error) {
	v, found, err := s.Memory.Get(ctx, name)
	if found && s.sets > 0 {
		v += "-corrupted"
	}
	return v, found, err
}

func (s *readbackStore) Set(ctx context.Context, name, value string, p vault.SetParams) (string, error) {
	s.sets++
	return s.Memory.Set(ctx, name, value, p)
}

func TestStoreVerifiedMemory(t *testing.T) {
	ctx := context.Background()
	m := vault.NewMemory()
	v1, v2 := genValue("one"), genValue("two")
	p := vault.SetParams{ContentType: "text/plain", Tags: map[string]string{"source": "main.go:3"}}

	out, err := vault.StoreVerified(ctx, m, "db-password", v1, p)
	if err != nil || !out.Stored || out.Reused || out.Version == "" || out.Hash != vault.Hash(v1) || out.Name != "db-password" {
		t.Fatalf("new: %+v, %v", out, err)
	}
	out, err = vault.StoreVerified(ctx, m, "DB-PASSWORD", v1, p)
	if err != nil || !out.Reused || out.Stored || out.Version != "" {
		t.Fatalf("same value again: %+v, %v", out, err)
	}
	_, err = vault.StoreVerified(ctx, m, "db-password", v2, p)
	var taken *vault.NameTakenError
	if !errors.Is(err, vault.ErrNameTaken) || !errors.As(err, &taken) || taken.Name != "db-password" {
		t.Fatalf("different value: %v, want ErrNameTaken", err)
	}
	noValue(t, err, v1, v2)
	snap := m.Secrets()
	if len(snap) != 1 || snap["db-password"].Versions != 1 || snap["db-password"].Hash != vault.Hash(v1) ||
		snap["db-password"].Params.Tags["source"] != "main.go:3" {
		t.Errorf("memory holds %+v: want one version of the first value", snap)
	}
	if gets, sets := m.Counts(); gets != 4 || sets != 1 {
		t.Errorf("counts: %d gets, %d sets; want 4, 1", gets, sets)
	}

	// Deleted names.
	m.Delete("db-password")
	_, err = vault.StoreVerified(ctx, m, "db-password", v1, p)
	var del *vault.DeletedError
	if !errors.Is(err, vault.ErrDeleted) || !errors.As(err, &del) || !strings.Contains(err.Error(), "recover") ||
		!strings.Contains(err.Error(), "purge") || !strings.Contains(err.Error(), `"db-password"`) {
		t.Errorf("deleted: %v", err)
	}
	if _, err := m.Set(ctx, "db-password", v1, p); !errors.Is(err, vault.ErrDeleted) {
		t.Errorf("Set on a deleted name: %v", err)
	}
	m.Purge("db-password")
	if out, err := vault.StoreVerified(ctx, m, "db-password", v2, p); err != nil || !out.Stored {
		t.Errorf("after purge: %+v %v", out, err)
	}

	// Fault injection: the second write fails; nothing is stored for it.
	boom := errors.New("injected write failure")
	m.FailAfterWrites(1, boom)
	if _, err := vault.StoreVerified(ctx, m, "first", v1, p); err != nil {
		t.Fatal(err)
	}
	_, err = vault.StoreVerified(ctx, m, "second", v2, p)
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), `store secret "second": `) {
		t.Errorf("fault: %v", err)
	}
	if _, ok := m.Value("second"); ok {
		t.Error("a failed write stored a value")
	}
	m.FailAfterWrites(0, nil)
	m.FailReads(boom)
	if _, err := vault.StoreVerified(ctx, m, "second", v2, p); !errors.Is(err, boom) {
		t.Errorf("read fault: %v", err)
	}
	m.FailReads(nil)
	if out, err := vault.StoreVerified(ctx, m, "second", v2, p); err != nil || !out.Stored {
		t.Errorf("after faults cleared: %+v %v", out, err)
	}
	if got, ok := m.Value("SECOND"); !ok || got != v2 {
		t.Error("Value: wrong or missing")
	}

	// Invalid input never reaches the store.
	if _, err := vault.StoreVerified(ctx, m, "bad_name", v1, p); !errors.Is(err, vault.ErrInvalid) {
		t.Errorf("bad name: %v", err)
	}
	// Cancelled context.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := vault.StoreVerified(cctx, m, "third", v1, p); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}

	// A store that reads back something else fails verification.
	rb := &readbackStore{}
	_, err = vault.StoreVerified(ctx, rb, "x", v1, p)
	if !errors.Is(err, vault.ErrVerify) {
		t.Errorf("read-back mismatch: %v, want ErrVerify", err)
	}
	noValue(t, err, v1)
}

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&vault.Error{Op: "set", Name: "db", StatusCode: 500, Code: "InternalServerError"}, `set secret "db": HTTP 500 (InternalServerError)`},
		{&vault.Error{Op: "get", Name: "db", StatusCode: 502}, `get secret "db": HTTP 502 (no error code)`},
		{&vault.Error{Op: "get", Name: "db", StatusCode: 403, Code: "Forbidden", Message: "The user does not have secrets get permission on key vault 'legacy'."},
			`get secret "db": HTTP 403 (Forbidden): The user does not have secrets get permission on key vault 'legacy'.`},
		{&vault.Error{Op: "get", Name: "db", Err: errors.New("EOF")}, `get secret "db": EOF`},
		{&vault.NameTakenError{Name: "db"}, `secret "db" already holds a different value; choose another name (it is never overwritten)`},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
