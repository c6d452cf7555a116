package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	kvengine "github.com/kvlint/kvlint/internal/engine"
	"github.com/kvlint/kvlint/internal/testfs"
	"github.com/kvlint/kvlint/rules"
)

// fakeEngine is a detection engine with two rules, so that the scanner's
// own logic (walking, key extraction, positions, contexts, suppressions) is
// tested apart from the real rules:
//
//	FAKE1 (provider): "FAKEKEY_" followed by capitals and digits, anywhere.
//	KV100 (generic): the whole value, when the name or key contains
//	"password" and the value is 8+ bytes.
//
// It records the contexts it is asked about.
type fakeEngine struct {
	calls chan detect.Context
}

var (
	fakeProvider = &detect.Rule{Info: rules.Info{ID: "FAKE1", Name: "fake-key", Title: "fake key", Severity: rules.SeverityError}}
	fakeGeneric  = &detect.Rule{Info: rules.Info{ID: "KV100", Name: "generic-secret", Title: "generic secret", Severity: rules.SeverityWarning}}
)

func (e *fakeEngine) Scan(value string, ctx detect.Context, dst []detect.Finding) []detect.Finding {
	if e.calls != nil && ctx.Name != "" {
		select {
		case e.calls <- ctx:
		default:
		}
	}
	for off := 0; ; {
		i := strings.Index(value[off:], "FAKEKEY_")
		if i < 0 {
			break
		}
		s := off + i
		end := s + len("FAKEKEY_")
		for end < len(value) && (value[end] >= 'A' && value[end] <= 'Z' || value[end] >= '0' && value[end] <= '9') {
			end++
		}
		dst = append(dst, detect.Finding{Rule: fakeProvider, Start: s, End: end, Confidence: detect.High})
		off = end
	}
	if strings.Contains(strings.ToLower(ctx.Name+" "+ctx.Key), "password") && len(value) >= 8 {
		dst = append(dst, detect.Finding{Rule: fakeGeneric, Start: 0, End: len(value), Confidence: detect.Low})
	}
	return dst
}

func withFakeEngine(t *testing.T) *fakeEngine {
	t.Helper()
	fe := &fakeEngine{}
	old := engineOf
	engineOf = func(*config.Loaded) (engine, error) { return fe, nil }
	t.Cleanup(func() { engineOf = old })
	return fe
}

// got formats findings as "file:line:col-endcol RULE" relative to dir.
func got(t *testing.T, dir string, res *Result) []string {
	t.Helper()
	var out []string
	for _, f := range res.Findings {
		rel, err := filepath.Rel(dir, f.Filename)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(rel)+":"+strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+"-"+strconv.Itoa(f.EndCol)+" "+f.RuleID)
	}
	return out
}

// runGot runs the scan over dir with opts and returns its findings as got
// gives them; a scan error fails the test.
func runGot(t *testing.T, dir string, opts Options) []string {
	t.Helper()
	return got(t, dir, runScan(t, dir, opts))
}

// runScan runs the scan over dir with opts; a scan error fails the test.
func runScan(t *testing.T, dir string, opts Options) *Result {
	t.Helper()
	res := Run([]string{dir}, opts)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	return res
}

