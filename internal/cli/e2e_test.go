package cli

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// plantedModule writes a module with fake secrets in many places: every
// true-positive sample of every built-in detection rule (obviously generated
// values, see detect.Fake) in the context the sample names, plus values
// generated for this run in a package that does not type-check, a comment, a
// suppressed line and a test file. It returns the module directory and the
// planted secrets.
func plantedModule(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var planted []string
	seed := func() string {
		var b [8]byte
		rand.Read(b[:])
		return hex.EncodeToString(b[:])
	}
	// Values that the rule documentation itself shows (SARIF carries the
	// docs) are public examples, not planted secrets.
	var docs strings.Builder
	for _, r := range rulesFor() {
		docs.WriteString(r.Doc + r.Bad + r.Good + r.Title)
	}
	var decls, inits strings.Builder
	for ri, r := range detect.Builtin() {
		for si, s := range r.TruePositives {
			secret := s.Secret
			if secret == "" {
				secret = s.Value
			}
			if strings.Contains(docs.String(), secret) {
				continue
			}
			planted = append(planted, secret)
			q := strconv.Quote(s.Value)
			name := identifier(s.Context.Name)
			uniq := fmt.Sprintf("%s_%d_%d", name, ri, si)
			switch {
			case s.Context.Kind == detect.KindCallArg && s.Context.Call == "os.Setenv":
				fmt.Fprintf(&inits, "\tos.Setenv(%q, %s)\n", s.Context.Key, q)
			case s.Context.Kind == detect.KindCallArg && strings.HasSuffix(s.Context.Call, "Header).Set"):
				fmt.Fprintf(&inits, "\thttp.Header{}.Set(%q, %s)\n", s.Context.Key, q)
			case s.Context.Kind == detect.KindMapKey:
				fmt.Fprintf(&decls, "var m_%d_%d = map[string]string{%q: %s}\n\n", ri, si, s.Context.Name, q)
			case s.Context.Kind == detect.KindField:
				fmt.Fprintf(&decls, "var f_%d_%d = struct{ %s string }{%s: %s}\n\n", ri, si, name, name, q)
			case s.Context.Kind == detect.KindCompare:
				fmt.Fprintf(&decls, "func cmp_%d_%d(%s string) bool { return %s == %s }\n\n", ri, si, name, name, q)
			default:
				fmt.Fprintf(&decls, "var %s = %s\n\n", uniq, q)
			}
		}
	}
	src := "// Package planted holds generated fake secrets for kvlint's leak test.\npackage planted\n\nimport (\n\t\"net/http\"\n\t\"os\"\n)\n\n" +
		decls.String() + "func init() {\n" + inits.String() + "}\n"

	// Values generated for this run.
	tok := detect.FakeCRCToken("ghp_", "leak-"+seed())
	broken := detect.FakeCRCToken("ghp_", "leak-broken-"+seed())
	suppressed := detect.FakeCRCToken("ghp_", "leak-ignored-"+seed())
	inTest := detect.FakeCRCToken("ghp_", "leak-test-"+seed())
	password := detect.Fake("leak-pw-"+seed(), "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%", 22)
	planted = append(planted, tok, broken, suppressed, inTest, password)
	src += fmt.Sprintf("\n// Old token, rotated: %s\nvar dbPassword = %q\n\n//kvlint:ignore KV112 fixture for the leak test\nvar ignored = %q\n", tok, password, suppressed)

	testfs.Write(t, dir, `
-- go.mod --
module example.com/planted

go 1.22
-- planted.go --
`+src+`-- planted_test.go --
package planted

import (
	"os"
	"testing"
)

func TestX(t *testing.T) {
	if os.Getenv("X") == `+strconv.Quote(inTest)+` {
		t.Skip()
	}
}
-- broken/broken.go --
// Package broken does not type-check, and its type error quotes a secret.
package broken

var githubToken int = `+strconv.Quote(broken)+`
-- notes/notes.go --
// Package notes is clean.
package notes

// Greeting is not a secret.
var Greeting = "hello"
`)
	return dir, planted
}

// identifier turns a context name into a Go identifier.
func identifier(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r == '_' || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || s == "_" {
		return "value"
	}
	if unicode.IsDigit(rune(s[0])) {
		s = "v" + s
	}
	return s
}

