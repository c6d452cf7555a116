package gosite_test

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/gosite"
)

// FuzzFold checks gosite's folding against go/types: on any expression
// nothing panics, and wherever the expression type-checks as a string
// constant, the fold without types (syntax only, as kvlint scan reads it)
// and the fold with types (as lint reads it) both give go/types' value, or
// (syntax only) no value at all; a fold never gives a value to an
// expression go/types rejects or finds not to be a string constant.
func FuzzFold(f *testing.F) {
	for _, s := range []string{
		`"a" + "b"`, `("a" + ("b")) + "c"`, "`raw` + \"x\"", `"\x41\u00e9\n" + "\"q\""`,
		"`with\r\ncr`", `"a" + 1`, `1 + 2`, `"a" - "b"`, `string("a")`, `c + "x"`, `"é😀" + "\xff"`,
		`"unterminated`, `""`, `"a" + "" + "b"`, `len("abc")`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "<<") || len(src) > 1000 {
			return // huge shifted constants make go/types slow, and say nothing of strings
		}
		expr, err := parser.ParseExpr(src)
		if err != nil {
			return
		}
		syntax, sok := gosite.New(nil).Fold(expr)

		// Type-check the same expression as a package-level constant.
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", "package p\n\nconst c = \"c\"\n\nvar _ = "+src+"\n", 0)
		if err != nil {
			return // the expression does not stand alone as a declaration's value
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		conf := types.Config{Error: func(error) {}}
		_, err = conf.Check("p", fset, []*ast.File{file}, info)
		value := file.Decls[len(file.Decls)-1].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0]
		typed, tok := gosite.New(info).Fold(value)
		if err != nil {
			if sok && !hasIdent(expr) {
				// A literal-only expression go/types rejects ("a" - "b" is
				// not folded; "a" + 1 is not a string).
				t.Fatalf("Fold(%q) without types = %q; go/types rejects it: %v", src, syntax, err)
			}
			return
		}
		tv := info.Types[value]
		isString := tv.Value != nil && tv.Value.Kind() == constant.String
		if !isString {
			if sok {
				t.Fatalf("Fold(%q) without types = %q; go/types: not a string constant", src, syntax)
			}
			if tok {
				t.Fatalf("Fold(%q) with types = %q; go/types: not a string constant", src, typed)
			}
			return
		}
		want := constant.StringVal(tv.Value)
		if !tok || typed != want {
			t.Fatalf("Fold(%q) with types = %q, %v; go/types says %q", src, typed, tok, want)
		}
		if sok && syntax != want {
			t.Fatalf("Fold(%q) without types = %q; go/types says %q", src, syntax, want)
		}
	})
}

// hasIdent reports whether e refers to a name, whose meaning only types give.
func hasIdent(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.Ident); ok {
			found = true
		}
		return !found
	})
	return found
}