func equal(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestPlainFilesKeysAndColumns(t *testing.T) {
	withFakeEngine(t)
	// short.ini's value is under the fake generic rule's length.
	dir := testfs.Dir(t, `
-- app.yaml --
db:
  password: hunter2hunter2
  user: admin # not a secret
-- .env --
export DB_PASSWORD="s3cr3tvalue"
API=FAKEKEY_AAA111
-- conf.json --
{
  "password": "jsonsecret1",
  "x": "FAKEKEY_BBB"
}
-- Dockerfile --
FROM scratch
ENV APP_PASSWORD dockersecret1
-- run.sh --
mysql --password=clisecret99 --user root
curl -H 'X: FAKEKEY_CCC'
-- main.tf --
resource "x" "y" {
  password = "tfsecret123"
}
-- short.ini --
password=short
-- pom.xml --
<password>xmlsecret12</password>
-- dup.properties --
key.password=FAKEKEY_EEE999
-- crlf.txt --
`+"password: crlfsecret1\r\nnext: FAKEKEY_DDD\r\n")
	res := runScan(t, dir, Options{})
	equal(t, got(t, dir, res), []string{
		".env:1:21-32 KV100",
		".env:2:5-19 FAKE1",
		"Dockerfile:2:18-31 KV100",
		"app.yaml:2:13-27 KV100",
		"conf.json:2:16-27 KV100",
		"conf.json:3:9-20 FAKE1",
		"crlf.txt:1:11-22 KV100",
		"crlf.txt:2:7-18 FAKE1",
		"dup.properties:1:14-28 FAKE1", // the provider rule wins over the generic one on the same value
		"main.tf:2:15-26 KV100",
		"pom.xml:1:11-22 KV100",
		"run.sh:1:18-29 KV100",
		"run.sh:2:13-24 FAKE1",
	})
	if res.Files != 10 {
		t.Errorf("Files = %d, want 10", res.Files)
	}
}

func TestMessagesAreRedacted(t *testing.T) {
	withFakeEngine(t)
	secret := "FAKEKEY_" + strings.Repeat("Q7", 12)
	dir := testfs.Dir(t, "-- a.txt --\ntoken "+secret+"\n")
	res := Run([]string{dir}, Options{})
	if len(res.Findings) != 1 {
		t.Fatalf("got %d findings, want 1", len(res.Findings))
	}
	f := res.Findings[0]
	if strings.Contains(f.Message, secret) || strings.Contains(f.Fingerprint, secret) {
		t.Errorf("finding shows the full secret (message %d bytes)", len(f.Message))
	}
	if f.Fingerprint == "" || f.Severity != rules.SeverityError || f.RuleName != "fake-key" {
		t.Errorf("finding = %+v fields missing", f.RuleID)
	}
}

func TestWalkSkips(t *testing.T) {
	withFakeEngine(t)
	// /build/ is anchored to the root (sub/build/out.txt is scanned);
	// nested/.gitignore applies only below nested/ (other/drop.txt);
	// latin1.txt has a few bad bytes and is still text.
	dir := testfs.Dir(t, `
-- keep.txt --
FAKEKEY_ZZZ
-- .git/config --
FAKEKEY_ZZZ
-- vendor/x/y.go --
FAKEKEY_ZZZ
-- node_modules/p/index.js --
FAKEKEY_ZZZ
-- .gitignore --
# comment
*.log
/build/
secrets/**
!secrets/public.txt
docs/**/*.tmp
\#hash
-- app.log --
FAKEKEY_ZZZ
-- sub/app.log --
FAKEKEY_ZZZ
-- build/out.txt --
FAKEKEY_ZZZ
-- sub/build/out.txt --
FAKEKEY_ZZZ
-- secrets/a.txt --
FAKEKEY_ZZZ
-- secrets/public.txt --
FAKEKEY_ZZZ
-- docs/a/b/c.tmp --
FAKEKEY_ZZZ
-- docs/c.tmp --
FAKEKEY_ZZZ
-- #hash --
FAKEKEY_ZZZ
-- nested/.gitignore --
*.txt
!keep-me.txt
-- nested/drop.txt --
FAKEKEY_ZZZ
-- nested/keep-me.txt --
FAKEKEY_ZZZ
-- nested/deeper/drop.txt --
FAKEKEY_ZZZ
-- other/drop.txt --
FAKEKEY_ZZZ
-- testdata/fixture.txt --
FAKEKEY_ZZZ
-- dirasfile.txt/inner.txt --
FAKEKEY_ZZZ
-- bin.dat --
`+"\x00\x01FAKEKEY_ZZZ"+`
-- latin1.txt --
`+"caf\xe9 FAKEKEY_ZZZ"+`
-- big.txt --
`+strings.Repeat("x", 200)+"FAKEKEY_ZZZ\n")
	if err := os.Symlink(filepath.Join(dir, "keep.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	res := Run([]string{dir}, Options{MaxSize: 100})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var files []string
	for _, f := range got(t, dir, res) {
		files = append(files, strings.Split(f, ":")[0])
	}
	equal(t, files, []string{
		"dirasfile.txt/inner.txt",
		"keep.txt",
		"latin1.txt",
		"nested/keep-me.txt",
		"other/drop.txt",
		"secrets/public.txt",
		"sub/build/out.txt",
		"testdata/fixture.txt",
	})
	if len(res.Notes) != 2 || !strings.Contains(res.Notes[0], "big.txt") || !strings.Contains(res.Notes[1], "bin.dat: skipped, binary") {
		t.Errorf("notes = %q, want big.txt (size) and bin.dat (binary)", res.Notes)
	}
	var skipped []string
	for _, s := range res.Skipped {
		rel, _ := filepath.Rel(dir, s.Path)
		skipped = append(skipped, fmt.Sprintf("%s %s named=%v", filepath.ToSlash(rel), s.Reason, s.Named))
	}
	equal(t, skipped, []string{"big.txt over the size limit named=false", "bin.dat binary named=false"})
}

func TestExplicitFilesAndErrors(t *testing.T) {
	withFakeEngine(t)
	dir := testfs.Dir(t, `
-- .gitignore --
*.txt
-- a.txt --
FAKEKEY_A
`)
	// A file named on the command line is scanned even if ignored.
	res := Run([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing.txt")}, Options{})
	if len(res.Findings) != 1 {
		t.Errorf("got %d findings, want 1", len(res.Findings))
	}
	if res.Err == nil || !strings.Contains(res.Err.Error(), "missing.txt") {
		t.Errorf("err = %v, want one naming missing.txt", res.Err)
	}
}

func TestSuppressions(t *testing.T) {
	withFakeEngine(t)
	// In a.yaml, c is two lines below the directive (not covered) and e's
	// directive has no reason (malformed, suppresses nothing). In g.yaml a
	// trailing directive covers its own line only, as in Go code.
	dir := testfs.Dir(t, `
-- a.yaml --
a: FAKEKEY_A1 # kvlint:ignore FAKE1 documented sample
# kvlint:ignore fake-key sample on the next line
b: FAKEKEY_B2
c: FAKEKEY_C3
d: FAKEKEY_D4 # kvlint:ignore KV100 other rule
e: FAKEKEY_E5 # kvlint:ignore FAKE1
-- b.ini --
; kvlint:file-ignore FAKE1 test keys only
x=FAKEKEY_X
y=FAKEKEY_Y
-- c.html --
<!-- kvlint:ignore FAKE1 sample -->
<p>FAKEKEY_H</p>
-- d.sql --
-- kvlint:ignore FAKE1 sample
SELECT 'FAKEKEY_S';
-- e.go --
package e

// kvlint:ignore FAKE1 sample
var k = "FAKEKEY_G"
var j = "FAKEKEY_J" // kvlint:ignore FAKE1 sample
-- f.txt --
the text kvlint:ignore FAKE1 is prose, not a comment FAKEKEY_P
-- g.yaml --
a: FAKEKEY_T1 # kvlint:ignore FAKE1 this line only
b: FAKEKEY_T2
`)
	equal(t, runGot(t, dir, Options{}), []string{
		"a.yaml:4:4-14 FAKE1",
		"a.yaml:5:4-14 FAKE1",
		"a.yaml:6:1-0 KV002",
		"a.yaml:6:4-14 FAKE1",
		"f.txt:1:54-63 FAKE1",
		"g.yaml:2:4-14 FAKE1",
	})
}

func TestGoSyntaxContexts(t *testing.T) {
	fe := withFakeEngine(t)
	fe.calls = make(chan detect.Context, 100)
	src := `package p

import "os"

const dbPassword = "constsecret1"

type T struct{ Password string }

func f(x string) string {
	var v T
	v.Password = "fieldsecret1"
	_ = T{Password: "kvsecret123"}
	_ = map[string]string{"password": "mapsecret12"}
	os.Setenv("DB_PASSWORD", "envsecret12")
	if x == "FAKEKEY_CMP" {
	}
	apiPassword := "multi" + "partsecret"
	_ = apiPassword
	return "FAKEKEY_RET"
}

func getPassword() string { return "retsecret12" }

// password: FAKEKEY_COMMENT1
var esc = "FAKEKEY_\u0041BC"
`
	dir := testfs.Dir(t, "-- p.go --\n"+src)
	// Spans are lint's: the site's whole expression, from its opening
	// quote; a secret in a comment at the secret.
	equal(t, runGot(t, dir, Options{}), []string{
		"p.go:5:20-34 KV100",
		"p.go:11:15-29 KV100",
		"p.go:12:18-31 KV100",
		"p.go:13:36-49 KV100",
		"p.go:14:27-40 KV100",
		"p.go:15:10-23 FAKE1",
		"p.go:17:17-39 KV100", // "multi" + "partsecret" folded: neither part alone is long enough
		"p.go:19:9-22 FAKE1",
		"p.go:22:36-49 KV100",
		"p.go:24:14-30 FAKE1",
		"p.go:25:11-29 FAKE1", // the literal with its escapes, decoded for the engine
	})
	close(fe.calls)
	kinds := map[string]map[detect.Kind]bool{}
	setenvKey := false
	for c := range fe.calls {
		if kinds[c.Name] == nil {
			kinds[c.Name] = map[detect.Kind]bool{}
		}
		kinds[c.Name][c.Kind] = true
		if c.Name == "value" && c.Key == "DB_PASSWORD" && c.Call == "os.Setenv" {
			setenvKey = true
		}
	}
	if !setenvKey {
		t.Error(`os.Setenv("DB_PASSWORD", v): no call context with Key DB_PASSWORD`)
	}
	for _, c := range []struct {
		name string
		kind detect.Kind
	}{
		{"dbPassword", detect.KindAssign}, {"Password", detect.KindAssign}, {"Password", detect.KindField},
		{"password", detect.KindMapKey}, {"value", detect.KindCallArg}, {"x", detect.KindCompare},
		{"apiPassword", detect.KindAssign}, {"getPassword", detect.KindReturn},
	} {
		if !kinds[c.name][c.kind] {
			t.Errorf("no context {Name: %s, Kind: %d}; have %v", c.name, c.kind, kinds[c.name])
		}
	}
}

func TestGoFallsBackToLines(t *testing.T) {
	withFakeEngine(t)
	dir := testfs.Dir(t, `
-- broken.go --
package p
func {
password := "linesecret1"
-- gen.go --
// Code generated by x. DO NOT EDIT.

package p

var k = "FAKEKEY_GEN"
`)
	res := Run([]string{dir}, Options{})
	equal(t, got(t, dir, res), []string{"broken.go:3:14-25 KV100"})
}

// withPEMEngine has the scan use an engine that reports each private key block as
// KV125 for the rest of the test, and returns a fake base64 key line.
func withPEMEngine(t *testing.T) string {
	t.Helper()
	pemRule := &detect.Rule{Info: rules.Info{ID: "KV125", Name: "private-key"}}
	old := engineOf
	engineOf = func(*config.Loaded) (engine, error) { return pemEngine{pemRule}, nil }
	t.Cleanup(func() { engineOf = old })
	return strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", 2)
}

func TestPEMBlocks(t *testing.T) {
	body := withPEMEngine(t)
	dir := testfs.Dir(t, `
-- key.pem --
junk
-----BEGIN RSA PRIVATE KEY-----
`+body+"\n"+body+`
-----END RSA PRIVATE KEY-----
-- pub.pem --
-----BEGIN PUBLIC KEY-----
`+body+`
-----END PUBLIC KEY-----
`)
	res := Run([]string{dir}, Options{})
	equal(t, got(t, dir, res), []string{"key.pem:2:1-30 KV125"})
}

// TestCommentedPEMBlocks: a private key commented out line by line is read
// whole, in any file, a Go test file too; a commented certificate is not a key.
func TestCommentedPEMBlocks(t *testing.T) {
	body := withPEMEngine(t)
	commented := func(marker, typ string) string {
		return marker + "-----BEGIN " + typ + "-----\n" + marker + body + "\n" + marker + body + "\n" + marker + "-----END " + typ + "-----\n"
	}
	dir := testfs.Dir(t, `
-- deploy.sh --
#!/bin/sh
`+commented("# ", "RSA PRIVATE KEY")+`-- keys_test.go --
package p

`+commented("// ", "OPENSSH PRIVATE KEY")+`
func f() {}
-- block_test.go --
package p

/*
`+commented(" * ", "PRIVATE KEY")+`*/
-- cert_test.go --
package p

`+commented("// ", "CERTIFICATE"))
	res := Run([]string{dir}, Options{})
	equal(t, got(t, dir, res), []string{"block_test.go:4:4-29 KV125", "deploy.sh:2:3-32 KV125", "keys_test.go:3:4-37 KV125"})
}

// pemEngine finds whole PEM private key blocks and nothing else.
type pemEngine struct{ r *detect.Rule }

func (e pemEngine) Scan(v string, _ detect.Context, dst []detect.Finding) []detect.Finding {
	if strings.HasPrefix(v, "-----BEGIN") && strings.Contains(v, "PRIVATE KEY-----\n") && strings.Count(v, "\n") >= 3 {
		dst = append(dst, detect.Finding{Rule: e.r, Start: 0, End: len(v), Confidence: detect.High})
	}
	return dst
}

func TestParseDiff(t *testing.T) {
	diff := `diff --git a/x.txt b/x.txt
--- a/x.txt
+++ b/x.txt
@@ -1,0 +2,3 @@
+a
+b
+c
@@ -10 +12 @@
-old
+new
diff --git a/gone.txt b/gone.txt
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git "a/sp ace\303\251.txt" "b/sp ace\303\251.txt"
--- "a/sp ace\303\251.txt"
+++ "b/sp ace\303\251.txt"
@@ -3,2 +3,0 @@
-a
-b
@@ -0,0 +1 @@
+z
`
	added, err := parseDiff([]byte(diff), "/r")
	if err != nil {
		t.Fatal(err)
	}
	x := added[filepath.Join("/r", "x.txt")]
	for _, l := range []int{2, 3, 4, 12} {
		if !x[l] {
			t.Errorf("x.txt line %d not added", l)
		}
	}
	if len(x) != 4 {
		t.Errorf("x.txt: %d lines, want 4", len(x))
	}
	if sp := added[filepath.Join("/r", "sp aceé.txt")]; len(sp) != 1 || !sp[1] {
		t.Errorf("quoted name: %v", added)
	}
	if len(added) != 2 {
		t.Errorf("got %d files, want 2", len(added))
	}
	if _, err := parseDiff([]byte("+++ b/x\n@@ bad @@\n"), "/r"); err == nil {
		t.Error("bad hunk header: no error")
	}
}

func TestGitignoreMatch(t *testing.T) {
	f := parseGitignore([]byte(`
# comment
*.log
!keep.log
build/
/root-only
docs/**/*.tmp
**/cache
out/**
a/*/c
lit\*eral
trailing\ 
`), "")
	stack := ignoreStack{f}
	for _, c := range []struct {
		path string
		dir  bool
		want bool
	}{
		{"x.log", false, true},
		{"deep/x.log", false, true},
		{"keep.log", false, false},
		{"deep/keep.log", false, false},
		{"build", true, true},
		{"src/build", true, true},
		{"build", false, false}, // a file named build: build/ is for directories
		{"root-only", false, true},
		{"sub/root-only", false, false},
		{"docs/x.tmp", false, true},
		{"docs/a/b/x.tmp", false, true},
		{"other/docs/x.tmp", false, false},
		{"cache", true, true},
		{"a/b/cache", false, true},
		{"out", true, false},
		{"out/x", false, true},
		{"out/x/y", false, true},
		{"a/b/c", false, true},
		{"a/b/d/c", false, false},
		{"lit*eral", false, true},
		{"litXeral", false, false},
		{"trailing ", false, true},
		{"main.go", false, false},
	} {
		if got := stack.ignored(c.path, c.dir); got != c.want {
			t.Errorf("ignored(%q, dir=%v) = %v, want %v", c.path, c.dir, got, c.want)
		}
	}
	// A nested .gitignore applies below its directory only.
	nested := ignoreStack{f, parseGitignore([]byte("*.txt\n!x.log\n"), "sub")}
	for path, want := range map[string]bool{"sub/a.txt": true, "a.txt": false, "sub/x.log": false, "sub/y.log": true} {
		if got := nested.ignored(path, false); got != want {
			t.Errorf("nested: ignored(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestOuterGitignores(t *testing.T) {
	withFakeEngine(t)
	// /svc/gen/ is anchored at the repository root: svc/sub/gen is scanned.
	dir := testfs.Dir(t, `
-- .git/HEAD --
ref: refs/heads/main
-- .gitignore --
/svc/gen/
*.secret
-- svc/gen/x.txt --
FAKEKEY_GEN
-- svc/app.secret --
FAKEKEY_SEC
-- svc/app.txt --
FAKEKEY_APP
-- svc/sub/gen/other.txt --
FAKEKEY_OTHER
`)
	res := Run([]string{filepath.Join(dir, "svc")}, Options{})
	equal(t, got(t, dir, res), []string{"svc/app.txt:1:1-12 FAKE1", "svc/sub/gen/other.txt:1:1-14 FAKE1"})
}

func TestLinesDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	eng := kvengine.Default()
	var b strings.Builder
	for i := range 200 {
		b.WriteString("service:\n  name: app-" + strconv.Itoa(i) + "\n  image: registry.example.com/app:1.0\n")
		b.WriteString("export APP_MODE=production # the default\n{\"enabled\": true, \"threshold\": 7}\n--verbose --level=3\n")
	}
	content := b.String()
	w := &worker{opts: &Options{}}
	w.lines(content, eng, false, nil) // warm the buffers
	allocs := testing.AllocsPerRun(20, func() {
		w.hits = w.hits[:0]
		w.lines(content, eng, false, nil)
	})
	if allocs > 0 {
		t.Errorf("scanning %d lines without secrets allocates %.0f times, want 0", strings.Count(content, "\n"), allocs)
	}
}
