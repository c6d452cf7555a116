package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
	"github.com/kvlint/kvlint/scan"
)

// Fake secrets for the explain tests, generated (checksum-valid where the
// format has a checksum).
var (
	exToken  = detect.FakeCRCToken("ghp_", "explain-cli-token")
	exToken2 = detect.FakeCRCToken("ghp_", "explain-cli-token-2")
	exPass   = detect.Fake("explain-cli-pw", "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%", 22)
)

// explainModule writes a Go module that type-checks and returns its directory.
// The txtar archive holds its files but go.mod.
func explainModule(t *testing.T, archive string) string {
	t.Helper()
	dir := testfs.Dir(t, archive)
	testfs.Write(t, dir, "-- go.mod --\nmodule example.com/explain\n\ngo 1.22\n")
	return dir
}

// explainIn runs kvlint explain in dir and checks that no output shows a
// fake secret (more than Redact's preview of it).
func explainIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	code, out, errs := run(t, append([]string{"explain", "-C", dir}, args...)...)
	noExplainLeak(t, out+errs+jsonStrings([]byte(out)))
	return code, out, errs
}

// noExplainLeak fails if s holds any piece of a fake secret that Redact
// would not show.
func noExplainLeak(t *testing.T, s string) {
	t.Helper()
	for _, secret := range []string{exToken, exToken2, exPass} {
		for _, p := range secretPieces(secret) {
			if strings.Contains(s, p) {
				t.Fatalf("explain output shows a secret (%s):\n%s", detect.Redact(secret), s)
			}
		}
	}
}

// explainJSON runs kvlint explain -format json and decodes the report.
func explainJSON(t *testing.T, dir string, wantCode int, args ...string) *explainReport {
	t.Helper()
	code, out, errs := explainIn(t, dir, append([]string{"-format", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("explain %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, wantCode, out, errs)
	}
	var r explainReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("explain %v: %v\n%s", args, err, out)
	}
	return &r
}

// verdicts returns "RULE outcome" for every verdict of the report.
func verdicts(r *explainReport) []string {
	var out []string
	for _, s := range r.Strings {
		for _, v := range s.Verdicts {
			out = append(out, v.Rule+" "+v.Outcome)
		}
	}
	return out
}

func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s: no %q in:\n%s", what, w, s)
		}
	}
}

func TestExplainGoReported(t *testing.T) {
	dir := explainModule(t, `
-- app/app.go --
package app

var githubToken = "`+exToken+`"

var dbPassword = "`+exPass+`"
`)
	code, out, errs := explainIn(t, dir, "app/app.go:3")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d (a finding is reported there)\n%s%s", code, ExitFindings, out, errs)
	}
	mustContain(t, "token", out, "app/app.go:3: read type-aware", "place: var", `name "githubToken"`,
		"KV112 github-token runs: one of its keywords occurs", "KV112 github-token matches, candidate", "found, high confidence", "verdict: KV112 github-token (high confidence)", "reported at 3:19",
		detect.Redact(exToken))
	if strings.Contains(out, "KV100 generic-secret (") {
		t.Errorf("line 3 explains the password of line 5:\n%s", out)
	}

	r := explainJSON(t, dir, ExitFindings, "app/app.go:5")
	if r.Mode != "type-aware, as kvlint lint does" || len(r.Strings) != 1 {
		t.Fatalf("mode %q, %d strings", r.Mode, len(r.Strings))
	}
	s := r.Strings[0]
	if s.Judged[0].Context.Name != "dbPassword" || s.Judged[0].Context.Kind != "assign" {
		t.Errorf("context %+v, want assign to dbPassword", s.Judged[0].Context)
	}
	if len(s.Verdicts) != 1 || s.Verdicts[0].Rule != "KV100" || s.Verdicts[0].Outcome != "reported" || s.Verdicts[0].Confidence == "" {
		t.Errorf("verdicts %+v, want KV100 reported with a confidence", s.Verdicts)
	}
}

func TestExplainGoFilterAndNoContext(t *testing.T) {
	dir := explainModule(t, `
-- app/app.go --
package app

var dbPassword = "${DB_PASSWORD}"

var adminPassword = "/etc/app/secrets/db.txt"

var seen = map[string]bool{"`+exPass+`": true}
`)
	for line, filter := range map[int]string{3: "placeholder", 5: "path"} {
		code, out, _ := explainIn(t, dir, fmt.Sprintf("app/app.go:%d", line))
		if code != ExitClean {
			t.Errorf("line %d: exit %d, want 0", line, code)
		}
		mustContain(t, filter, out, fmt.Sprintf("rejected by filter %q", filter), "verdict: nothing found")
	}
	r := explainJSON(t, dir, ExitClean, "app/app.go:7")
	if len(r.Strings) != 1 {
		t.Fatalf("%d strings on line 7, want 1", len(r.Strings))
	}
	s := r.Strings[0]
	j := s.Judged[0]
	if s.Place != "other" || j.Context.Kind != "none" || j.Context.Name != "" || j.Context.Call != "" {
		t.Errorf("place %q, context %+v: want a map key with no context", s.Place, j.Context)
	}
	if len(j.Steps) != 1 || j.Steps[0].Step != "skip" || !strings.Contains(j.Steps[0].Filter, "no secret name") {
		t.Errorf("steps %+v, want one skip: no keyword and no secret name", j.Steps)
	}
}

