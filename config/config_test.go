package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
	"github.com/kvlint/kvlint/rules"
)

const fullConfig = `# a complete .kvlint.yaml
version: 1
rules:
  enable: []
  disable: [KV124, github-token]
severity:
  KV101: warning
  slack-webhook: info
analyzers:
  secretlog: false
entropy:
  generic: 3.5
allow:
  paths:
    - "**/testdata/**"
    - "internal/fixtures/"
    - "*.pb.go"
  values:
    - '^fake-[a-z]+$'
custom-rules:
  - id: KV901
    name: acme-token
    title: acme internal api token
    keywords: [ACME_]
    regex: 'ACME_(?P<secret>[A-Z0-9]{20})'
    entropy: 3
    severity: warning
tests: scan
generated: true
`

func TestParseFull(t *testing.T) {
	l, err := Parse([]byte(fullConfig), "/repo/.kvlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if l.Dir != "/repo" || l.Path != "/repo/.kvlint.yaml" {
		t.Errorf("Dir, Path = %q, %q", l.Dir, l.Path)
	}
	for _, tc := range []struct {
		id, name string
		want     bool
	}{
		{"KV124", "jwt", false},
		{"KV112", "github-token", false}, // disabled by name
		{"KV101", "azure-entra-client-secret", true},
		{"KV901", "acme-token", true},
	} {
		if got := l.RuleEnabled(tc.id, tc.name); got != tc.want {
			t.Errorf("RuleEnabled(%s) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if got := l.Severity("KV101", rules.SeverityError); got != rules.SeverityWarning {
		t.Errorf("Severity(KV101) = %q", got)
	}
	if got := l.Severity("KV115", rules.SeverityError); got != rules.SeverityInfo {
		t.Errorf("Severity(KV115) by name = %q", got)
	}
	if got := l.Severity("kv115", rules.SeverityError); got != rules.SeverityInfo {
		t.Errorf("Severity(kv115) in lower case = %q", got)
	}
	if got := l.Severity("KV102", rules.SeverityError); got != rules.SeverityError {
		t.Errorf("Severity(KV102) default = %q", got)
	}
	if l.Enabled("secretlog") || !l.Enabled("hardcodedcred") {
		t.Error("Enabled: secretlog should be off, hardcodedcred on")
	}
	if l.TestPolicy() != TestsScan || !l.File.Generated {
		t.Errorf("tests = %q, generated = %v", l.TestPolicy(), l.File.Generated)
	}
	info, ok := l.Rule("ACME-TOKEN")
	if !ok || info.ID != "KV901" || info.Analyzer != "hardcodedcred" || info.Severity != rules.SeverityWarning {
		t.Errorf("Rule(acme-token) = %+v, %v", info, ok)
	}
	if _, ok := l.Rule("KV999"); ok {
		t.Error("Rule(KV999) found")
	}
	// The custom rule is checked and kept for the engine (internal/engine
	// runs it), its "secret" group found.
	if cr := l.CustomRules(); len(cr) != 1 || cr[0].Info.ID != "KV901" || cr[0].SecretGroup != 1 || cr[0].Entropy != 3 {
		t.Errorf("CustomRules() = %+v", cr)
	}
	for name, want := range map[string]bool{
		"/repo/a/testdata/x.go":          true,
		"/repo/testdata/x.go":            true,
		"/repo/internal/fixtures/a/b.go": true,
		"/repo/internal/fixtures.go":     false,
		"/repo/api/v1/api.pb.go":         true,
		"/repo/api/v1/api.go":            false,
		"/other/testdata/x.go":           false, // outside the config's tree
		"/repo/main.go":                  false,
	} {
		if got := l.PathAllowed(name); got != want {
			t.Errorf("PathAllowed(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestParseEnableIsAllowlist(t *testing.T) {
	l, err := Parse([]byte("rules:\n  enable: [kv101, secret-logged]\n  disable: [KV410]\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !l.RuleEnabled("KV101", "azure-entra-client-secret") {
		t.Error("KV101 should be enabled")
	}
	if l.RuleEnabled("KV102", "azure-storage-account-key") {
		t.Error("KV102 is not in enable and should be off")
	}
	if l.RuleEnabled("KV410", "secret-logged") {
		t.Error("disable should win over enable")
	}
}

func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "\n\n", "# only a comment\n", "---\n", "~\n", "\xef\xbb\xbf"} {
		l, err := Parse([]byte(text), ".kvlint.yaml")
		if err != nil {
			t.Errorf("Parse(%q): %v", text, err)
			continue
		}
		if l == nil || !l.RuleEnabled("KV101", "") || l.PathAllowed("/x/a.go") {
			t.Errorf("Parse(%q) is not the defaults", text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown key", "version: 1\nrules:\n  disable: []\n\n\n\nentropyy:\n  generic: 3\n", `.kvlint.yaml:7: unknown key "entropyy" (did you mean "entropy"?)`},
		{"unknown nested key", "allow:\n  path: [a]\n", `.kvlint.yaml:2: unknown key "path" in allow (did you mean "paths"?)`},
		{"unknown custom rule key", "custom-rules:\n  - id: KV901\n    regex: x\n    regexp: y\n", `.kvlint.yaml:4: unknown key "regexp" in custom-rules[0]`},
		{"bad allow regex", "allow:\n  values:\n    - ok\n    - 'a(b'\n", `.kvlint.yaml:4: bad regex in allow.values: missing closing )`},
		{"bad custom regex", "custom-rules:\n  - id: KV901\n    keywords: [x]\n    regex: '[a-'\n", `.kvlint.yaml:4: custom rule KV901: bad regex: missing closing ]`},
		{"empty-matching regex", "custom-rules:\n  - id: KV901\n    regex: 'a*'\n", `.kvlint.yaml:3: custom rule KV901: regex matches the empty string`},
		{"custom without id", "custom-rules:\n  - regex: abc\n", `.kvlint.yaml:2: custom-rules[0]: id is required`},
		{"custom without regex", "custom-rules:\n  - id: KV902\n", `.kvlint.yaml:2: custom rule KV902: regex is required`},
		{"custom id taken", "custom-rules:\n  - id: KV101\n    regex: abc\n", `.kvlint.yaml:2: custom rule id "KV101" is already used`},
		{"custom entropy", "custom-rules:\n  - id: KV901\n    regex: abc\n    entropy: 9\n", `.kvlint.yaml:4: custom rule KV901: entropy 9 is outside 0-8`},
		{"bad severity", "severity:\n  KV101: critical\n", `.kvlint.yaml:2: severity "critical" of KV101 must be error, warning or info`},
		{"severity unknown rule", "severity:\n  KV999: error\n", `.kvlint.yaml:2: unknown rule "KV999" in severity`},
		{"unknown rule", "rules:\n  disable:\n    - KV101\n    - github-tokn\n", `.kvlint.yaml:4: unknown rule "github-tokn" in rules.disable`},
		{"unknown analyzer", "analyzers:\n  secretlogs: false\n", `.kvlint.yaml:2: unknown analyzer "secretlogs"`},
		{"bad version", "version: 2\n", `.kvlint.yaml:1: unsupported version 2 (want 1)`},
		{"bad tests", "tests: maybe\n", `.kvlint.yaml:1: tests "maybe" must be fixtures, scan or skip`},
		{"entropy range", "entropy:\n  generic: -1\n", `.kvlint.yaml:2: entropy.generic -1 is outside 0-8`},
		{"bad glob", "allow:\n  paths: ['a/[b']\n", `.kvlint.yaml:2: bad path pattern "a/[b"`},
		{"wrong type", "version: one\n", `.kvlint.yaml:1: cannot unmarshal !!str`},
		{"not a mapping", "- a\n- b\n", `.kvlint.yaml:1: the top level must be a mapping`},
		{"syntax", "rules: [a\n", `.kvlint.yaml:`},
		{"two documents", "version: 1\n---\nversion: 1\n", `.kvlint.yaml:2: only one YAML document is allowed`},
		{"duplicate key", "tests: scan\ntests: skip\n", `.kvlint.yaml:2: mapping key "tests" already defined at line 1`},
		{"binary", "version: 1\x00\x01", `.kvlint.yaml: config file is binary`},
		{"not utf-8", "version: 1\ntests: \xff\xfe\n", `.kvlint.yaml:2: config file is not valid UTF-8`},
		{"huge", "#" + strings.Repeat("x", MaxSize), `larger than 1048576 bytes`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.text), ".kvlint.yaml")
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestParseReportsEveryProblem(t *testing.T) {
	_, err := Parse([]byte("tests: maybe\nseverity:\n  KV101: loud\n"), "c.yaml")
	if err == nil || !strings.Contains(err.Error(), "c.yaml:1:") || !strings.Contains(err.Error(), "c.yaml:3:") {
		t.Errorf("want both problems, got %v", err)
	}
}

func TestParseAliasesStayCheap(t *testing.T) {
	// A long list of scalars referenced many times must not be walked each time.
	var b strings.Builder
	b.WriteString("allow:\n  values: &v [")
	for i := range 20000 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("a")
	}
	b.WriteString("]\ncustom-rules:\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "  - {id: KV9%04d, regex: abc, keywords: *v}\n", i)
	}
	start := time.Now()
	_, err := Parse([]byte(b.String()), "c.yaml")
	if err == nil {
		t.Log("accepted")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Parse took %v", d)
	}
}

func TestRegexErrorDoesNotEchoLongPattern(t *testing.T) {
	// Someone may put a (fake) secret in an allow regex; errors must not print it whole.
	value := "Zq7" + strings.Repeat("Xk9", 10) + "("
	_, err := Parse([]byte("allow:\n  values: ['"+value+"']\n"), "c.yaml")
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), value[:len(value)-1]) {
		t.Error("error message holds the whole pattern")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("allow:\n  paths: [gen/]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if l.Dir != dir || !l.PathAllowed(filepath.Join(dir, "gen", "x.go")) || l.PathAllowed(filepath.Join(dir, "x.go")) {
		t.Errorf("Dir = %q; paths not relative to it", l.Dir)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("Load of a missing file: no error")
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("Load of a directory: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("#"+strings.Repeat("x", 2*MaxSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load of a huge file: %v", err)
	}
}

func TestSourceForDir(t *testing.T) {
	root := t.TempDir()
	// root/repo is a git checkout with a config at its root and a nested module;
	// root/repo/svc/b has its own config. A config above the checkout never applies.
	testfs.Write(t, root, `
-- .kvlint.yaml --
tests: skip
-- repo/.git/HEAD --
ref: refs/heads/main
-- repo/.kvlint.yaml --
tests: scan
-- repo/svc/go.mod --
module svc
-- repo/svc/a/a.go --
package a
-- repo/svc/b/.kvlint.yaml --
tests: fixtures
-- other/.git/HEAD --
ref: refs/heads/main
-- other/pkg/p.go --
package p
`)

	src := &Source{}
	a, err := src.ForDir(filepath.Join(root, "repo", "svc", "a"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Path != filepath.Join(root, "repo", FileName) || a.TestPolicy() != TestsScan {
		t.Errorf("svc/a: got %q (%s), want the repository root's config", a.Path, a.TestPolicy())
	}
	b, err := src.ForDir(filepath.Join(root, "repo", "svc", "b"))
	if err != nil {
		t.Fatal(err)
	}
	if b.Path != filepath.Join(root, "repo", "svc", "b", FileName) {
		t.Errorf("svc/b: got %q, want its own config", b.Path)
	}
	o, err := src.ForDir(filepath.Join(root, "other", "pkg"))
	if err != nil {
		t.Fatal(err)
	}
	if o.Path != "" || o.TestPolicy() != TestsFixtures {
		t.Errorf("other/pkg: got %q, want defaults (no walking above .git)", o.Path)
	}

	// Cached: the same *Loaded for the same dir and for dirs sharing a file,
	// even after the file changes on disk.
	testfs.Write(t, root, "-- repo/.kvlint.yaml --\ntests: [broken\n")
	a2, err := src.ForDir(filepath.Join(root, "repo", "svc", "a"))
	if err != nil || a2 != a {
		t.Errorf("second ForDir: %p, %v; want cached %p", a2, err, a)
	}
	r, err := src.ForDir(filepath.Join(root, "repo"))
	if err != nil || r != a {
		t.Errorf("ForDir(repo) = %p, %v; want the cached %p", r, err, a)
	}
	// A fresh Source sees the broken file and reports it with file:line.
	_, err = (&Source{}).ForDir(filepath.Join(root, "repo", "svc", "a"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(root, "repo", FileName)+":1:") {
		t.Errorf("broken config: %v", err)
	}
}

func TestSourcePathAndFixed(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "custom.yaml")
	testfs.Write(t, dir, "-- custom.yaml --\ntests: skip\n")
	src := &Source{Path: p}
	for _, d := range []string{dir, t.TempDir(), "/"} {
		l, err := src.ForDir(d)
		if err != nil || l.TestPolicy() != TestsSkip {
			t.Errorf("ForDir(%s) with Path = %v, %v", d, l, err)
		}
	}
	fixed := &Loaded{}
	if l, _ := (&Source{Fixed: fixed, Path: p}).ForDir(dir); l != fixed {
		t.Error("Fixed is not used")
	}
	if l, err := (*Source)(nil).ForDir(dir); err != nil || l == nil || l.Path != "" {
		t.Errorf("nil Source = %v, %v; want defaults", l, err)
	}
	if _, err := (&Source{Path: filepath.Join(dir, "missing.yaml")}).ForDir(dir); err == nil {
		t.Error("missing -config file: no error")
	}
}

func TestSourceConcurrent(t *testing.T) {
	root := t.TempDir()
	testfs.Write(t, root, "-- .git/HEAD --\nx\n-- .kvlint.yaml --\ntests: scan\n")
	src := &Source{}
	var wg sync.WaitGroup
	got := make([]*Loaded, 16)
	for i := range got {
		wg.Go(func() {
			l, err := src.ForDir(filepath.Join(root, "p", string(rune('a'+i%4))))
			if err != nil {
				t.Error(err)
			}
			got[i] = l
		})
	}
	wg.Wait()
	for _, l := range got {
		if l != got[0] {
			t.Fatal("dirs under one config got different *Loaded values")
		}
	}
}

func TestDecode(t *testing.T) {
	l, err := Decode(map[string]any{
		"rules":    map[string]any{"disable": []any{"KV124"}},
		"severity": map[string]any{"kv101": "warning"}, // golangci-lint lowercases keys
		"allow":    map[string]any{"paths": []any{"gen/"}},
		"custom-rules": []any{
			map[string]any{"id": "KV901", "regex": "ACME_[A-Z0-9]{20}"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if l.RuleEnabled("KV124", "jwt") || l.Severity("KV101", rules.SeverityError) != rules.SeverityWarning {
		t.Error("settings not applied")
	}
	if _, ok := l.Rule("KV901"); !ok {
		t.Error("custom rule missing")
	}
	if l, err := Decode(nil); err != nil || l == nil {
		t.Errorf("Decode(nil) = %v, %v", l, err)
	}
	if _, err := Decode(map[any]any{"tests": "scan"}); err != nil {
		t.Errorf("Decode(map[any]any): %v", err)
	}
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"entropyy": 3}, `kvlint settings: unknown key "entropyy"`},
		{map[string]any{"allow": map[string]any{"value": []any{"x"}}}, `kvlint settings: unknown key "value"`},
		{map[string]any{"allow": map[string]any{"values": []any{"(x"}}}, `kvlint settings: bad regex in allow.values`},
		{map[string]any{"severity": map[string]any{"KV101": "loud"}}, `kvlint settings: severity "loud"`},
		{map[string]any{"version": "one"}, `kvlint settings: cannot unmarshal`},
		{map[string]any{"tests": func() {}}, `kvlint settings:`},
	} {
		_, err := Decode(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Decode(%v) = %v, want %q", tc.settings, err, tc.want)
		}
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		// normGlob's readings; the matching itself is internal/glob's (glob_test.go).
		{"*_gen.go", "deep/dir/x_gen.go", true}, // no slash: a file name in any directory
		{"./docs/", "docs/a/b.md", true},        // "./" goes, "dir/" is everything below dir
		{"/a/*.go", "a/b.go", true},             // a leading slash anchors at the root, as without it
		{"docs/", "docsx/a.md", false},
	} {
		if got := matchGlob(normGlob(tc.pattern), tc.name); got != tc.want {
			t.Errorf("match(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestKnownRule(t *testing.T) {
	for _, ref := range []string{"KV001", "kv002", "github-token", "KV420", "Vault-Call-Per-Request"} {
		if _, ok := KnownRule(ref); !ok {
			t.Errorf("KnownRule(%q) not found", ref)
		}
	}
	if info, _ := KnownRule("KV205"); info.Analyzer != "clientsecretauth" {
		t.Errorf("KV205 analyzer = %q", info.Analyzer)
	}
	if _, ok := KnownRule("KV999"); ok {
		t.Error("KV999 found")
	}
}

func TestNilLoaded(t *testing.T) {
	var l *Loaded
	if !l.Enabled("x") || !l.RuleEnabled("KV101", "") || l.PathAllowed("/a") || l.Severity("KV101", "error") != "error" {
		t.Error("nil *Loaded is not the defaults")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(fullConfig))
	f.Add([]byte("version: 1\nrules: {disable: [KV101]}\n"))
	f.Add([]byte("a: &x [1, *x]\n"))
	f.Add([]byte("allow:\n  values: ['(']\n"))
	f.Add([]byte("<<: {tests: scan}\n"))
	f.Add([]byte("x: &k [a, b]\ncustom-rules: [&r {id: KV901, regex: abc, keywords: *k}, *r]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data, ".kvlint.yaml")
		if err == nil && l == nil {
			t.Fatal("nil Loaded without an error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), ".kvlint.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
		if err == nil {
			l.PathAllowed("/x/y/testdata/a.go")
			l.RuleEnabled("KV101", "azure-entra-client-secret")
		}
	})
}

func TestKnownTableMatchesEngine(t *testing.T) {
	for _, r := range detect.Builtin() {
		info, ok := KnownRule(r.ID)
		if !ok || info.Name != r.Name || info.Analyzer != DetectAnalyzer {
			t.Errorf("engine rule %s (%s): config knows %+v", r.ID, r.Name, info)
		}
	}
	if len(detect.Builtin()) == 0 {
		return // the engine's rules are not there yet
	}
	// Every registered rule (stated once where it lives) resolves by ID and
	// by name, to the same analyzer.
	reg := rules.Registered()
	if len(reg) == 0 {
		t.Fatal("no rule registered: the analyzers' init did not run")
	}
	for _, r := range reg {
		for _, ref := range []string{r.ID, r.Name} {
			if info, ok := KnownRule(ref); !ok || info.ID != r.ID || info.Analyzer != r.Analyzer {
				t.Errorf("registered %s (%s, %s): config resolves %q to %+v", r.ID, r.Name, r.Analyzer, ref, info)
			}
		}
	}
}
