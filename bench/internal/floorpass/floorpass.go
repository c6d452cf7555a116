// Package floorpass holds the cost floor of any go/analysis linter that
// reads string literals: an analyzer that walks every string literal with
// the inspector and does nothing else. The bench/floor command runs it under
// the standard singlechecker driver (bench/compare.sh reports kvlint's cost
// as a ratio to it) and bench/benchpkg benchmarks kvlint's analyzers beside
// it, so both measure against the same floor.
package floorpass

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer walks every string literal and does nothing with it.
var Analyzer = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "walks every string literal and does nothing with it",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		in.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(node ast.Node) {
			if node.(*ast.BasicLit).Kind == token.STRING {
				n++
			}
		})
		_ = n
		return nil, nil
	},
}
