package docs

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/testfs"
)

// TestExportedNamesDocumented parses every non-test Go file of the module
// (outside testdata, hidden directories and nested modules) and fails
// listing each exported function, method of an exported type, type,
// constant, variable, field of an exported struct type and method of an
// exported interface type without a doc comment. A constant or variable in
// a parenthesized block is documented by the block's comment; a field or
// interface method by a comment above it or at the end of its line.
func TestExportedNamesDocumented(t *testing.T) {
	root := filepath.Join("..", "..")
	missing, err := undocumented(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Error(m)
	}
	if len(missing) > 0 {
		t.Logf("%d exported names without a doc comment", len(missing))
	}
}

// TestUndocumentedFindsEachKind runs the check over a small package with one
// undocumented name of each kind beside documented ones.
func TestUndocumentedFindsEachKind(t *testing.T) {
	src := `// Package p is a sample.
package p

import "fmt"

func F() {}

// G is documented.
func G() {}

type T struct {
	A int
	// B is documented.
	B int
	C int // C is documented.
	d int
	fmt.Stringer
}

// U is documented.
type U interface {
	I()
	// J is documented.
	J()
}

func (T) M() {}

// N is documented.
func (T) N() {}

func (u u) Hidden() {} // method of an unexported type: not part of the API

type u struct{}

const C = 1

// Block is documented as a group.
const (
	D = 2
	E = 3
)

var (
	V = 4
	// W is documented.
	W = 5
)

func init() {}

func lower() {}
`
	dir := testfs.Dir(t, "-- p.go --\n"+src+"-- p_test.go --\npackage p\n\nfunc TestX() {}\n")
	missing, err := undocumented(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range missing {
		names = append(names, m[strings.LastIndex(m, " ")+1:])
	}
	if got, want := strings.Join(names, " "), "F T T.A U.I T.M C V"; got != want {
		t.Errorf("undocumented names = %q, want %q\n%s", got, want, strings.Join(missing, "\n"))
	}
}

// undocumented returns "file:line: kind Name" for each exported name under
// root that lacks a doc comment.
func undocumented(root string) ([]string, error) {
	var missing []string
	skip := func(path, name string) bool {
		return name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || isModule(path)
	}
	err := walkGoFiles(root, skip, parser.ParseComments, func(fset *token.FileSet, rel string, f *ast.File) {
		if ast.IsGenerated(f) {
			return
		}
		for _, n := range fileUndocumented(f) {
			missing = append(missing, fmt.Sprintf("%s:%d: %s", rel, fset.Position(n.pos).Line, n.what))
		}
	})
	return missing, err
}

// isModule reports whether dir is the root of a nested module.
func isModule(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}

// name is one undocumented declaration: where and "kind Name".
type name struct {
	pos  token.Pos
	what string
}

// fileUndocumented lists the undocumented exported declarations of f.
func fileUndocumented(f *ast.File) []name {
	var out []name
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || d.Doc != nil {
				continue
			}
			if d.Recv == nil {
				out = append(out, name{d.Pos(), "func " + d.Name.Name})
			} else if recv := receiverName(d.Recv.List[0].Type); ast.IsExported(recv) {
				out = append(out, name{d.Pos(), "method " + recv + "." + d.Name.Name})
			}
		case *ast.GenDecl:
			out = append(out, genUndocumented(d)...)
		}
	}
	return out
}

// genUndocumented lists the undocumented exported types (and their
// members), constants and variables of one declaration; the declaration's
// own comment documents every spec in it, not the members of a type.
func genUndocumented(d *ast.GenDecl) []name {
	var out []name
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			if s.Doc == nil && d.Doc == nil {
				out = append(out, name{s.Pos(), "type " + s.Name.Name})
			}
			out = append(out, membersUndocumented(s)...)
		case *ast.ValueSpec:
			if s.Doc != nil || d.Doc != nil {
				continue
			}
			for _, id := range s.Names {
				if id.IsExported() {
					out = append(out, name{id.Pos(), d.Tok.String() + " " + id.Name})
				}
			}
		}
	}
	return out
}

// membersUndocumented lists the undocumented exported fields of an exported
// struct type and the undocumented methods of an exported interface type.
func membersUndocumented(s *ast.TypeSpec) []name {
	var list *ast.FieldList
	switch t := s.Type.(type) {
	case *ast.StructType:
		list = t.Fields
	case *ast.InterfaceType:
		list = t.Methods
	default:
		return nil
	}
	var out []name
	for _, f := range list.List {
		if f.Doc != nil || f.Comment != nil {
			continue
		}
		for _, id := range f.Names {
			if id.IsExported() {
				out = append(out, name{id.Pos(), "member " + s.Name.Name + "." + id.Name})
			}
		}
	}
	return out
}

// receiverName returns the base type name of a method receiver (T for T,
// *T, T[K] and *T[K]).
func receiverName(x ast.Expr) string {
	for {
		switch e := x.(type) {
		case *ast.StarExpr:
			x = e.X
		case *ast.IndexExpr:
			x = e.X
		case *ast.IndexListExpr:
			x = e.X
		case *ast.ParenExpr:
			x = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}
