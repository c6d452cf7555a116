// Package fixcheck is a test helper for the Azure analyzers: it applies every
// suggested fix an analyzer makes on analysistest fixtures and builds the
// result, so that a fix that leaves code which does not compile fails the
// test; and it holds what their tests share (the testdata directory, a
// configuration from YAML, a quiet analysistest run).
package fixcheck

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/config"
)

// quiet swallows analysistest's own complaints: the analyzer's main test
// checks the expectations; this one checks that fixes compile.
type quiet struct{ first *string }

func (q quiet) Errorf(format string, args ...any) {
	if *q.first == "" {
		*q.first = fmt.Sprintf(format, args...)
	}
}

// Quiet is an analysistest.Testing that ignores every complaint, for a run
// whose results the test checks itself (a fixture's want comments hold for
// one configuration only).
type Quiet struct{}

// Errorf ignores the complaint.
func (Quiet) Errorf(string, ...any) {}

// Config returns a source of the fixed configuration yaml (a .kvlint.yaml
// text); it fails t if yaml does not parse.
func Config(t *testing.T, yaml string) *config.Source {
	t.Helper()
	loaded, err := config.Parse([]byte(yaml), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return &config.Source{Fixed: loaded}
}

// TestData returns the absolute path of the module's top-level testdata
// directory, seen from an analyzer package two levels below the root.
func TestData(t *testing.T) string {
	t.Helper()
	return TestDataAt(t, "..", "..", "testdata")
}

// TestDataAt returns the absolute path of the relative path elems.
func TestDataAt(t *testing.T, elems ...string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(elems...))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type edit struct {
	start, end int
	text       []byte
}

// TB is the part of *testing.T that Run uses.
type TB interface {
	Helper()                           // marks the caller as a helper in failure positions
	Fatal(args ...any)                 // stops the test with a message
	Fatalf(format string, args ...any) // stops the test with a formatted message
	TempDir() string                   // returns a directory removed when the test ends
}

// Run runs a on the GOPATH-style fixtures testdata/src/<pkgs>, applies the
// first suggested fix of every diagnostic, copies testdata/src with the fixed
// files into a temporary GOPATH and builds pkgs there offline (GOPATH mode).
// It fails t if no fix was made, if fixes overlap, or if the build fails.
func Run(t TB, testdata string, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	srcRoot, err := filepath.Abs(filepath.Join(testdata, "src"))
	if err != nil {
		t.Fatal(err)
	}
	edits := map[string][]edit{} // absolute file name -> edits
	var first string
	for _, res := range analysistest.Run(quiet{&first}, testdata, a, pkgs...) {
		if res.Err != nil {
			t.Fatalf("analysis of %s: %v", res.Action.Package.PkgPath, res.Err)
		}
		fset := res.Action.Package.Fset
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			for _, te := range d.SuggestedFixes[0].TextEdits {
				f := fset.File(te.Pos)
				edits[f.Name()] = append(edits[f.Name()], edit{f.Offset(te.Pos), f.Offset(te.End), te.NewText})
			}
		}
	}
	if len(edits) == 0 {
		t.Fatalf("no suggested fixes on %v: nothing to check (first analysistest complaint: %s)", pkgs, first)
	}

	gopath := t.TempDir()
	dst := filepath.Join(gopath, "src")
	if err := os.CopyFS(dst, os.DirFS(srcRoot)); err != nil {
		t.Fatal(err)
	}
	for name, es := range edits {
		rel, err := filepath.Rel(srcRoot, name)
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("fixed file %s is outside %s", name, srcRoot)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fixed, err := apply(data, es)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		if err := os.WriteFile(filepath.Join(dst, rel), fixed, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cmd := exec.Command("go", append([]string{"build", "-o", os.DevNull}, pkgs...)...)
	if len(pkgs) > 1 {
		cmd = exec.Command("go", append([]string{"build"}, pkgs...)...)
	}
	cmd.Dir = dst
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("fixed fixtures do not build (%d files fixed): %v\n%s", len(edits), err, out.String())
	}
}

// apply applies non-overlapping edits to data, last to first.
func apply(data []byte, es []edit) ([]byte, error) {
	sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
	for i := 1; i < len(es); i++ {
		if es[i].start < es[i-1].end {
			return nil, fmt.Errorf("overlapping edits at offsets %d and %d", es[i-1].start, es[i].start)
		}
	}
	out := append([]byte(nil), data...)
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		out = append(out[:e.start:e.start], append(append([]byte(nil), e.text...), out[e.end:]...)...)
	}
	return out, nil
}