func TestExplainPlainFiles(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- .env --
APP=web
GITHUB_TOKEN=`+exToken+`
-- deploy/values.yaml --
image: app
db:
  password: `+exPass+`
`)
	code, out, _ := explainIn(t, dir, ".env:2")
	if code != ExitFindings {
		t.Fatalf(".env: exit %d, want 3\n%s", code, out)
	}
	mustContain(t, ".env", out, "read as kvlint scan does", "key/value pair 2:14-2:", `line of a plain file, name "GITHUB_TOKEN"`,
		"KV112 github-token (high confidence)", "reported at 2:14", "IaC checks: text:")

	r := explainJSON(t, dir, ExitFindings, "deploy/values.yaml:3")
	found := false
	for _, s := range r.Strings {
		for _, v := range s.Verdicts {
			if v.Rule == "KV100" && v.Outcome == "reported" && s.Judged[0].Context.Name == "password" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("values.yaml:3: no KV100 reported under the name password: %v", verdicts(r))
	}
	if r.IaC == nil || !strings.Contains(strings.Join(r.IaC.Checks, ";"), "YAML") {
		t.Errorf("values.yaml: IaC checks %+v, want the YAML checks named", r.IaC)
	}
	if code, out, _ := explainIn(t, dir, ".env:1"); code != ExitClean || !strings.Contains(out, "verdict: nothing found") {
		t.Errorf(".env:1: exit %d\n%s", code, out)
	}
}

func TestExplainSuppressed(t *testing.T) {
	dir := explainModule(t, `
-- app/app.go --
package app

//kvlint:ignore KV112 fixture for the explain test
var githubToken = "`+exToken+`"
-- ci.env --
# kvlint:ignore github-token rotated, kept for the explain test
GITHUB_TOKEN=`+exToken2+`
`)
	code, out, _ := explainIn(t, dir, "app/app.go:4")
	if code != ExitClean {
		t.Errorf("go: exit %d, want 0 (suppressed)", code)
	}
	mustContain(t, "go", out, "KV112 github-token (high confidence)", ": suppressed", "directive on line 3: kvlint:ignore KV112 fixture for the explain test")
	code, out, _ = explainIn(t, dir, "ci.env:2")
	if code != ExitClean {
		t.Errorf("env: exit %d, want 0 (suppressed)", code)
	}
	mustContain(t, "env", out, ": suppressed", "directive on line 1: kvlint:ignore github-token")
}

func TestExplainColumn(t *testing.T) {
	line := "var a, b = \"" + exToken + "\", \"plain-text-value\""
	dir := explainModule(t, `
-- app/app.go --
package app

`+line+`
`)
	second := strings.Index(line, `"plain`) + 1
	r := explainJSON(t, dir, ExitClean, fmt.Sprintf("app/app.go:3:%d", second+2))
	if len(r.Strings) != 1 || len(r.Strings[0].Verdicts) != 0 || !strings.HasPrefix(r.Strings[0].Span, fmt.Sprintf("3:%d-", second)) {
		t.Errorf("column on the second string: %d strings %+v", len(r.Strings), r.Strings)
	}
	r = explainJSON(t, dir, ExitFindings, "app/app.go:3:13")
	if got := verdicts(r); len(r.Strings) != 1 || len(got) != 1 || got[0] != "KV112 reported" {
		t.Errorf("column on the first string: %d strings, verdicts %v", len(r.Strings), got)
	}
	r = explainJSON(t, dir, ExitFindings, "app/app.go:3")
	if len(r.Strings) != 2 {
		t.Errorf("the whole line: %d strings, want 2", len(r.Strings))
	}
}

