package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/internal/sariftest"
	"github.com/kvlint/kvlint/internal/strlit"
	"github.com/kvlint/kvlint/internal/testfs"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
)

// testAnalyzer reports string literals starting with "kvtest_" as rule
// KV900 and suggests replacing them with lookup("<var>"). It needs no type
// information, so it also runs on packages that do not type-check.
var testAnalyzer = &analysis.Analyzer{
	Name:             "testsecret",
	Doc:              "testsecret reports kvtest_ literals (test only)",
	RunDespiteErrors: true,
	Run: func(pass *analysis.Pass) (any, error) {
		for lit, v := range strlit.All(pass.Files...) {
			if !strings.HasPrefix(v, testPrefix) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:      lit.Pos(),
				End:      lit.End(),
				Category: "KV900",
				Message:  fmt.Sprintf("test secret %q (%d chars): store it in Azure Key Vault", v[:4], len(v)),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "read it with lookup",
					TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(`lookup("kv-secret")`)}},
				}},
			})
		}
		return nil, nil
	},
}

// testPrefix is the testsecret analyzer's -prefix flag.
var testPrefix = "kvtest_"

func init() {
	testAnalyzer.Flags.StringVar(&testPrefix, "prefix", testPrefix, "report literals with this prefix")
}

var testRule = rules.Info{
	ID: "KV900", Name: "test-secret", Analyzer: "testsecret", Title: "a kvtest_ literal",
	Doc: "Reports literals that start with kvtest_.", Bad: `var t = "kvtest_x"`, Good: `var t = lookup("t")`,
	Severity: rules.SeverityError, SecuritySeverity: 7.5, Tags: []string{"test"},
}

// useTestSuite makes the driver run only testAnalyzer.
func useTestSuite(t *testing.T) {
	t.Helper()
	oldSuite, oldRules := suiteFor, rulesFor
	suiteFor = func(*config.Source) []*analysis.Analyzer { return []*analysis.Analyzer{testAnalyzer} }
	rulesFor = func() []rules.Info { return []rules.Info{testRule} }
	maskAnalyzers["testsecret"] = true
	t.Cleanup(func() {
		suiteFor, rulesFor = oldSuite, oldRules
		delete(maskAnalyzers, "testsecret")
	})
}

// drvModule runs the test with the test suite (useTestSuite) over a copy of
// testdata/modules/drv and returns the copy's directory.
func drvModule(t *testing.T) string {
	t.Helper()
	useTestSuite(t)
	return copyModule(t, "drv")
}

