package secretlog

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/detect"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// noteGenerated records, in declare, the local variables of the unit that
// are only ever assigned a newly generated value: secret, err :=
// generate.NewSecretKey(); _, jwtSecretBase64 := generate.NewJwtSecretWithBase64().
func (f *flow) noteGenerated(n *ast.AssignStmt) {
	for i, lhs := range n.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			continue
		}
		obj := f.info.ObjectOf(id)
		if obj == nil {
			continue
		}
		if f.generates(n, i) {
			if _, bad := f.generated[obj]; !bad {
				f.generated[obj] = true
			}
			continue
		}
		f.generated[obj] = false // assigned something else too
	}
}

// generates reports whether the assignment stores in its i-th left-hand
// side a value a generator made: one result, not the error, of a call of a
// function whose name starts with a generator word.
func (f *flow) generates(n *ast.AssignStmt, i int) bool {
	if len(n.Rhs) != 1 || n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
		return false
	}
	call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
	if !ok || !generatedBy(f.info, call) {
		return false
	}
	t := f.info.TypeOf(n.Lhs[i])
	return t != nil && !types.Identical(t, types.Universe.Lookup("error").Type())
}

// isGenerated reports whether e, printed by the sink at cur, is a value
// generated in this function: a local variable that only holds generated
// values; one whose last store before the sink, in the blocks around it,
// is a generated value (password = c.String("password") in one branch,
// password, err = pwd.Generate(n) and the print in another); or a
// secret-named field of a local that a generator of that secret filled in
// (auth_model.NewAccessToken(ctx, t); fmt.Printf("%s", t.Token)).
func (f *flow) isGenerated(cur inspector.Cursor, e ast.Expr) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	switch e := e.(type) {
	case *ast.Ident:
		obj := f.info.ObjectOf(e)
		return obj != nil && (f.generated[obj] || f.lastStoreGenerated(cur, obj))
	case *ast.SelectorExpr:
		return f.filledByGenerator(cur, e)
	}
	return false
}

// lastStoreGenerated reports whether the last statement storing in obj
// before the sink at cur, looking back through the blocks that enclose
// it, stores a generated value; a statement that stores in obj inside a
// nested statement (a branch, a loop) ends the search.
func (f *flow) lastStoreGenerated(cur inspector.Cursor, obj types.Object) bool {
	stmt := cur
	for c := range cur.Enclosing() {
		block, ok := c.Node().(*ast.BlockStmt)
		if !ok {
			if _, fn := c.Node().(*ast.FuncLit); fn {
				return false
			}
			stmt = c
			continue
		}
		i := slices.Index(block.List, stmt.Node().(ast.Stmt))
		for j := i - 1; j >= 0; j-- {
			if as, ok := block.List[j].(*ast.AssignStmt); ok {
				for k, lhs := range as.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && f.info.ObjectOf(id) == obj {
						return f.generates(as, k)
					}
				}
			}
			if f.storesIn(block.List[j], obj) {
				return false
			}
		}
		stmt = c
	}
	return false
}

// storesIn reports whether n assigns obj or takes its address.
func (f *flow) storesIn(n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && f.info.ObjectOf(id) == obj {
					found = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && f.info.ObjectOf(id) == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// filledByGenerator reports whether sel is x.F, F a secret-named field, x
// a local variable passed (as x or &x) to a call, in this function, of a
// generator whose name ends with F's last word (NewAccessToken(ctx, t)
// and t.Token; not NewRequest(ctx, t)).
func (f *flow) filledByGenerator(cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || !secretName(sel.Sel.Name) {
		return false
	}
	x := f.info.ObjectOf(id)
	fieldWords := detect.SplitWords(sel.Sel.Name)
	if x == nil || len(fieldWords) == 0 {
		return false
	}
	last := fieldWords[len(fieldWords)-1]
	var unit inspector.Cursor
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		unit = c
	}
	for c := range unit.Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn := azsdk.Callee(f.info, call)
		if fn == nil || !generatedBy(f.info, call) || c.Node().Pos() > cur.Node().Pos() {
			continue
		}
		if w := detect.SplitWords(fn.Name()); len(w) == 0 || !strings.EqualFold(w[len(w)-1], last) {
			continue
		}
		for _, a := range call.Args {
			a = ast.Unparen(a)
			if u, ok := a.(*ast.UnaryExpr); ok && u.Op == token.AND {
				a = ast.Unparen(u.X)
			}
			if aid, ok := a.(*ast.Ident); ok && f.info.ObjectOf(aid) == x {
				return true
			}
		}
	}
	return false
}