// secretPieces returns the substrings of a secret whose presence in output
// is a leak: the secret, each long line of a multi-line one (PEM bodies) and
// everything after the four leading characters Redact may show.
func secretPieces(secret string) []string {
	var pieces []string
	for _, line := range strings.Split(secret, "\n") {
		line = strings.TrimSpace(line)
		if len(line) < 12 || strings.HasPrefix(line, "-----") {
			continue
		}
		pieces = append(pieces, line, line[4:])
		if q := strconv.Quote(line); q[1:len(q)-1] != line {
			pieces = append(pieces, q[1 : len(q)-1][4:])
		}
	}
	return pieces
}

// jsonStrings returns every string in a JSON document, decoded, one per
// line, so that escapes such as \u0026 cannot hide a secret.
func jsonStrings(data []byte) string {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return ""
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v)
			b.WriteByte('\n')
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				b.WriteString(k)
				b.WriteByte('\n')
				walk(x)
			}
		}
	}
	walk(v)
	return b.String()
}

func TestNoSecretLeaks(t *testing.T) {
	t.Parallel() // runs after the serial tests, which swap the suite
	dir, planted := plantedModule(t)
	outputs := map[string]string{} // what -> bytes
	capture := func(what string, wantCode int, args ...string) string {
		code, out, errs := run(t, append([]string{"-C", dir}, args...)...)
		outputs[what+" stdout"] = out
		outputs[what+" stderr"] = errs
		if wantCode >= 0 && code != wantCode {
			t.Errorf("%s: exit %d, want %d", what, code, wantCode)
		}
		return out
	}
	text := capture("text", ExitFindings, "./...")
	if n := strings.Count(text, "\n"); n < 20 {
		t.Errorf("only %d findings reported: the leak test needs the analyzers to report", n)
	}
	if !strings.Contains(outputs["text stderr"], "example.com/planted/broken: does not type-check") {
		t.Errorf("no type-check note:\n%s", outputs["text stderr"])
	}
	capture("json", ExitClean, "-json", "./...")
	capture("sarif", ExitFindings, "-format", "sarif", "./...")
	capture("sarif -o", ExitFindings, "-format", "sarif", "-o", "out.sarif", "./...")
	capture("json -o", ExitClean, "-json", "-o", "out.json", "./...")
	capture("diff", -1, "-diff", "./...")
	capture("severity", -1, "-severity", "error", "-diff", "./...")
	capture("no tests", ExitFindings, "-test=false", "./...")
	if code, out, errs := run(t, "baseline", "write", "kv.yaml", "-C", dir, "./..."); code != ExitClean {
		t.Errorf("baseline write: exit %d", code)
	} else {
		outputs["baseline write stdout"], outputs["baseline write stderr"] = out, errs
	}
	// Remove half of the secrets so the prune report has stale entries.
	src, _ := os.ReadFile(filepath.Join(dir, "planted.go"))
	lines := strings.Split(string(src), "\n")
	for i := range lines {
		if strings.HasPrefix(lines[i], "var ") && i%2 == 0 {
			lines[i] = ""
		}
	}
	os.WriteFile(filepath.Join(dir, "planted.go"), []byte(strings.Join(lines, "\n")), 0o644)
	capture("prune", -1, "-baseline", "kv.yaml", "-baseline-prune", "./...")
	if !strings.Contains(outputs["prune stderr"], "stale entry") {
		t.Errorf("no stale entries reported:\n%s", outputs["prune stderr"])
	}
	for _, f := range []string{"out.sarif", "out.json", "kv.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		outputs["file "+f] = string(data)
	}
	noPlantedSecret(t, planted, outputs)
}

// noPlantedSecret fails the test where a piece of a planted secret appears
// in one of the outputs (named by what they are) or, for a JSON output, in
// its decoded strings.
func noPlantedSecret(t *testing.T, planted []string, outputs map[string]string) {
	t.Helper()
	for what, out := range outputs {
		if strings.HasPrefix(strings.TrimSpace(out), "{") {
			outputs[what+" (decoded JSON)"] = jsonStrings([]byte(out))
		}
	}
	for i, secret := range planted {
		for _, piece := range secretPieces(secret) {
			for what, out := range outputs {
				if strings.Contains(out, piece) {
					// Never print the value: its index and redacted preview.
					t.Errorf("planted secret #%d %s appears in %s", i, detect.Redact(secret), what)
				}
			}
		}
	}
}

