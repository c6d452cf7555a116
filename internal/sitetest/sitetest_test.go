// Package sitetest checks that the three readers of Go strings agree: lint
// (the hardcodedcred analyzer through go/analysis/checker, with types),
// kvlint scan (syntax only, scan.Run) and kvlint migrate's planner report
// the same secrets at the same places, over every Go file under testdata.
package sitetest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/migrate"
	"github.com/kvlint/kvlint/scan"
)

// finding is what must be identical: rule, file (relative to the copy),
// line, column and message.
type finding struct {
	Rule, File string
	Line, Col  int
	Message    string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d %s %s", f.File, f.Line, f.Col, f.Rule, f.Message)
}

// where is a finding's file, line and rule: what an expected difference names.
func (f finding) where() string { return fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Rule) }

// modules are the module trees under testdata; src is the GOPATH tree of
// the analyzers' fixtures.
var modules = []string{"corpus", "legacy", "modules/drv", "modules/golangci"}

// copyTestdata copies testdata to a temporary directory: kvlint scan treats
// every file under a testdata directory as a test fixture (Context.Test)
// and lint does not, so both are run over a copy whose paths have no
// testdata element and judge test files by the same rule (_test.go).
func copyTestdata(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if rel == "src" || strings.HasPrefix(rel, "src"+string(filepath.Separator)) {
			target = filepath.Join(dst, "gopath", rel)
		}
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// tree is one loaded tree of the copy.
type tree struct {
	dir string // absolute
	env []string
}

func trees(root string) []tree {
	var out []tree
	for _, m := range modules {
		out = append(out, tree{dir: filepath.Join(root, filepath.FromSlash(m))})
	}
	gopath := filepath.Join(root, "gopath")
	out = append(out, tree{dir: filepath.Join(gopath, "src"), env: []string{"GOPATH=" + gopath, "GO111MODULE=off", "GOPROXY=off"}})
	return out
}

// lint runs the hardcodedcred analyzer over every package of the trees and
// returns its findings, and the Go files of packages that do not
// type-check (left out of the comparison).
func lint(t *testing.T, root string) (map[finding]bool, map[string]bool) {
	t.Helper()
	found := map[finding]bool{}
	broken := map[string]bool{}
	for _, tr := range trees(root) {
		cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: tr.dir, Tests: true, Env: append(os.Environ(), tr.env...)}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Fatalf("load %s: %v", tr.dir, err)
		}
		for _, p := range pkgs {
			if len(p.Errors) > 0 || len(p.TypeErrors) > 0 {
				for _, f := range p.CompiledGoFiles {
					broken[rel(root, f)] = true
				}
			}
		}
		a := hardcodedcred.New(&config.Source{})
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if !act.IsRoot || act.Analyzer != a {
				continue
			}
			for _, d := range act.Diagnostics {
				p := act.Package.Fset.Position(d.Pos)
				found[finding{Rule: d.Category, File: rel(root, p.Filename), Line: p.Line, Col: p.Column, Message: d.Message}] = true
			}
		}
	}
	return found, broken
}

// scanGo runs kvlint scan over the copy and returns its findings in Go files.
func scanGo(t *testing.T, root string) map[finding]bool {
	t.Helper()
	res := scan.Run([]string{root}, scan.Options{Root: root})
	if res.Err != nil {
		t.Logf("scan errors: %v", res.Err)
	}
	found := map[finding]bool{}
	for _, f := range res.Findings {
		if !strings.HasSuffix(f.Filename, ".go") || f.RuleID == "KV002" {
			continue
		}
		found[finding{Rule: f.RuleID, File: rel(root, f.Filename), Line: f.Line, Col: f.Col, Message: f.Message}] = true
	}
	return found
}

// planned runs migrate's planner (migrate -plan, tests included) over each
// module and returns the places it plans or leaves for manual work. A plan
// holds no message: the planner is compared on rule, file, line and column.
func planned(t *testing.T, root string) map[finding]bool {
	t.Helper()
	found := map[finding]bool{}
	for _, m := range modules {
		dir := filepath.Join(root, filepath.FromSlash(m))
		out := filepath.Join(t.TempDir(), "plan.yaml")
		err := migrate.Run(context.Background(), &migrate.Options{
			Dir: dir, VaultURL: "https://test.vault.azure.net/", PlanOut: out, IncludeTests: true,
		}, io.Discard, io.Discard)
		if err != nil {
			t.Fatalf("migrate -plan %s: %v", m, err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var plan migrate.Plan
		if err := yaml.Unmarshal(data, &plan); err != nil {
			t.Fatal(err)
		}
		add := func(p migrate.PlanPlace, rule string) {
			file := filepath.ToSlash(filepath.Join(m, filepath.FromSlash(p.File)))
			found[finding{Rule: rule, File: file, Line: p.Line, Col: p.Col}] = true
		}
		for _, s := range plan.Secrets {
			for _, p := range s.Places {
				add(p, s.Rule)
			}
		}
		for _, p := range plan.Manual {
			add(p, p.Rule)
		}
	}
	return found
}

func rel(root, file string) string {
	r, err := filepath.Rel(root, file)
	if err != nil {
		return file
	}
	r = filepath.ToSlash(r)
	return strings.TrimPrefix(r, "gopath/src/")
}

func sortedKeys(m map[finding]bool) []finding {
	var out []finding
	for f := range m {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b finding) int { return strings.Compare(a.String(), b.String()) })
	return out
}
