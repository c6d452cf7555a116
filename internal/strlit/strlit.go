// Package strlit lists the string literals of Go files with their values:
// the stand-in analyzers and finders that tests build report from it.
package strlit

import (
	"go/ast"
	"go/token"
	"iter"
	"strconv"
)

// All yields every string literal of files, in source order, with its
// unquoted value; a literal that does not unquote (only in a file that
// does not parse) is left out.
func All(files ...*ast.File) iter.Seq2[*ast.BasicLit, string] {
	return func(yield func(*ast.BasicLit, string) bool) {
		for _, f := range files {
			for n := range ast.Preorder(f) {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				v, err := strconv.Unquote(lit.Value)
				if err != nil {
					continue
				}
				if !yield(lit, v) {
					return
				}
			}
		}
	}
}