// buildKvlint builds the kvlint binary into a temporary directory.
func buildKvlint(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kvlint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command(goTool(t), "build", "-o", bin, "./cmd/kvlint")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func goTool(t *testing.T) string {
	t.Helper()
	// go test puts the running toolchain's GOROOT/bin first in PATH, so
	// this is the go that runs the test.
	g, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	return g
}

// TestGoVet runs the real go vet with kvlint as its -vettool over a module
// with a generated fake GitHub token.
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kvlint and runs go vet")
	}
	t.Parallel() // runs after the serial tests, which swap the suite
	bin := buildKvlint(t)
	dir := t.TempDir()
	tok := detect.FakeCRCToken("ghp_", "vet-"+t.Name())
	testfs.Write(t, dir, `
-- go.mod --
module example.com/vetmod

go 1.22
-- creds/creds.go --
// Package creds holds a fake token.
package creds

// Token is a generated fake GitHub token.
var Token = `+strconv.Quote(tok)+`
-- clean/clean.go --
// Package clean is clean.
package clean

// Greeting is not a secret.
var Greeting = "hello"
`)
	vet := func(args ...string) (string, error) {
		cmd := exec.Command(goTool(t), append([]string{"vet", "-vettool=" + bin}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	// The README's command, verbatim, with the kvlint just built on PATH.
	line := readmeCommands(t, "go vet -vettool=")[0]
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod",
		"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+filepath.Dir(goTool(t))+string(os.PathListSeparator)+os.Getenv("PATH"))
	outb, err := cmd.CombinedOutput()
	out := string(outb)
	if err == nil {
		t.Errorf("go vet succeeded; want a failure with the finding:\n%s", out)
	}
	if strings.Contains(out, tok) || strings.Contains(out, tok[4:]) {
		t.Errorf("go vet output shows the token %s", detect.Redact(tok))
	}
	want := "creds" + string(filepath.Separator) + "creds.go:5:13: github token \"" + detect.Redact(tok) + "\" is hardcoded"
	if !strings.Contains(out, want) {
		t.Errorf("go vet output lacks %q:\n%s", want, out)
	}
	// Analyzer flags pass through go vet: turning hardcodedcred off leaves nothing.
	out, err = vet("-hardcodedcred=false", "./...")
	if err != nil || strings.Contains(out, "github token") {
		t.Errorf("go vet -hardcodedcred=false: %v\n%s", err, out)
	}
	// go vet caches results per package; a changed .kvlint.yaml must not be
	// answered from that cache.
	if err := os.WriteFile(filepath.Join(dir, ".kvlint.yaml"), []byte("version: 1\nanalyzers:\n  hardcodedcred: false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := vet("./..."); err != nil || strings.Contains(out, "hardcoded") {
		t.Errorf("go vet with hardcodedcred off in .kvlint.yaml: %v\n%s", err, out)
	}
	os.Remove(filepath.Join(dir, ".kvlint.yaml"))
	if out, err := vet("./..."); err == nil || !strings.Contains(out, want) {
		t.Errorf("go vet after removing .kvlint.yaml: %v\n%s", err, out)
	}
	// A clean package passes.
	if out, err := vet("./clean"); err != nil {
		t.Errorf("go vet ./clean: %v\n%s", err, out)
	}
}

// TestGenerated checks -generated: generated files are skipped unless asked.
func TestGenerated(t *testing.T) {
	t.Parallel() // runs after the serial tests, which swap the suite
	dir := t.TempDir()
	tok := detect.FakeCRCToken("ghp_", "gen-"+t.Name())
	testfs.Write(t, dir, `
-- go.mod --
module example.com/gen

go 1.22
-- gen.go --
// Code generated by kvlint's test. DO NOT EDIT.

package gen

var token = `+strconv.Quote(tok)+"\n")
	if code, out, errs := run(t, "-C", dir, "./..."); code != ExitClean || out != "" {
		t.Errorf("generated file linted by default: exit %d, %q %s", code, out, errs)
	}
	code, out, errs := run(t, "-C", dir, "-generated", "./...")
	if code != ExitFindings || !strings.Contains(out, "gen.go:5:13: KV112 ") {
		t.Errorf("-generated: exit %d, %q %s", code, out, errs)
	}
}
