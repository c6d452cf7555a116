package migrate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
	"github.com/kvlint/kvlint/migrate/internal/kvfake"
)

func TestDryRunChangesNothing(t *testing.T) {
	f := newFixture(t)
	before := f.snapshot()
	code, stdout, stderr := f.migrate("dry-run", "-vault-url", legacyVault, "-dry-run")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if d := diffSnapshots(before, f.snapshot()); len(d) > 0 {
		t.Errorf("dry run changed files: %v", d)
	}
	// Names are stable: a second dry run plans exactly the same.
	if _, again, _ := f.migrate("dry-run again", "-vault-url", legacyVault, "-dry-run"); again != stdout {
		t.Error("a second dry run planned differently")
	}
	if n := f.srv.Stats().Requests; n != 0 {
		t.Errorf("dry run made %d vault requests", n)
	}
	for _, want := range append([]string{
		"nothing is stored",
		"secret legacy-db-password  KV100 generic-secret  sKVC…(24 chars, sha256:9f220f24)  (3 places)",
		`config.go:9:20  const  -> var DBPassword = vaultsecrets.MustGet("legacy-db-password")`,
		`auth.go:28:25  conversion  -> []byte(vaultsecrets.MustGet("legacy-hmac-secret"))`,
		"signingKey is used where Go requires a constant",
		"15 places found, 11 secrets to store, 1 place left for manual work",
	}, expectedSecrets...) {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run output lacks %q", want)
		}
	}
	f.checkOutputs()
}

