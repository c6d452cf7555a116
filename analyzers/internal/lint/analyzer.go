package lint

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/kvlint/kvlint/config"
)

// NewAnalyzer returns the analyzer name of package
// github.com/kvlint/kvlint/analyzers/<name>: its Doc is the package doc
// (doc, the embedded doc.go), it requires Directives and the inspector, and
// run reads the configuration from src (the discovered .kvlint.yaml files
// when src is empty). The Azure analyzers are made through azsdk.Def,
// which adds the run set-up they share.
func NewAnalyzer(name, doc string, src *config.Source, run func(*analysis.Pass, *config.Source) (any, error)) *analysis.Analyzer {
	if src == nil {
		src = &config.Source{}
	}
	return &analysis.Analyzer{
		Name:     name,
		Doc:      MustExtractDoc(doc, name),
		URL:      "https://pkg.go.dev/github.com/kvlint/kvlint/analyzers/" + name,
		Requires: []*analysis.Analyzer{Directives, inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, src) },
	}
}
