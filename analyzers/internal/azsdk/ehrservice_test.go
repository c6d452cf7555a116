package azsdk_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
)

// TestEHRServiceHasNoFindings runs every Azure analyzer and hardcodedcred over
// the realistic fixture service testdata/src/ehrservice (Key Vault through a
// cache, DefaultAzureCredential, careful logging) and wants no finding at all.
// The positive fixture secretlog is loaded in the same run and must have
// findings, so a harness that silently analyzes nothing fails too.
func TestEHRServiceHasNoFindings(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   filepath.Join(testdata, "src"),
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOFLAGS=", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "ehrservice/...", "secretlog")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("load %s: %v", p.PkgPath, e)
		}
	})
	if t.Failed() {
		return
	}
	graph, err := checker.Analyze(analyzers.RuleAnalyzers(&config.Source{}), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	ehrPkgs, positives := map[string]bool{}, 0
	for _, act := range graph.Roots {
		path := act.Package.PkgPath
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, path, act.Err)
			continue
		}
		if strings.HasPrefix(path, "secretlog") {
			positives += len(act.Diagnostics)
			continue
		}
		ehrPkgs[path] = true
		for _, d := range act.Diagnostics {
			// The messages of these analyzers never contain a secret value.
			t.Errorf("false positive: %s: %s [%s] %s", act.Analyzer.Name, act.Package.Fset.Position(d.Pos), d.Category, d.Message)
		}
	}
	if len(ehrPkgs) < 6 {
		t.Errorf("analyzed %d ehrservice packages, want at least 6: %v", len(ehrPkgs), keys(ehrPkgs))
	}
	if positives == 0 {
		t.Error("no findings on the secretlog fixture: the harness analyzed nothing")
	}
}

func keys(m map[string]bool) string {
	var s []string
	for k := range m {
		s = append(s, k)
	}
	return fmt.Sprint(s)
}