func TestPlanReviewApply(t *testing.T) {
	f := newFixture(t)
	planFile := filepath.Join(t.TempDir(), "plan.yaml")
	before := f.snapshot()
	if code, _, stderr := f.migrate("plan", "-vault-url", legacyVault, "-plan", planFile); code != 0 {
		t.Fatalf("plan: exit %d\n%s", code, stderr)
	}
	f.record("plan file", planFile)
	if d := diffSnapshots(before, f.snapshot()); len(d) > 0 || f.srv.Stats().Requests != 0 {
		t.Fatalf("-plan changed files %v or called the vault", d)
	}
	var plan Plan
	if err := yaml.Unmarshal([]byte(f.outputs["plan file"]), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.VaultURL != legacyVault || plan.Module != "example.com/legacy" || len(plan.Secrets) != 11 || len(plan.Manual) != 1 {
		t.Fatalf("plan: vault %q module %q, %d secrets, %d manual", plan.VaultURL, plan.Module, len(plan.Secrets), len(plan.Manual))
	}
	for _, s := range plan.Secrets {
		if !strings.HasPrefix(s.ValueHash, "hmac-sha256:") || len(s.Places) == 0 {
			t.Errorf("plan secret %s: hash %q, %d places", s.Name, s.ValueHash, len(s.Places))
		}
		for _, p := range s.Places {
			if !strings.HasPrefix(p.ExprHash, "hmac-sha256:") || p.Line == 0 || p.Replacement == "" || strings.HasPrefix(p.File, "/") {
				t.Errorf("plan place %+v", p)
			}
		}
	}

	// The reviewer renames a secret.
	edited := strings.Replace(f.outputs["plan file"], "name: legacy-db-password", "name: primary-db-password", 1)
	if edited == f.outputs["plan file"] {
		t.Fatal("plan has no secret legacy-db-password")
	}
	if err := os.WriteFile(planFile, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}

	// Meanwhile a source line changed: the plan is stale and refused whole.
	cfg := filepath.Join(f.dir, "config.go")
	orig, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(orig), "AccountName=legacydata", "AccountName=legacydata2", 1)
	if err := os.WriteFile(cfg, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	stale := f.snapshot()
	code, _, stderr := f.migrate("stale apply", "-apply", planFile)
	if code != 1 || !strings.Contains(stderr, "config.go:29:25: stale plan entry") {
		t.Errorf("stale apply: exit %d, stderr:\n%s", code, stderr)
	}
	if d := diffSnapshots(stale, f.snapshot()); len(d) > 0 || f.srv.Stats().Requests != 0 {
		t.Errorf("stale apply changed files %v or called the vault", d)
	}

	// Back to the reviewed source: the plan applies, with the edited name.
	if err := os.WriteFile(cfg, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := f.migrate("apply", "-apply", planFile); code != 0 {
		t.Fatalf("apply: exit %d\n%s", code, stderr)
	}
	names := strings.Join(f.vaultNames(), " ")
	if !strings.Contains(names, "primary-db-password") || strings.Contains(names, "legacy-db-password") || len(f.vaultNames()) != 11 {
		t.Errorf("vault after apply: %s", names)
	}
	if refs := strings.Join(f.referencedSecrets(), " "); !strings.Contains(refs, "primary-db-password") {
		t.Errorf("code reads %s", refs)
	}
	f.goRun("build", "./...")
	f.checkOutputs()
}

// TestVaultFaults: the vault fails after some writes. The run stops with a
// clear error, the tree builds, no code reads a secret that is not stored,
// and a re-run completes the migration.
func TestVaultFaults(t *testing.T) {
	cases := []struct {
		name  string
		fault kvfake.Fault
		want  string
	}{
		{"500", kvfake.InternalError(), "HTTP 500"},
		{"429", kvfake.Throttle(0), "HTTP 429"},
		{"drop", kvfake.DropConnection(), "set secret"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			f.srv.FailAfterWrites(3+i, c.fault)
			code, _, stderr := f.migrate("faulty run", "-vault-url", legacyVault)
			if code != 1 || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "run kvlint migrate again") {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			stored := f.vaultNames()
			if len(stored) != 3+i {
				t.Errorf("vault holds %d secrets, want %d", len(stored), 3+i)
			}
			inVault := map[string]bool{}
			for _, n := range stored {
				inVault[n] = true
			}
			for _, n := range f.referencedSecrets() {
				if !inVault[n] {
					t.Errorf("code reads secret %s, which is not stored", n)
				}
			}
			f.goRun("build", "./...")

			f.srv.ClearFaults()
			if code, _, stderr := f.migrate("re-run", "-vault-url", legacyVault); code != 0 {
				t.Fatalf("re-run: exit %d\n%s", code, stderr)
			}
			if got := strings.Join(f.vaultNames(), " "); got != strings.Join(expectedSecrets, " ") {
				t.Errorf("after re-run the vault holds %s", got)
			}
			if n := len(f.referencedSecrets()); n != 10 {
				t.Errorf("after re-run the code reads %d secrets, want 10", n)
			}
			f.goRun("build", "./...")
			f.checkOutputs()
		})
	}
}

// TestNameTaken: a name holding a different value, a deleted secret or a
// disabled one is never overwritten: the secret gets the next free name.
func TestNameTaken(t *testing.T) {
	f := newFixture(t)
	f.srv.Seed("legacy-api-token", "a-different-value-already-there")
	f.srv.Seed("legacy-hmac-secret", "deleted-value")
	f.srv.SoftDelete("legacy-hmac-secret")
	f.srv.Seed("legacy-db-password", "disabled-value")
	f.srv.Disable("legacy-db-password")
	code, stdout, stderr := f.migrate("migrate", "-vault-url", legacyVault, "-expires", "720h", "-content-type", "application/x-secret")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "Key Vault stops serving an expired secret") {
		t.Error("no warning about expiry")
	}
	for _, s := range f.srv.Secrets() {
		if s.Name == "legacy-api-token" || s.Name == "legacy-db-password" {
			continue // seeded by the test
		}
		if s.Expires == nil || time.Until(*s.Expires) < 719*time.Hour || s.ContentType != "application/x-secret" {
			t.Errorf("secret %s: expires %v, content type %q", s.Name, s.Expires, s.ContentType)
		}
	}
	if v, _ := f.srv.Value("legacy-api-token"); v != "a-different-value-already-there" {
		t.Error("an existing secret was overwritten")
	}
	refs := strings.Join(f.referencedSecrets(), " ")
	if !strings.Contains(stderr, "secret name legacy-db-password belongs to a disabled secret") {
		t.Errorf("no warning about the disabled name:\n%s", stderr)
	}
	for _, want := range []string{"legacy-api-token-2", "legacy-hmac-secret-2", "legacy-db-password-2"} {
		if !strings.Contains(refs, want) {
			t.Errorf("code does not read %s: %s", want, refs)
		}
		if !strings.Contains(stderr, "using "+want) {
			t.Errorf("no warning about %s:\n%s", want, stderr)
		}
	}
	_ = stdout
	f.checkOutputs()
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-C", dir, "-dry-run"}, 1, "no vault"},
		{[]string{"-C", dir, "-vault-url", "http://x.vault.azure.net/", "-dry-run"}, 1, "scheme must be https"},
		{[]string{"-C", dir, "-vault-url", legacyVault, "-dry-run"}, 1, "not a module root"},
		{[]string{"-C", dir, "-vault-url", legacyVault, "-name-template", "{oops}"}, 1, "unknown placeholder"},
		{[]string{"-C", dir, "-apply", filepath.Join(dir, "missing.yaml")}, 1, "plan"},
		{[]string{"-dry-run", "-plan", "x"}, 2, "exclude each other"},
		{[]string{"-tag", "novalue"}, 2, "KEY=VALUE"},
	}
	t.Setenv("AZURE_KEYVAULT_URL", "")
	for _, c := range cases {
		var stdout, stderr strings.Builder
		code := Main(c.args, &stdout, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr.String(), c.code, c.want)
		}
	}
	// A plan with an invalid name is refused.
	bad := filepath.Join(dir, "bad.yaml")
	key := strings.Repeat("ab", 32)
	os.WriteFile(bad, []byte("version: 2\nhash_key: "+key+"\nvault_url: "+legacyVault+"\nsecrets:\n  - name: bad_name\n    value_hash: hmac-sha256:00\n"), 0o644)
	var stderr strings.Builder
	if code := Main([]string{"-C", dir, "-apply", bad}, &strings.Builder{}, &stderr); code != 1 || !strings.Contains(stderr.String(), `secret name "bad_name"`) {
		t.Errorf("bad plan: exit %d, %s", code, stderr.String())
	}
	// A version 1 plan (unsalted hashes) is refused with the way out.
	old := filepath.Join(dir, "old.yaml")
	os.WriteFile(old, []byte("version: 1\nvault_url: "+legacyVault+"\nsecrets:\n  - name: db\n    value_hash: sha256:00\n"), 0o644)
	stderr.Reset()
	if code := Main([]string{"-C", dir, "-apply", old}, &strings.Builder{}, &stderr); code != 1 || !strings.Contains(stderr.String(), "write a new plan with -plan") {
		t.Errorf("version 1 plan: exit %d, %s", code, stderr.String())
	}
}

