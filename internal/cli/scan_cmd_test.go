package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// Fake credentials, generated at test time in formats the real engine knows.
var (
	scanToken    = detect.FakeCRCToken("ghp_", "scan-test-github")
	scanToken2   = detect.FakeCRCToken("ghp_", "scan-test-github-2")
	scanPassword = detect.Fake("scan-test-password", "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24)
)

// runScanIn runs kvlint scan in dir and returns its exit status and outputs.
func runScanIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := runScan(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// noSecret fails if any of the fake secrets appears in s.
func noScanSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{scanToken, scanToken2, scanPassword} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows a full secret (%s)", what, detect.Redact(secret))
		}
	}
}

func TestScanFindsAndRedacts(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- deploy/values.yaml --
image: app
db:
  password: `+scanPassword+`
-- .env --
GITHUB_TOKEN=`+scanToken+`
-- clean.json --
{"name": "app", "password": "${DB_PASSWORD}"}
-- cmd/main.go --
package main

var token = "`+scanToken2+`"

func main() {}
`)
	code, out, errs := runScanIn(t, dir)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr: %s", code, ExitFindings, errs)
	}
	noScanSecret(t, "text output", out+errs)
	want := []string{
		".env:1:14: KV112 ",
		filepath.Join("cmd", "main.go") + ":3:13: KV112 ", // the opening quote, as lint reports it
		filepath.Join("deploy", "values.yaml") + ":3:13: KV100 ",
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("finding %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	if !strings.Contains(out, detect.Redact(scanToken)) {
		t.Errorf("output lacks the redacted preview %q", detect.Redact(scanToken))
	}

	// JSON: the go/analysis shape.
	code, out, _ = runScanIn(t, dir, "-format", "json")
	if code != ExitFindings {
		t.Errorf("-format json: exit %d, want %d", code, ExitFindings)
	}
	noScanSecret(t, "JSON output", out)
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("JSON output: %v", err)
	}
	n := 0
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			n += len(diags)
		}
	}
	if n != 3 {
		t.Errorf("JSON holds %d diagnostics, want 3", n)
	}

	// SARIF: rules and results.
	code, out, _ = runScanIn(t, dir, ".", "-format", "sarif") // flags may follow paths
	if code != ExitFindings {
		t.Errorf("-format sarif: exit %d, want %d", code, ExitFindings)
	}
	noScanSecret(t, "SARIF output", out)
	var sarif struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 3 {
		t.Errorf("SARIF: version %q, err %v, %d runs", sarif.Version, err, len(sarif.Runs))
	}
}

func TestScanCleanAndErrors(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- a.yaml --
password: ${DB_PASSWORD}
user: admin
`)
	if code, out, errs := runScanIn(t, dir); code != ExitClean || out != "" {
		t.Errorf("clean tree: exit %d, output %q, stderr %q", code, out, errs)
	}
	// Bad usage exits 2 as the README states (kvlint scan exited 1 before
	// the command moved to internal/cli); what cannot be read exits 1.
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"-format", "xml"}, ExitUsage},
		{[]string{"-max-size", "ten"}, ExitUsage},
		{[]string{"-nosuchflag"}, ExitUsage},
		{[]string{"-staged", "-diff", "HEAD"}, ExitUsage},
		{[]string{"-baseline", "a", "-write-baseline", "b"}, ExitUsage},
		{[]string{"-C", filepath.Join(dir, "nonexistent")}, ExitUsage},
		{[]string{"missing-dir"}, ExitError},
		{[]string{"-config", "missing.yaml"}, ExitError},
	} {
		code, _, errs := runScanIn(t, dir, c.args...)
		if code != c.want || !strings.Contains(errs, "kvlint scan") && !strings.Contains(errs, "flag") {
			t.Errorf("%q: exit %d, stderr %q; want exit %d with a message", c.args, code, errs, c.want)
		}
	}
	if _, _, errs := runScanIn(t, dir, "-C", filepath.Join(dir, "nonexistent")); !strings.Contains(errs, "directory does not exist") {
		t.Errorf("-C nonexistent: stderr %q, want it to say the directory does not exist", errs)
	}
	// One typo is one error line however many files it governs.
	testfs.Write(t, dir, `
-- .kvlint.yaml --
version: 1
nosuchkey: true
-- b.yaml --
x: 1
-- sub/c.yaml --
y: 2
`)
	if code, _, errs := runScanIn(t, dir); code != ExitError || !strings.Contains(errs, ".kvlint.yaml") || strings.Count(errs, "nosuchkey") != 1 {
		t.Errorf("bad config: exit %d, stderr %q; want 1 naming the file once", code, errs)
	}
}