// copyModule copies testdata/modules/name to a temporary directory.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join("..", "..", "testdata", "modules", name)
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// run runs kvlint in-process.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestTextOutput(t *testing.T) {
	dir := drvModule(t)
	code, out, errs := run(t, "-C", dir, "./...")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFindings, errs)
	}
	want := []string{
		`a/a.go:8:13: KV900 test secret "kvte" (20 chars): store it in Azure Key Vault (testsecret)`,
		`a/a.go:15:10: KV900 test secret "kvte" (22 chars): store it in Azure Key Vault (testsecret)`,
		`a/a_test.go:6:14: KV900 test secret "kvte" (19 chars): store it in Azure Key Vault (testsecret)`,
		`broken/broken.go:5:13: KV900 test secret "kvte" (21 chars): store it in Azure Key Vault (testsecret)`,
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("text output:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
	if !regexp.MustCompile(`kvlint: example.com/drv/broken: does not type-check: .*broken.go:5:13: .*; syntax-level findings only`).MatchString(errs) {
		t.Errorf("stderr lacks the type-check note:\n%s", errs)
	}
}

func TestTestsFlagAndToggles(t *testing.T) {
	dir := drvModule(t)
	_, out, _ := run(t, "-C", dir, "-test=false", "./a")
	if strings.Contains(out, "a_test.go") || !strings.Contains(out, "a/a.go:8:13") {
		t.Errorf("-test=false output:\n%s", out)
	}
	code, out, errs := run(t, "-C", dir, "-testsecret=false", "./a")
	if code != ExitClean || out != "" {
		t.Errorf("-testsecret=false: exit %d, output %q, stderr %q", code, out, errs)
	}
	code, out, _ = run(t, "-C", dir, "-testsecret.prefix=kvtest_connect", "./a")
	testPrefix = "kvtest_"
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.Contains(out, "a/a.go:15:10:") {
		t.Errorf("-testsecret.prefix: exit %d, output %q", code, out)
	}
	code, out, _ = run(t, "-C", dir, "-severity=error", "./a")
	if code != ExitFindings || !strings.Contains(out, "KV900") {
		t.Errorf("-severity=error keeps error findings: exit %d, output %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"-nosuchflag"},
		{"-format", "xml"},
		{"-severity", "fatal"},
		{"-fix", "-diff"},
		{"-baseline-prune"},
		{"rules", "KV0000"},
		{"rules", "-format", "yaml"},
		{"baseline"},
		{"baseline", "erase", "x.yaml"},
		{"version", "extra"},
	} {
		code, _, errs := run(t, args...)
		if code != ExitUsage {
			t.Errorf("kvlint %s: exit %d, want %d", strings.Join(args, " "), code, ExitUsage)
		}
		if errs == "" {
			t.Errorf("kvlint %s: no message on stderr", strings.Join(args, " "))
		}
	}
	if code, out, _ := run(t, "help"); code != ExitClean || !strings.Contains(out, "-baseline") {
		t.Errorf("help: exit %d, output:\n%s", code, out)
	}
}

func TestToolErrors(t *testing.T) {
	dir := drvModule(t)
	code, _, errs := run(t, "-C", dir, "./nosuchpkg")
	if code != ExitError {
		t.Errorf("missing package: exit %d, want %d; stderr %s", code, ExitError, errs)
	}
	code, _, errs = run(t, "-C", dir, "-config", "missing.yaml", "./a")
	if code != ExitError || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("missing config: exit %d, stderr %s", code, errs)
	}
	code, _, errs = run(t, "-C", dir, "-baseline", "missing.yaml", "./a")
	if code != ExitError || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("missing baseline: exit %d, stderr %s", code, errs)
	}
}

func TestJSONOutput(t *testing.T) {
	dir := drvModule(t)
	code, out, errs := run(t, "-C", dir, "-json", "./a")
	if code != ExitClean {
		t.Fatalf("-json exit %d, want 0; stderr %s", code, errs)
	}
	type edit struct {
		Filename   string
		Start, End int
		New        string
	}
	type diagnostic struct {
		Posn, End, Message, Category string
		SuggestedFixes               []struct {
			Message string
			Edits   []edit
		} `json:"suggested_fixes"`
	}
	var tree map[string]map[string][]diagnostic
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	// Package a and its test variant each have the non-test findings.
	diags := tree["example.com/drv/a"]["testsecret"]
	if len(diags) != 2 {
		t.Fatalf("package a: %d diagnostics, want 2:\n%s", len(diags), out)
	}
	if len(tree["example.com/drv/a [example.com/drv/a.test]"]["testsecret"]) != 3 {
		t.Errorf("test variant: want 3 diagnostics:\n%s", out)
	}
	d := diags[0]
	file := filepath.Join(dir, "a", "a.go")
	if d.Posn != file+":8:13" || d.End != file+":8:35" || d.Category != "KV900" || !strings.HasPrefix(d.Message, "test secret") {
		t.Errorf("diagnostic = %+v", d)
	}
	if len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].Edits) != 1 {
		t.Fatalf("suggested fixes = %+v", d.SuggestedFixes)
	}
	e := d.SuggestedFixes[0].Edits[0]
	src, _ := os.ReadFile(file)
	if e.Filename != file || string(src[e.Start:e.End]) != `"kvtest_token_value_1"` || e.New != `lookup("kv-secret")` {
		t.Errorf("edit = %+v", e)
	}
	// -format json prints the same, but exits 3 on findings like text and
	// SARIF; only the go/analysis flag -json keeps exit 0.
	code, out2, _ := run(t, "-C", dir, "-format", "json", "./a")
	if code != ExitFindings || out2 != out {
		t.Errorf("-format json: exit %d (want %d), same output as -json: %v", code, ExitFindings, out2 == out)
	}
}

