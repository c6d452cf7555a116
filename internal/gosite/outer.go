package gosite

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
)

// Outer returns the name of what encloses an expression site, for naming
// the place (kvlint migrate names a vault secret by it): for an element or
// value of a composite literal, what the literal is bound to; otherwise
// what the expression is bound to. Climbing outward, that is the const or
// var being declared, the key a value is given for, the variable assigned,
// or else the enclosing function declaration (through function literals).
// It returns "" for comments, tag defaults and sites bound to none of these.
func (s *Site) Outer() string {
	if s.Expr == nil || s.Tag || s.w == nil {
		return ""
	}
	c := s.cursor
	for c.ParentEdgeKind() == edge.ParenExpr_X {
		c = c.Parent()
	}
	switch c.ParentEdgeKind() {
	case edge.CompositeLit_Elts:
		c = c.Parent() // Have: T{"lit"}, []string{"lit"}
	case edge.KeyValueExpr_Value:
		if _, ok := c.Parent().Parent().Node().(*ast.CompositeLit); ok {
			c = c.Parent().Parent() // Have: T{F: "lit"}, map[K]V{k: "lit"}
		}
	}
	for p := c.Parent(); p.Node() != nil; c, p = p, p.Parent() {
		k, idx := c.ParentEdge()
		switch n := p.Node().(type) {
		case *ast.ValueSpec:
			if k == edge.ValueSpec_Values && idx < len(n.Names) {
				return n.Names[idx].Name
			}
			if len(n.Names) > 0 {
				return n.Names[0].Name
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				return id.Name
			}
			if key, ok := s.w.constString(n.Key); ok {
				return key
			}
		case *ast.AssignStmt:
			if k == edge.AssignStmt_Rhs && idx < len(n.Lhs) {
				return s.w.ExprName(n.Lhs[idx])
			}
		case *ast.FuncDecl:
			return n.Name.Name
		}
	}
	return ""
}