// TestScanDirFlag: -C DIR means what it means for lint: paths, -config and
// baselines are relative to DIR, and output names files relative to it.
func TestScanDirFlag(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- sub/.env --
GITHUB_TOKEN=`+scanToken+`
-- sub/all.yaml --
version: 1
disable: [KV112]
`)
	other := t.TempDir()
	code, out, errs := runScanIn(t, other, "-C", filepath.Join(dir, "sub"), ".")
	if code != ExitFindings || !strings.HasPrefix(out, ".env:1:14: KV112 ") {
		t.Errorf("-C sub: exit %d, output %q, stderr %q; want .env:1:14: KV112", code, out, errs)
	}
	if code, out, errs := runScanIn(t, other, "-C", filepath.Join(dir, "sub"), "-config", "all.yaml", "-write-baseline", "b.yaml"); code != ExitClean || out != "" {
		t.Errorf("-C sub -config all.yaml: exit %d, output %q, stderr %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub", "b.yaml")); err != nil {
		t.Errorf("-write-baseline under -C: %v", err)
	}
}

func TestScanConfig(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- .env --
X=`+scanToken+`
-- fixtures/x.env --
X=`+scanToken2+`
-- sub/.kvlint.yaml --
version: 1
rules:
  disable: [github-token]
-- sub/y.env --
X=`+scanToken2+`
-- .kvlint.yaml --
version: 1
allow:
  paths: ["fixtures/"]
`)
	code, out, errs := runScanIn(t, dir)
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, ".env:1:3: KV112") {
		t.Errorf("exit %d, output %q, stderr %q; want only .env (fixtures allowed, sub disables the rule)", code, out, errs)
	}
	// -config names one file for all.
	testfs.Write(t, dir, `
-- all.yaml --
version: 1
rules:
  disable: [KV112]
`)
	if code, out, _ := runScanIn(t, dir, "-config", "all.yaml"); code != ExitClean {
		t.Errorf("-config disabling KV112: exit %d, output %q", code, out)
	}
}