// TestSDKUnavailableLeavesTreeUntouched: when go.mod cannot gain the Azure
// SDK (no module proxy, empty module cache), the secrets already stored stay
// in the vault, but every rewritten file is restored and the generated
// run-time package is removed, so the tree is exactly as it was and builds.
func TestSDKUnavailableLeavesTreeUntouched(t *testing.T) {
	f := newFixture(t)
	before := f.snapshot()
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("GOFLAGS", "-modcacherw")
	code, _, stderr := f.migrate("no sdk", "-vault-url", legacyVault)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	if d := diffSnapshots(before, f.snapshot()); len(d) > 0 {
		t.Errorf("a failed migration changed the tree: %v", d)
	}
	if _, err := os.Stat(filepath.Join(f.dir, "internal", "vaultsecrets")); !os.IsNotExist(err) {
		t.Errorf("the run-time package was left behind (stat: %v)", err)
	}
	f.checkOutputs()
}

// TestStructTagDefaultIsManual: a credential in a struct tag default (what
// configuration libraries read) cannot be rewritten; it is listed for manual
// work instead of being dropped from the plan.
func TestStructTagDefaultIsManual(t *testing.T) {
	dir := t.TempDir()
	token := detect.FakeCRCToken("ghp_", "migrate-struct-tag")
	archive := `-- go.mod --
module example.com/tagged

go 1.26
-- config/config.go --
package config

// Config is read by an env library.
type Config struct {
` + "\tGitHubToken string `env:\"GITHUB_TOKEN\" envDefault:\"" + token + "\"`\n" + `}
`
	testfs.Write(t, dir, archive)
	f := startFake(t, dir)
	f.planted = []string{token}
	code, stdout, stderr := f.migrate("dry-run", "-vault-url", legacyVault, "-dry-run")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "config/config.go:5:") || !strings.Contains(stdout, "struct tag") {
		t.Errorf("the struct tag default is not listed for manual work:\n%s", stdout)
	}
	f.checkOutputs()
}
