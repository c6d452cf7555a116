package integration

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/detect"
)

// golangciBinary returns a golangci-lint v2.15.0 with the kvlint plugin,
// built from the wrapper module in golangci/ (module proxy only). The binary
// is cached under os.UserCacheDir()/kvlint-golangci, keyed by a hash of the
// Go version, the wrapper's go.mod/go.sum/main.go and kvlint's non-test
// sources, so reruns take seconds; a cold build takes minutes.
func golangciBinary(t *testing.T, root string) string {
	t.Helper()
	key := sourceKey(t, root)
	cacheRoot, err := os.UserCacheDir()
	if err != nil {
		cacheRoot = os.TempDir()
	}
	cacheDir := filepath.Join(cacheRoot, "kvlint-golangci")
	bin := filepath.Join(cacheDir, key, "golangci-lint")
	if _, err := os.Stat(bin); err == nil {
		t.Logf("custom golangci-lint: cached %s", bin)
		return bin
	}
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tmp := bin + fmt.Sprintf(".tmp%d", os.Getpid())
	cmd := exec.Command("go", "build", "-trimpath", "-o", tmp, ".")
	cmd.Dir = filepath.Join(root, "integration", "golangci")
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		t.Fatalf("building the custom golangci-lint: %v\n%s", err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("custom golangci-lint: built in %v: %s", time.Since(start).Round(time.Second), bin)
	// Keep only this build.
	if entries, err := os.ReadDir(cacheDir); err == nil {
		for _, e := range entries {
			if e.Name() != key {
				os.RemoveAll(filepath.Join(cacheDir, e.Name()))
			}
		}
	}
	return bin
}

// sourceKey hashes what the custom binary is built from.
func sourceKey(t *testing.T, root string) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintf(h, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if name := d.Name(); rel != "." && (name == "testdata" || name == "bench" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"),
			strings.HasSuffix(rel, "go.mod"), strings.HasSuffix(rel, "go.sum"),
			strings.HasSuffix(rel, ".md") && strings.Contains(rel, "analyzers/"): // embedded docs
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", f, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}

// placeholder matches {{kind:seed}} in fixture files.
var placeholder = regexp.MustCompile(`\{\{(ghp|fake|jwt):([a-z0-9-]+)\}\}`)

// fakeValue generates the fake credential a placeholder stands for.
func fakeValue(kind, seed string) string {
	switch kind {
	case "ghp":
		return detect.FakeCRCToken("ghp_", "golangci-"+seed)
	case "jwt":
		enc := base64.RawURLEncoding.EncodeToString
		return enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
			enc([]byte(`{"sub":"kvlint-fixture","iat":1700000000}`)) + "." +
			detect.Fake("golangci-"+seed, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 43)
	}
	return detect.Fake("golangci-"+seed, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24)
}

// copyFixture copies the fixture module to a temporary directory, filling
// in fake credentials, and returns the directory and the values used.
func copyFixture(t *testing.T, src string) (string, []string) {
	t.Helper()
	dst := t.TempDir()
	var values []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out := placeholder.ReplaceAllStringFunc(string(data), func(m string) string {
			sub := placeholder.FindStringSubmatch(m)
			v := fakeValue(sub[1], sub[2])
			values = append(values, v)
			return v
		})
		p := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(out), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst, values
}

// gclIssue is one issue of golangci-lint's text output.
type gclIssue struct {
	File   string // slash path relative to the module
	Line   int
	Text   string
	Linter string
}

// issueLine matches "file.go:12:5: message (linter)".
var issueLine = regexp.MustCompile(`^(\S+\.go):(\d+):(?:\d+:)? (.*) \(([a-z0-9_-]+)\)$`)

// runGolangci runs golangci-lint in dir with config (as .golangci.yml) and
// returns the issues of its text output and the combined output.
func runGolangci(t *testing.T, bin, dir, config string) ([]gclIssue, string, error) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "run", "--allow-parallel-runners", "--output.text.path=stdout", "--output.text.colors=false", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	var issues []gclIssue
	for _, line := range strings.Split(string(out), "\n") {
		if m := issueLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			issues = append(issues, gclIssue{File: filepath.ToSlash(m[1]), Line: n, Text: m[3], Linter: m[4]})
		}
	}
	return issues, string(out), err
}

// TestGolangciPlugin builds golangci-lint v2.15.0 with the kvlint plugin
// and runs it on a fixture module with the README's configuration
// (golangci/golangci.example.yml, verbatim): findings, settings (a disabled
// rule, an allowlisted path) and //nolint:kvlint are checked.
func TestGolangciPlugin(t *testing.T) {
	need(t, "go", "install Go")
	t.Parallel()
	root := repoRoot(t)
	bin := golangciBinary(t, root)

	example, err := os.ReadFile(filepath.Join(root, "integration", "golangci", "golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir, values := copyFixture(t, filepath.Join(root, "testdata", "modules", "golangci"))

	start := time.Now()
	issues, out, err := runGolangci(t, bin, dir, string(example))
	t.Logf("golangci-lint run on the fixture: %v", time.Since(start).Round(time.Millisecond))
	for _, v := range values {
		if strings.Contains(out, v) {
			t.Fatalf("golangci-lint output shows a full fake secret (%s):\n%s", detect.Redact(v), sanitize(out, values))
		}
	}
	out = sanitize(out, values)
	if err == nil {
		t.Fatalf("golangci-lint passed a module with secrets; output:\n%s", out)
	}
	var got []string
	for _, is := range issues {
		if is.Linter != "kvlint" {
			t.Errorf("issue from %s: %s", is.Linter, is.Text)
			continue
		}
		got = append(got, fmt.Sprintf("%s:%d", is.File, is.Line))
	}
	slices.Sort(got)
	// fixture.go:9 uploadToken (KV112); fixture.go:22 dbPassword (KV100).
	// Not reported: fixture.go:12 (//nolint:kvlint), fixture.go:15 (jwt is
	// disabled), internal/fixtures (allow.paths).
	want := []string{"fixture.go:22", "fixture.go:9"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kvlint issues = %q, want %q\noutput:\n%s", got, want, out)
	}
	for _, is := range issues {
		if is.Line == 9 && !strings.Contains(strings.ToLower(is.Text), "github") {
			t.Errorf("fixture.go:9: message %q does not name the GitHub token", is.Text)
		}
	}

	// Without the settings, the disabled rule and the allowlisted path report.
	plain := strings.Replace(string(example), "        settings:\n", "        settings-off:\n", 1)
	plain = regexp.MustCompile(`(?m)^        settings-off:\n(          .*\n)+`).ReplaceAllString(plain, "")
	issues, out, _ = runGolangci(t, bin, dir, plain)
	out = sanitize(out, values)
	lines := map[string]bool{}
	for _, is := range issues {
		lines[fmt.Sprintf("%s:%d", is.File, is.Line)] = true
	}
	for _, w := range []string{"fixture.go:9", "fixture.go:15", "internal/fixtures/fixtures.go:5"} {
		if !lines[w] {
			t.Errorf("without settings: no issue at %s; got %v\n%s", w, lines, out)
		}
	}
	if lines["fixture.go:12"] {
		t.Errorf("//nolint:kvlint did not suppress fixture.go:12")
	}

	// Unknown settings keys are errors.
	bad := strings.Replace(string(example), "          rules:\n", "          no-such-option: true\n          rules:\n", 1)
	_, out, err = runGolangci(t, bin, dir, bad)
	out = sanitize(out, values)
	if err == nil || !strings.Contains(out, "no-such-option") {
		t.Errorf("unknown settings key: err %v, output:\n%s", err, out)
	}
}

// sanitize replaces the fake secrets in s with their redacted previews, so
// that failure messages never show a full value.
func sanitize(s string, values []string) string {
	for _, v := range values {
		s = strings.ReplaceAll(s, v, detect.Redact(v))
	}
	return s
}
