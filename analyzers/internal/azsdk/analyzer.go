package azsdk

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// Def is what one Azure analyzer states of its own; New makes the analyzer
// from it, with the set-up every Azure analyzer shares.
type Def struct {
	Name  string       // the analyzer's name, its package's name
	Doc   string       // the source of its doc.go (see lint.NewAnalyzer)
	Kind  Kind         // how it treats test files
	Rules []rules.Info // the rules it reports
	// Skip, when not nil, says that a package has nothing for the analyzer
	// to look at (it reaches no SDK package it matches): checked first, so
	// such a package costs no configuration lookup.
	Skip func(*analysis.Pass) bool
	// Run analyzes a package the analyzer is on for, with at least one of
	// Rules enabled, given the package's Scope and inspector.
	Run func(pass *analysis.Pass, scope *Scope, insp *inspector.Inspector) (any, error)
}

// New returns the analyzer of d reading its configuration from src (the
// discovered .kvlint.yaml files when src is empty or nil).
func (d Def) New(src *config.Source) *analysis.Analyzer {
	return lint.NewAnalyzer(d.Name, d.Doc, src, d.run)
}

// run is the shared set-up: Skip, the Scope (nil when the analyzer is off
// for the package), then Run unless every rule of d is off.
func (d Def) run(pass *analysis.Pass, src *config.Source) (any, error) {
	if d.Skip != nil && d.Skip(pass) {
		return nil, nil
	}
	scope, err := Load(pass, src, d.Kind)
	if scope == nil || err != nil || !d.anyRule(scope) {
		return nil, err
	}
	return d.Run(pass, scope, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
}

// anyRule reports whether one of d's rules is enabled in scope.
func (d Def) anyRule(scope *Scope) bool {
	for _, r := range d.Rules {
		if scope.Rule(r.ID, r.Name) {
			return true
		}
	}
	return false
}

// Unreached returns a Def.Skip that skips a package reaching none of the
// families (constants of this package, as Reaches takes them).
func Unreached(families ...string) func(*analysis.Pass) bool {
	return func(pass *analysis.Pass) bool { return !Reaches(pass.Pkg, families...) }
}