func TestAnalyzerErrorJSON(t *testing.T) {
	useTestSuite(t)
	failing := &analysis.Analyzer{Name: "failing", Doc: "fails", Run: func(*analysis.Pass) (any, error) {
		return nil, fmt.Errorf("cannot read config")
	}}
	suiteFor = func(*config.Source) []*analysis.Analyzer { return []*analysis.Analyzer{testAnalyzer, failing} }
	dir := copyModule(t, "drv")
	code, out, errs := run(t, "-C", dir, "-json", "-test=false", "./a")
	if code != ExitError || !strings.Contains(errs, "failing: cannot read config") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatal(err)
	}
	if got := string(tree["example.com/drv/a"]["failing"]); got != `{"error":"cannot read config"}` && !strings.Contains(got, `"error": "cannot read config"`) {
		t.Errorf("error entry = %s", got)
	}
}

func TestFix(t *testing.T) {
	dir := drvModule(t)
	file := filepath.Join(dir, "a", "a.go")
	code, _, errs := run(t, "-C", dir, "-fix", "-test=false", "./a")
	if code != ExitClean {
		t.Fatalf("-fix: exit %d (every finding fixed: want 0); stderr %s", code, errs)
	}
	got, _ := os.ReadFile(file)
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "modules", "drv", "a", "a.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	// Running again changes nothing and finds nothing.
	code, out, _ := run(t, "-C", dir, "-fix", "-test=false", "./a")
	again, _ := os.ReadFile(file)
	if code != ExitClean || out != "" || !bytes.Equal(again, want) {
		t.Errorf("second -fix: exit %d, output %q, file changed: %v", code, out, !bytes.Equal(again, want))
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "a")); len(entries) != 3 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestDiff(t *testing.T) {
	dir := drvModule(t)
	file := filepath.Join(dir, "a", "a.go")
	before, _ := os.ReadFile(file)
	code, out, errs := run(t, "-C", dir, "-diff", "-test=false", "./a")
	if code != ExitFindings {
		t.Errorf("-diff: exit %d, want %d; stderr %s", code, ExitFindings, errs)
	}
	after, _ := os.ReadFile(file)
	if !bytes.Equal(before, after) {
		t.Error("-diff wrote the file")
	}
	for _, want := range []string{"--- a/a/a.go\n+++ b/a/a.go\n", "@@ -5,14 +5,14 @@\n", "+var Token = lookup(\"kv-secret\")\n", "+\tc.key = lookup(\"kv-secret\")\n", " // Client connects.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	// The removed lines held the secrets: they are masked.
	for _, secret := range []string{"kvtest_token_value_1", "kvtest_connect_value_2"} {
		if strings.Contains(out, secret) {
			t.Errorf("diff shows a secret in full:\n%s", out)
		}
	}
	if !strings.Contains(out, "-var Token = ") {
		t.Errorf("diff lacks the removed line:\n%s", out)
	}
}

func TestApplyEditsConflicts(t *testing.T) {
	res := &result{wd: t.TempDir()}
	file := filepath.Join(res.wd, "x.go")
	if err := os.WriteFile(file, []byte("package x\n\nvar A = \"aaaa\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mk := func(start, end int, text string) *diag {
		d := &diag{primary: true, edits: []report.Edit{{Filename: file, Start: start, End: end, New: text}}}
		d.f.Filename, d.f.Line, d.f.Col, d.f.RuleID = file, 3, 9, "KV900"
		d.f.SuggestedFixes = append(d.f.SuggestedFixes, report.Fix{Message: "fix", Edits: d.edits})
		return d
	}
	res.diags = []*diag{mk(19, 25, `b()`), mk(20, 22, `zz`), mk(19, 25, `b()`)}
	var errb bytes.Buffer
	n, err := applyFixes(res, nil, &errb, false)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !strings.Contains(errb.String(), "conflicts with another fix") {
		t.Errorf("fixed %d (want 2: one conflict skipped, one duplicate); stderr %s", n, errb.String())
	}
	got, _ := os.ReadFile(file)
	if string(got) != "package x\n\nvar A = b()\n" {
		t.Errorf("file = %q", got)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("file mode changed to %v", st.Mode().Perm())
	}
}

func TestUnifiedDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen"
	got := unifiedDiff("a/f", "b/f", []byte(a), []byte(b))
	want := `--- a/f
+++ b/f
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -12,4 +12,4 @@
 12
 13
 14
-15
+fifteen
\ No newline at end of file
`
	if got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if unifiedDiff("a", "b", []byte(a), []byte(a)) != "" {
		t.Error("equal inputs give a diff")
	}
	if got := unifiedDiff("a/f", "b/f", nil, []byte("x\n")); got != "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("insertion into empty file:\n%s", got)
	}
}

