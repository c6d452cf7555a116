// Command floor is the cost floor of any go/analysis linter that loads
// packages with types: a do-nothing analyzer that only walks string literals
// with the inspector, run by the standard singlechecker driver. bench/compare.sh
// reports kvlint's cost as a ratio to it.
package main

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/ast/inspector"
)

var analyzer = &analysis.Analyzer{
	Name:     "floor",
	Doc:      "walks every string literal and does nothing with it",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		in.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(node ast.Node) {
			if len(node.(*ast.BasicLit).Value) > 0 {
				n++
			}
		})
		return nil, nil
	},
}

func main() { singlechecker.Main(analyzer) }
