// Package clientsecretauth is a kvlint analyzer (placeholder until implemented).
package clientsecretauth

import (
	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// Rules documents the rules this analyzer reports.
var Rules []rules.Info

// Analyzer is the clientsecretauth analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "clientsecretauth",
		Doc:      "clientsecretauth: not yet implemented",
		Requires: []*analysis.Analyzer{lint.Directives},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