func TestRules(t *testing.T) {
	useTestSuite(t)
	code, out, _ := run(t, "rules")
	if code != ExitClean || !regexp.MustCompile(`(?m)^ID +ANALYZER +SEVERITY +NAME +TITLE\nKV900 +testsecret +error +test-secret +a kvtest_ literal$`).MatchString(out) {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "rules", "test-secret")
	for _, want := range []string{"KV900 test-secret: a kvtest_ literal", "Security severity: 7.5", "Bad:\n\tvar t = \"kvtest_x\"", "Good:\n\tvar t = lookup(\"t\")"} {
		if code != ExitClean || !strings.Contains(out, want) {
			t.Errorf("rules test-secret lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "rules", "-format", "json", "KV900")
	var rs []map[string]any
	if err := json.Unmarshal([]byte(out), &rs); err != nil || code != ExitClean || len(rs) != 1 || rs[0]["id"] != "KV900" || rs[0]["good"] == "" {
		t.Errorf("rules -format json: exit %d, %v\n%s", code, err, out)
	}
}

func TestRealRulesDocumented(t *testing.T) {
	// Every rule the real suite documents has the fields the writers need.
	for _, r := range rulesFor() {
		if r.ID == "" || r.Name == "" || r.Analyzer == "" || r.Title == "" {
			t.Errorf("rule %q lacks ID, name, analyzer or title: %+v", r.ID, r.Name)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != ExitClean || !regexp.MustCompile(`^kvlint \S+.* go1\.\d+.* \w+/\w+\n$`).MatchString(out) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestIsVetInvocation(t *testing.T) {
	for args, want := range map[string]bool{
		"-V=full":                         true,
		"-flags":                          true,
		"/tmp/x/vet.cfg":                  true,
		"-hardcodedcred=false /tmp/v.cfg": true,
		"./... x.cfg":                     false,
		"./...":                           false,
		"":                                false,
		"-json ./...":                     false,
	} {
		if got := isVetInvocation(strings.Fields(args)); got != want {
			t.Errorf("isVetInvocation(%q) = %v, want %v", args, got, want)
		}
	}
}

func TestSARIFOutput(t *testing.T) {
	dir := drvModule(t)
	code, out, errs := run(t, "-C", dir, "-format", "sarif", "-o", "out.sarif", "./...")
	if code != ExitFindings || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	sariftest.Check(t, data)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	fps := map[string]bool{}
	for _, r := range log.Runs[0].Results {
		got = append(got, r.RuleID+" "+r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		fps[r.PartialFingerprints["kvlint/v1"]] = true
	}
	want := "KV900 a/a.go,KV900 a/a.go,KV900 a/a_test.go,KV900 broken/broken.go"
	if strings.Join(got, ",") != want {
		t.Errorf("results: %v, want %s", got, want)
	}
	if len(fps) != 4 {
		t.Errorf("want 4 distinct fingerprints, have %v", fps)
	}
	// Moving code keeps the fingerprints.
	moveCode(t, dir)
	if code, _, errs := run(t, "-C", dir, "-format", "sarif", "-o", "moved.sarif", "./..."); code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errs)
	}
	moved, _ := os.ReadFile(filepath.Join(dir, "moved.sarif"))
	for fp := range fps {
		if !strings.Contains(string(moved), fp) {
			t.Errorf("fingerprint %s lost after moving code", fp)
		}
	}
}

// moveCode rewrites a/a.go with its declarations reordered, moved down and
// reformatted; the planted values and their enclosing declarations stay.
func moveCode(t *testing.T, dir string) {
	t.Helper()
	moved := `// Package a holds planted test values for the kvlint driver tests.
//
// It was edited: declarations moved.
package a

// Plain is not reported.
var Plain = "hello"

// Client connects.
type Client struct{ key string }

// Connect is reported.
func (c *Client) Connect() string {
	if c == nil {
		return ""
	}
	c.key =
		"kvtest_connect_value_2"
	return c.key
}

func lookup(name string) string { return "from-vault:" + name }

// Token is reported.
var Token = "kvtest_token_value_1"
`
	if err := os.WriteFile(filepath.Join(dir, "a", "a.go"), []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBaseline(t *testing.T) {
	dir := drvModule(t)
	code, out, errs := run(t, "baseline", "write", "kv.yaml", "-C", dir, "-test=false", "./a")
	if code != ExitClean || !strings.Contains(out, "recorded 2 findings in 2 entries") {
		t.Fatalf("baseline write: exit %d, %s %s", code, out, errs)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "kv.yaml"))
	for _, v := range []string{"kvtest_token_value_1", "kvtest_connect_value_2"} {
		if strings.Contains(string(data), v) {
			t.Error("baseline file holds a planted value")
		}
	}
	for _, want := range []string{"version: 2", "salt: ", "rule: KV900", "package: example.com/drv/a", "decl: Token", "decl: (*Client).Connect", "file: a/a.go", "count: 1"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("baseline lacks %q:\n%s", want, data)
		}
	}

	lint := func(args ...string) (int, string, string) {
		return run(t, append([]string{"-C", dir, "-test=false", "-baseline", "kv.yaml"}, args...)...)
	}
	if code, out, errs := lint("./a"); code != ExitClean || out != "" {
		t.Errorf("with baseline: exit %d, output %q %s", code, out, errs)
	}
	moveCode(t, dir)
	if code, out, errs := lint("-q", "-baseline-prune", "./a"); code != ExitClean || out != "" || errs != "" {
		t.Errorf("after moving code: exit %d, output %q, stderr %q", code, out, errs)
	}

	// A new secret is reported, the known ones are not.
	f, _ := os.OpenFile(filepath.Join(dir, "a", "a.go"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nfunc New() string { return \"kvtest_new_value_5\" }\n")
	f.Close()
	code, out, _ = lint("./a")
	if code != ExitFindings || strings.Count(out, "\n") != 1 || !strings.Contains(out, "a/a.go:27:28: KV900 test secret \"kvte\" (18 chars)") {
		t.Errorf("new secret: exit %d, output:\n%s", code, out)
	}
	// The same value in another declaration is a new finding too.
	f, _ = os.OpenFile(filepath.Join(dir, "a", "a.go"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\nvar Again = \"kvtest_token_value_1\"\n")
	f.Close()
	if _, out, _ = lint("./a"); strings.Count(out, "\n") != 2 {
		t.Errorf("copied secret not reported:\n%s", out)
	}

	// Removing a secret leaves a stale entry.
	testfs.Write(t, dir, "-- a/a.go --\npackage a\n\n// Client connects.\ntype Client struct{ key string }\n\n// Connect is reported.\nfunc (c *Client) Connect() string {\n\tc.key = \"kvtest_connect_value_2\"\n\treturn c.key\n}\n")
	code, out, errs = lint("-baseline-prune", "./a")
	if code != ExitFindings || out != "" || !strings.Contains(errs, "stale entry: KV900 in example.com/drv/a Token (recorded in a/a.go)") {
		t.Errorf("prune report: exit %d, output %q, stderr:\n%s", code, out, errs)
	}
	// Entries of packages not analyzed are not stale.
	if _, _, errs := lint("-baseline-prune", "./broken"); strings.Contains(errs, "stale") {
		t.Errorf("entry of an unanalyzed package reported stale:\n%s", errs)
	}
	code, out, errs = run(t, "baseline", "prune", "kv.yaml", "-C", dir, "-test=false", "./a")
	if code != ExitClean || !strings.Contains(out, "pruned 1 stale findings, 1 entries left") {
		t.Errorf("baseline prune: exit %d, %s %s", code, out, errs)
	}
	pruned, _ := os.ReadFile(filepath.Join(dir, "kv.yaml"))
	if strings.Contains(string(pruned), "decl: Token") || !strings.Contains(string(pruned), "decl: (*Client).Connect") {
		t.Errorf("pruned baseline:\n%s", pruned)
	}
	if code, out, errs := lint("-q", "-baseline-prune", "./a"); code != ExitClean || out != "" || errs != "" {
		t.Errorf("after prune: exit %d, %q %q", code, out, errs)
	}
	// Rewriting keeps the salt.
	salt := func(b []byte) string {
		_, s, _ := strings.Cut(string(b), "salt: ")
		s, _, _ = strings.Cut(s, "\n")
		return s
	}
	run(t, "baseline", "write", "kv.yaml", "-C", dir, "./a")
	again, _ := os.ReadFile(filepath.Join(dir, "kv.yaml"))
	if salt(again) != salt(data) || salt(data) == "" {
		t.Error("baseline write changed the salt")
	}
}

func TestUTF16Column(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "u.go")
	// Line 2: "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
	testfs.Write(t, dir, "-- u.go --\npackage u\nvar s = \"é😀\" + \"x\"\n")
	c := newFileCache()
	for _, tc := range []struct{ line, col, want int }{
		{1, 1, 1}, {1, 9, 9}, // ASCII: unchanged
		{2, 9, 9},   // the opening quote
		{2, 12, 11}, // after é (2 bytes -> 1 unit)
		{2, 16, 13}, // after 😀 (4 bytes -> 2 units)
		{2, 20, 17}, // the "x" literal
		{9, 5, 5},   // no such line: unchanged
	} {
		if got := c.utf16Column(name, tc.line, tc.col); got != tc.want {
			t.Errorf("utf16Column(%d:%d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
}

func TestBaselineSkipsBrokenPackages(t *testing.T) {
	dir := drvModule(t)
	if code, _, errs := run(t, "baseline", "write", "kv.yaml", "-C", dir, "./..."); code != ExitClean {
		t.Fatalf("baseline write: exit %d %s", code, errs)
	}
	// The package still does not type-check and its finding is gone: with
	// syntax-level findings only, its entries are not judged stale.
	testfs.Write(t, dir, "-- broken/broken.go --\npackage broken\n\nvar X int = \"other\"\n")
	code, out, errs := run(t, "-C", dir, "-baseline", "kv.yaml", "-baseline-prune", "./...")
	if code != ExitClean || out != "" || strings.Contains(errs, "stale") || !strings.Contains(errs, "does not type-check") {
		t.Errorf("exit %d, output %q, stderr:\n%s", code, out, errs)
	}
}

// TestConfigErrorOnce: one typo in .kvlint.yaml is one error line, not one
// per analyzer per package (issue 13 item 4), and the run exits 1.
func TestConfigErrorOnce(t *testing.T) {
	dir := testfs.Dir(t, `
-- go.mod --
module example.com/m

go 1.22
-- a/a.go --
package a
-- b/b.go --
package b
-- .kvlint.yaml --
version: 1
nosuchkey: true
`)
	code, _, errs := run(t, "-C", dir, "-q", "./...")
	if code != ExitError || strings.Count(errs, "nosuchkey") != 1 || strings.Count(errs, "\n") != 1 {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 1 and the error once", code, errs)
	}
}

// TestLintDirMissing: -C with a directory that does not exist says so (it
// said the go binary was missing) and is bad usage.
func TestLintDirMissing(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nonexistent")
	code, _, errs := run(t, "-C", missing, "./...")
	if code != ExitUsage || !strings.Contains(errs, "directory does not exist") || strings.Contains(errs, "go/bin") {
		t.Errorf("exit %d, stderr %q; want 2 and that the directory does not exist", code, errs)
	}
}