func TestExplainUsage(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- a.env --
A=1
B=2
`)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"a.env"}, ExitUsage, "want FILE:LINE or FILE:LINE:COL"},
		{[]string{"a.env:x"}, ExitUsage, "want FILE:LINE or FILE:LINE:COL"},
		{[]string{"a.env:0"}, ExitUsage, "want FILE:LINE or FILE:LINE:COL"},
		{[]string{"a.env:3"}, ExitUsage, "a.env has 2 lines: no line 3"},
		{[]string{"a.env:1:9"}, ExitUsage, "line 1 of a.env has 3 bytes: no column 9"},
		{[]string{"missing.go:1"}, ExitError, "no such file"},
		{[]string{}, ExitUsage, "want one FILE:LINE[:COL], got 0"},
		{[]string{"a.env:1", "a.env:2"}, ExitUsage, "got 2 arguments"},
		{[]string{"-format", "sarif", "a.env:1"}, ExitUsage, `-format "sarif"`},
	}
	for _, c := range cases {
		code, out, errs := explainIn(t, dir, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("explain %v: exit %d, stderr %q; want exit %d and %q (stdout %q)", c.args, code, errs, c.code, c.want, out)
		}
	}
}

func TestExplainConfigAndBaseline(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, `
-- .env --
GITHUB_TOKEN=`+exToken+`
DB_PASSWORD=`+exPass+`
-- .kvlint.yaml --
rules:
  disable: [KV100]
`)
	code, out, _ := explainIn(t, dir, ".env:2")
	if code != ExitClean {
		t.Errorf("disabled rule: exit %d, want 0", code)
	}
	mustContain(t, "config", out, "configuration: .kvlint.yaml", "rules disabled by the configuration: KV100")
	if code, _, errs := runScanIn(t, dir, "-write-baseline", "base.yaml", "."); code != ExitClean {
		t.Fatalf("scan -write-baseline: exit %d: %s", code, errs)
	}
	r := explainJSON(t, dir, ExitClean, "-baseline", "base.yaml", ".env:1")
	if got := verdicts(r); len(got) == 0 || got[0] != "KV112 baselined" {
		t.Errorf("with the baseline: %v, want KV112 baselined", got)
	}
}

// TestExplainAgreesWithScan checks, over a tree of files of several types,
// that explain at the position of every finding kvlint scan reports says
// "reported" with the same rule: explain and scan run the same code.
func TestExplainAgreesWithScan(t *testing.T) {
	dir := t.TempDir()
	pem := "-----BEGIN RSA PRIVATE KEY-----\n" + strings.Repeat(detect.Fake("explain-pem", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)+"\n", 4) + "-----END RSA PRIVATE KEY-----\n"
	testfs.Write(t, dir, `
-- .env --
GITHUB_TOKEN=`+exToken+`
DB_PASSWORD=`+exPass+`
-- deploy/app.yaml --
db:
  password: `+exPass+`
secretRef: https://kv1.vault.azure.net/secrets/db/0123456789abcdef0123456789abcdef
-- scripts/run.sh --
curl -H "Authorization: token `+exToken2+`" https://api.example.com
-- cmd/main.go --
package main

var token = "`+exToken2+`"

// old: `+exToken+`
func main() {}
-- keys/id_rsa --
`+pem)
	// What kvlint scan reports: the command's own runner over the tree.
	res := scan.Run([]string{dir}, scan.Options{Root: dir})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Findings) < 7 {
		t.Fatalf("scan reports %d findings: the test wants one of each kind", len(res.Findings))
	}
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(dir, f.Filename)
		at := fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), f.Line, f.Col)
		t.Logf("scan: %s %s", at, f.RuleID)
		r := explainJSON(t, dir, ExitFindings, "-syntax", at)
		if !explainReports(r, f.RuleID) {
			t.Errorf("scan reports %s at %s; explain says %v (IaC %+v)", f.RuleID, at, verdicts(r), r.IaC)
		}
	}
}

// explainReports reports whether r says rule is reported at the place.
func explainReports(r *explainReport, rule string) bool {
	for _, s := range r.Strings {
		for _, v := range s.Verdicts {
			if v.Rule == rule && v.Outcome == "reported" {
				return true
			}
		}
	}
	if r.IaC != nil {
		for _, f := range r.IaC.Findings {
			if f.Rule == rule && f.Outcome == "reported" {
				return true
			}
		}
	}
	return false
}

// TestExplainAgreesWithLint checks, over a module, that type-aware explain
// at the position of every hardcodedcred finding kvlint lint reports says
// "reported" with the same rule, and that a suppressed one is not.
func TestExplainAgreesWithLint(t *testing.T) {
	dir := explainModule(t, `
-- app/app.go --
package app

import "os"

const prefix = "ghp_"

var githubToken = "`+exToken+`"

// rotated: `+exToken2+`
func Setup() {
	os.Setenv("DB_PASSWORD", "`+exPass+`")
}

//kvlint:ignore KV112 fixture for the explain test
var ignored = "`+exToken2+`"
`)
	code, out, errs := run(t, "-C", dir, "-format", "json", "./...")
	if code != ExitFindings {
		t.Fatalf("lint: exit %d\n%s", code, errs)
	}
	var res map[string]map[string][]struct{ Posn, Category string }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("lint json: %v\n%s", err, out)
	}
	n := 0
	for _, byAnalyzer := range res {
		for _, d := range byAnalyzer["hardcodedcred"] {
			n++
			file, lc, _ := strings.Cut(d.Posn, ".go:")
			rel, _ := filepath.Rel(dir, file+".go")
			at := filepath.ToSlash(rel) + ":" + lc
			r := explainJSON(t, dir, ExitFindings, at)
			if r.Mode != "type-aware, as kvlint lint does" || !explainReports(r, d.Category) {
				t.Errorf("lint reports %s at %s; explain (%s) says %v", d.Category, at, r.Mode, verdicts(r))
			}
		}
	}
	if n < 3 {
		t.Fatalf("lint reports %d hardcodedcred findings, the test wants 3", n)
	}
	r := explainJSON(t, dir, ExitClean, "app/app.go:15")
	if got := verdicts(r); len(got) != 1 || got[0] != "KV112 suppressed" {
		t.Errorf("the suppressed token: %v, want KV112 suppressed", got)
	}
}

// TestExplainSyntaxOnly checks that a file whose package does not
// type-check is read syntax only, says so without quoting the type error
// (which can quote the literal), and still judges its strings.
func TestExplainSyntaxOnly(t *testing.T) {
	dir := explainModule(t, `
-- app/app.go --
package app

var githubToken int = "`+exToken+`"
`)
	r := explainJSON(t, dir, ExitFindings, "app/app.go:3")
	if r.Mode != "syntax only, as kvlint scan does" {
		t.Errorf("mode %q, want syntax only", r.Mode)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "does not type-check") {
		t.Errorf("notes %q, want one saying the package does not type-check", r.Notes)
	}
	if got := verdicts(r); len(got) != 1 || got[0] != "KV112 reported" {
		t.Errorf("verdicts %v, want KV112 reported", got)
	}
	if r2 := explainJSON(t, explainModule(t, `
-- a.go --
package a

var githubToken = "`+exToken+`"
`), ExitFindings, "-syntax", "a.go:3"); r2.Mode != r.Mode {
		t.Errorf("-syntax: mode %q, want %q", r2.Mode, r.Mode)
	}
}

func TestParsePlace(t *testing.T) {
	cases := []struct {
		arg       string
		file      string
		line, col int
		bad       bool
	}{
		{arg: "a.go:3", file: "a.go", line: 3},
		{arg: "a.go:3:7", file: "a.go", line: 3, col: 7},
		{arg: `C:\src\a.go:3:7`, file: `C:\src\a.go`, line: 3, col: 7},
		{arg: "dir:x/a.env:12", file: "dir:x/a.env", line: 12},
		{arg: "a.go", bad: true},
		{arg: "a.go:", bad: true},
		{arg: "a.go:-1", bad: true},
		{arg: "a.go:+1", bad: true},
		{arg: ":3", bad: true},
		{arg: "a.go:3:0", bad: true},
	}
	for _, c := range cases {
		p, err := parsePlace(c.arg)
		if c.bad != (err != nil) || !c.bad && (p.file != c.file || p.line != c.line || p.col != c.col) {
			t.Errorf("parsePlace(%q) = %q %d %d, %v", c.arg, p.file, p.line, p.col, err)
		}
	}
}

// TestExplainNotRead checks that explain says why a file is not read at
// all: a path the configuration allows, a generated Go file.
func TestExplainNotRead(t *testing.T) {
	dir := explainModule(t, `
-- .kvlint.yaml --
allow:
  paths: [fixtures/]
-- fixtures/a.env --
GITHUB_TOKEN=`+exToken+`
-- gen/gen.go --
// Code generated by explain-test. DO NOT EDIT.

package gen

var githubToken = "`+exToken+`"
`)
	for at, want := range map[string]string{
		"fixtures/a.env:1": "allow.paths in",
		"gen/gen.go:5":     "generated file",
	} {
		code, out, _ := explainIn(t, dir, at)
		if code != ExitClean {
			t.Errorf("%s: exit %d, want 0", at, code)
		}
		mustContain(t, at, out, "not read: "+want)
	}
	for _, args := range [][]string{{"gen/gen.go:5"}, {"-syntax", "gen/gen.go:5"}} {
		if r := explainJSON(t, dir, ExitClean, args...); !strings.Contains(r.Skipped, "generated") {
			t.Errorf("%v: skipped %q, want the generated file said", args, r.Skipped)
		}
	}
	if code, _, errs := explainIn(t, dir, "-h"); code != ExitClean || !strings.Contains(errs, "Usage: kvlint explain") {
		t.Errorf("-h: exit %d, %q", code, errs)
	}
}
