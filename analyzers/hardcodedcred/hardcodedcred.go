// Package hardcodedcred is a kvlint analyzer (placeholder until implemented).
package hardcodedcred

import (
	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// Rules documents the rules this analyzer reports.
var Rules []rules.Info

// Analyzer is the hardcodedcred analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "hardcodedcred",
		Doc:      "hardcodedcred: not yet implemented",
		Requires: []*analysis.Analyzer{lint.Directives},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
