package baseline_test

import (
	"testing"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/detect"
)

// TestOneSchemeAcrossModes: lint names a finding by package path and
// declaration, scan by file path (and no declaration for a YAML file),
// scan -history by neither; a secret recorded by any of them matches the
// others.
func TestOneSchemeAcrossModes(t *testing.T) {
	secret, _ := detect.FakeFor("KV101", "scheme-test")
	lint := baseline.NewSecretKey("KV101", "example.com/m/p", "clientSecret", secret)
	scan := baseline.NewSecretKey("KV101", "p/p.go", "clientSecret", secret)
	yamlFile := baseline.NewSecretKey("KV101", "deploy/app.yaml", "", secret)
	history := baseline.Key{Rule: "KV101", Value: scan.Value, Secret: true}
	b, err := baseline.New()
	if err != nil {
		t.Fatal(err)
	}
	b.Add(lint, "p/p.go")
	for name, k := range map[string]baseline.Key{"scan": scan, "yaml": yamlFile, "history": history} {
		if !b.Matcher().Match(k) {
			t.Errorf("a baseline written by lint does not match the %s finding of the same secret", name)
		}
	}
	other, _ := detect.FakeFor("KV101", "scheme-test-2")
	if b.Matcher().Match(baseline.NewSecretKey("KV101", "p/p.go", "clientSecret", other)) {
		t.Error("another secret matches")
	}
	if b.Matcher().Match(baseline.NewSecretKey("KV102", "p/p.go", "clientSecret", secret)) {
		t.Error("another rule matches")
	}
	// Findings about code (not a value) stay scoped to package and declaration.
	code := baseline.NewKey("KV201", "example.com/m/p", "F", "azidentity.NewClientSecretCredential(t, c, s, nil)")
	b.Add(code, "p/p.go")
	moved := code
	moved.Package = "example.com/m/q"
	if !b.Matcher().Match(code) || b.Matcher().Match(moved) {
		t.Error("code findings must match in their package only")
	}
}

// TestVersion1StillMatches: a version 1 baseline is matched the version 1 way.
func TestVersion1StillMatches(t *testing.T) {
	secret, _ := detect.FakeFor("KV101", "v1-test")
	k := baseline.NewSecretKey("KV101", "example.com/m/p", "clientSecret", secret)
	salt := "0123456789abcdef0123456789abcdef"
	data := "version: 1\nsalt: " + salt + "\nentries:\n  - rule: KV101\n    package: example.com/m/p\n    decl: clientSecret\n    fingerprint: " +
		k.FingerprintV1(salt) + "\n    count: 1\n"
	b, err := baseline.Parse([]byte(data), "old.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !b.Matcher().Match(k) {
		t.Error("version 1 entry does not match its finding")
	}
	if nb, _ := baseline.New(); nb.Version != 2 {
		t.Errorf("new baselines are version %d, want 2", nb.Version)
	}
}

// TestSecretEntryCoversCopies: lint records a secret once; scan finds it
// in the Go file and in a YAML file beside it, and both are known.
func TestSecretEntryCoversCopies(t *testing.T) {
	secret, _ := detect.FakeFor("KV101", "copies-test")
	b, _ := baseline.New()
	b.Add(baseline.NewSecretKey("KV101", "example.com/m/p", "C", secret), "p/p.go")
	m := b.Matcher()
	for _, file := range []string{"p/p.go", "deploy/app.yaml", "other.env"} {
		if !m.Match(baseline.NewSecretKey("KV101", file, "", secret)) {
			t.Errorf("copy in %s not matched", file)
		}
	}
	if len(m.Stale()) != 0 {
		t.Error("matched entry reported stale")
	}
}

// TestHas: a history baseline is read as a set: a recorded secret is known
// under any package or declaration, another value is not.
func TestHas(t *testing.T) {
	f, err := baseline.New()
	if err != nil {
		t.Fatal(err)
	}
	f.Add(baseline.NewSecretKey("KV112", "example.com/a", "Token", "fake-value-1"), "a/a.go")
	if !f.Has(baseline.NewSecretKey("KV112", "config/app.yaml", "", "fake-value-1")) {
		t.Error("the recorded secret is not known from another file")
	}
	if f.Has(baseline.NewSecretKey("KV112", "example.com/a", "Token", "fake-value-2")) || f.Has(baseline.NewSecretKey("KV100", "example.com/a", "Token", "fake-value-1")) {
		t.Error("another value, or the same value under another rule, is known")
	}
}
