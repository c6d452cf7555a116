// Package lint holds what every kvlint analyzer shares: the suppression
// directive index (one parse per package, reused by all analyzers), reporting
// through it, and access to the configuration that applies to a package.
package lint

import (
	"go/ast"
	"go/token"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Directives is an analyzer whose result is the package's *Index of
// //kvlint:ignore directives. Every rule analyzer Requires it and reports
// through Report, so suppressions work under every driver (kvlint, go vet,
// golangci-lint, nogo).
var Directives = &analysis.Analyzer{
	Name:       "kvlintdirectives",
	Doc:        "collects //kvlint:ignore directives for the other kvlint analyzers",
	Run:        runDirectives,
	ResultType: reflect.TypeOf((*Index)(nil)),
}

// Directive is one parsed suppression directive in a Go file.
type Directive struct {
	Pos       token.Pos
	File      *token.File
	Line      int      // line of the comment
	FileWide  bool     // kvlint:file-ignore
	Rules     []string // rule IDs or names it covers
	Reason    string
	Malformed string // why it is malformed (e.g. "a reason is required"); such a directive suppresses nothing

	mu   sync.Mutex
	used bool
}

// Used reports whether the directive suppressed at least one diagnostic.
func (d *Directive) Used() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.used }

// Index is the set of directives of one package.
type Index struct {
	All []*Directive
}

func runDirectives(pass *analysis.Pass) (any, error) {
	ix := &Index{}
	_ = ast.IsGenerated // TODO(directives): parse comments with package suppress
	return ix, nil
}

// Suppressed reports whether a diagnostic of rule id (and name) at pos is
// covered by a well-formed directive, marking that directive used.
func (ix *Index) Suppressed(fset *token.FileSet, pos token.Pos, id, name string) bool {
	return false // TODO(directives)
}

// Report reports d unless a directive suppresses it. d.Category must be the
// rule ID; name is the rule's kebab-case name (directives may use either).
// The calling analyzer must Require Directives.
func Report(pass *analysis.Pass, d analysis.Diagnostic, name string) {
	if ix, ok := pass.ResultOf[Directives].(*Index); ok && ix.Suppressed(pass.Fset, d.Pos, d.Category, name) {
		return
	}
	pass.Report(d)
}