func TestScanBaseline(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- a.env --
GITHUB_TOKEN=`+scanToken+`
`)
	base := filepath.Join(dir, "kvlint-baseline.yaml")
	if code, _, errs := runScanIn(t, dir, "-write-baseline", base); code != ExitClean {
		t.Fatalf("-write-baseline: exit %d, stderr %q", code, errs)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	noScanSecret(t, "baseline file", string(data))
	if code, out, _ := runScanIn(t, dir, "-baseline", base); code != ExitClean {
		t.Errorf("with baseline: exit %d, output %q; want 0", code, out)
	}
	// The old secret moves down a line, a new one appears: only the new one is reported.
	testfs.Write(t, dir, `
-- a.env --
# moved
GITHUB_TOKEN=`+scanToken+`
OTHER=`+scanToken2+`
`)
	code, out, _ := runScanIn(t, dir, "-baseline", base)
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "a.env:3:") {
		t.Errorf("with baseline after a change: exit %d, output %q; want only a.env:3", code, out)
	}
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestScanStagedAndDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	// old.env is committed: not reported.
	testfs.Write(t, dir, `
-- old.env --
GITHUB_TOKEN=`+scanToken+`
-- keep.txt --
hello
`)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "base")

	testfs.Write(t, dir, `
-- old.env --
GITHUB_TOKEN=`+scanToken+`
NEW_TOKEN=`+scanToken2+`
-- sub/new.yaml --
db:
  password: `+scanPassword+`
-- unstaged.env --
X=`+scanToken2+`
-- keep.txt --
hello
world
`)
	git(t, dir, "add", "old.env", "sub/new.yaml", "keep.txt")
	// The work tree loses the staged secret: --staged reads the index.
	testfs.Write(t, dir, `
-- sub/new.yaml --
db: {}
`)

	code, out, errs := runScanIn(t, dir, "-staged")
	noScanSecret(t, "-staged output", out+errs)
	want := "old.env:2:11: KV112 "
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitFindings || len(lines) != 2 || !strings.HasPrefix(lines[0], want) ||
		!strings.HasPrefix(lines[1], filepath.Join("sub", "new.yaml")+":2:13: KV100") {
		t.Errorf("-staged: exit %d, output:\n%s\nstderr %q; want old.env:2 and sub/new.yaml:2", code, out, errs)
	}
	// Paths restrict the staged files.
	if code, out, _ := runScanIn(t, dir, "-staged", "sub"); code != ExitFindings || strings.Count(out, "\n") != 1 {
		t.Errorf("-staged sub: exit %d, output %q; want one finding", code, out)
	}

	git(t, dir, "commit", "-q", "-m", "second")
	if code, out, _ := runScanIn(t, dir, "-staged"); code != ExitClean {
		t.Errorf("-staged with nothing staged: exit %d, output %q", code, out)
	}
	// -diff HEAD~1: lines of the work tree added since the first commit
	// (sub/new.yaml now has no secret in the work tree; unstaged.env is untracked).
	code, out, _ = runScanIn(t, dir, "-diff", "HEAD~1")
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("-diff HEAD~1: exit %d, output %q; want only %s", code, out, want)
	}
	if code, _, errs := runScanIn(t, dir, "-diff", "no-such-rev"); code != ExitError || !strings.Contains(errs, "git diff") {
		t.Errorf("-diff bad rev: exit %d, stderr %q", code, errs)
	}
}

func TestScanPEMAcrossLines(t *testing.T) {
	dir := t.TempDir()
	body := detect.Fake("scan-test-pem", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64*5)
	var pem strings.Builder
	for i := 0; i < len(body); i += 64 {
		pem.WriteString("    " + body[i:i+64] + "\n")
	}
	testfs.Write(t, dir, `
-- chart/values.yaml --
tls:
  key: |
    -----BEGIN RSA PRIVATE KEY-----
`+pem.String()+`    -----END RSA PRIVATE KEY-----
-- chart/public.yaml --
ca: |
    -----BEGIN CERTIFICATE-----
`+pem.String()+`    -----END CERTIFICATE-----
`)
	code, out, errs := runScanIn(t, dir)
	if strings.Contains(out+errs, body[:64]) {
		t.Fatal("output shows the key body")
	}
	want := filepath.Join("chart", "values.yaml") + ":3:5: KV125 "
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, want) {
		t.Errorf("exit %d, output %q; want one finding %q", code, out, want)
	}
}

func TestScanGoPackagesWithoutGoFiles(t *testing.T) {
	// No .go file among the names: nothing to lint, no child process.
	code, out, errs := runScanIn(t, t.TempDir(), "-go-packages", "README.md", "testdata/x.go")
	if code != ExitClean || out != "" || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want a silent 0", code, out, errs)
	}
}

// TestScanGoPackagesInProcess: -go-packages lints the packages of the named
// files with the lint driver in this process (it re-executed its own binary,
// which in a test is the test binary), per module, with -C and -config.
func TestScanGoPackagesInProcess(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- go.mod --
module example.com/m

go 1.22
-- a/a.go --
package a

var githubToken = "`+scanToken+`"
-- b/b.go --
package b
-- tools/go.mod --
module example.com/tools

go 1.22
-- tools/t/t.go --
package t

var password = "`+scanPassword+`"
-- off.yaml --
version: 1
rules:
  disable: [KV112, KV100]
-- untouched.yaml --
token: `+scanToken2+`
`)
	code, out, errs := runScanIn(t, t.TempDir(), "-C", dir, "-go-packages", "a/a.go", "b/b.go", "tools/t/t.go", "untouched.yaml")
	noScanSecret(t, "-go-packages output", out+errs)
	if code != ExitFindings || !strings.Contains(out, "a.go:3:") || !strings.Contains(out, "t.go:3:") || strings.Contains(out, "untouched") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s\nwant findings in a.go and tools/t/t.go only", code, out, errs)
	}
	if code, out, errs := runScanIn(t, dir, "-go-packages", "-config", "off.yaml", "b/b.go"); code != ExitClean || out != "" {
		t.Errorf("clean package: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// scan's -format and -q apply to the lint run.
	code, out, errs = runScanIn(t, dir, "-go-packages", "-q", "-format", "sarif", "a/a.go")
	if code != ExitFindings || !strings.Contains(out, `"uri": "a/a.go"`) || errs != "" {
		t.Errorf("-q -format sarif: exit %d, stdout:\n%s\nstderr %q; want SARIF and no summary", code, out, errs)
	}
}

// TestMainSaysWhatItSkipped: under -q, a binary file named on the command
// line is still said to be unscanned; a file found by walking is not
// repeated under -q; without -q both are noted.
func TestScanSaysWhatItSkipped(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `-- logo.png --
`+"\x89PNG\r\n\x1a\n\x00\x00\x00\r"+`IHDR
-- assets/icon.png --
`+"\x89PNG\x00\x00\x00\n")
	code, _, errs := runScanIn(t, dir, "-q", "logo.png", "assets")
	if code != ExitClean || !strings.Contains(errs, "warning: logo.png was not scanned (binary)") || strings.Contains(errs, "icon.png") {
		t.Errorf("-q with a named binary file: exit %d, stderr %q; want a warning for logo.png only", code, errs)
	}
	_, _, errs = runScanIn(t, dir, "assets")
	if !strings.Contains(errs, "icon.png: skipped, binary") {
		t.Errorf("walked binary file: stderr %q; want a note", errs)
	}
}

