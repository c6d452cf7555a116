// Package ignorecheck is a kvlint analyzer (placeholder until implemented).
package ignorecheck

import (
	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// Rules documents the rules this analyzer reports.
var Rules []rules.Info

// New returns the analyzer reading its configuration from src.
func New(src *config.Source, ruleAnalyzers []*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "ignorecheck",
		Doc:      "ignorecheck: not yet implemented",
		Requires: append([]*analysis.Analyzer{lint.Directives}, ruleAnalyzers...),
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
}
