package azsdk

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// Removable reports whether deleting the expressions removed (part of the
// file that cur is in) leaves no local variable and no import unused, so
// that a fix deleting them still compiles. Parameters, fields and
// package-level variables may go unused.
func Removable(info *types.Info, cur inspector.Cursor, removed ...ast.Expr) bool {
	var file inspector.Cursor
	for f := range cur.Enclosing((*ast.File)(nil)) {
		file = f
	}
	if !file.Valid() {
		return false
	}
	params := paramsOf(info, file)
	inside := map[types.Object]bool{}
	for _, e := range removed {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				switch obj := info.Uses[id].(type) {
				case *types.PkgName:
					inside[obj] = true
				case *types.Var:
					if !obj.IsField() && obj.Parent() != obj.Pkg().Scope() && !params[obj] {
						inside[obj] = true
					}
				}
			}
			return true
		})
	}
	if len(inside) == 0 {
		return true
	}
	in := func(pos ast.Node) bool {
		for _, e := range removed {
			if pos.Pos() >= e.Pos() && pos.End() <= e.End() {
				return true
			}
		}
		return false
	}
	// Look for a use outside the removed expressions: in the same file for
	// an import, and for a local variable (its function is in the file).
	for c := range file.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		obj := info.Uses[id]
		if !inside[obj] || in(id) {
			continue
		}
		if _, isVar := obj.(*types.Var); isVar && c.ParentEdgeKind() == edge.AssignStmt_Lhs {
			continue // an assignment is not a use
		}
		delete(inside, obj)
	}
	return len(inside) == 0
}

// paramsOf returns the parameters, results and receivers of every function
// of file.
func paramsOf(info *types.Info, file inspector.Cursor) map[types.Object]bool {
	params := map[types.Object]bool{}
	for cur := range file.Preorder((*ast.FuncType)(nil), (*ast.FuncDecl)(nil)) {
		var lists []*ast.FieldList
		switch n := cur.Node().(type) {
		case *ast.FuncType:
			lists = []*ast.FieldList{n.Params, n.Results}
		case *ast.FuncDecl:
			lists = []*ast.FieldList{n.Recv}
		}
		for _, l := range lists {
			if l == nil {
				continue
			}
			for _, f := range l.List {
				for _, n := range f.Names {
					if obj := info.Defs[n]; obj != nil {
						params[obj] = true
					}
				}
			}
		}
	}
	return params
}

// EnclosingDecl returns the top-level declaration containing cur (a
// FuncDecl or GenDecl), or nil: the scope in which the Azure analyzers relate
// two uses (options and the call they reach, a credential and its client).
func EnclosingDecl(cur inspector.Cursor) ast.Node {
	var decl ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		decl = c.Node()
	}
	return decl
}