// TestMainSummaryLine: scan's text output ends with a count of what was
// scanned, found and skipped; -q leaves it out.
func TestScanSummaryLine(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- deploy.sh --
curl -H "Authorization: token `+scanToken+`" https://x
-- notes.txt --
nothing here
-- logo.png --
`+"\x89PNG\x00\x00\n")
	_, _, errs := runScanIn(t, dir)
	if !strings.Contains(errs, "kvlint scan: 2 files scanned: 1 finding, 1 file skipped") {
		t.Errorf("stderr %q lacks the summary", errs)
	}
	if _, _, errs := runScanIn(t, dir, "-q"); strings.Contains(errs, "files scanned") {
		t.Errorf("-q: summary printed: %q", errs)
	}
}

// TestScanSummaryCounts: the summary counts findings hidden by directives
// (a kvlint:ignore line and a kvlint:file-ignore file), by the baseline,
// and files skipped (binary, over -max-size), each by its own clause.
func TestScanSummaryCounts(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- deploy.sh --
# kvlint:ignore KV112 revoked, kept for the incident write-up
curl -H "Authorization: token `+scanToken+`" https://x
-- old.env --
# kvlint:file-ignore KV112 fixtures of a revoked token
A=`+scanToken2+`
-- values.yaml --
db:
  password: `+scanPassword+`
-- logo.png --
`+"\x89PNG\x00\x00\n"+`-- big.txt --
`+strings.Repeat("x", 2048)+`
`)
	code, out, errs := runScanIn(t, dir, "-max-size", "1KiB")
	noScanSecret(t, "scan output", out+errs)
	want := "kvlint scan: 3 files scanned: 1 finding, 2 suppressed, 2 files skipped (see the notes above)\n"
	if code != ExitFindings || !strings.HasSuffix(errs, want) {
		t.Errorf("exit %d, stderr %q; want it to end with %q", code, errs, want)
	}
	base := filepath.Join(t.TempDir(), "base.json") // not a file scanned
	if code, _, errs := runScanIn(t, dir, "-write-baseline", base); code != ExitClean {
		t.Fatalf("-write-baseline: exit %d, %s", code, errs)
	}
	_, _, errs = runScanIn(t, dir, "-baseline", base, "-max-size", "1KiB", ".")
	want = "kvlint scan: 3 files scanned: 0 findings, 2 suppressed, 1 in the baseline, 2 files skipped (see the notes above)\n"
	if !strings.HasSuffix(errs, want) {
		t.Errorf("with the baseline: stderr %q; want it to end with %q", errs, want)
	}
}
