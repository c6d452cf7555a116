package vaultperrequest

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

const name = "vaultperrequest"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{{
	ID: "KV420", Name: "vault-call-per-request", Analyzer: name,
	Title: "key vault read on every http request",
	Doc: "GetSecret called in an HTTP handler reads Key Vault on every request: each response waits on the vault, " +
		"fails when it is slow or throttling, and spends the vault's transaction limit on the same value. " +
		"Read the secret at startup, or through a cache that refreshes it.",
	Bad: `func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := s.vault.GetSecret(r.Context(), "partner-api-key", "", nil)
	...
}`,
	Good: `func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, err := s.secrets.Get(r.Context(), "partner-api-key") // cached, refreshed in the background
	...
}`,
	Severity: rules.SeverityWarning, SecuritySeverity: 2.0, Tags: []string{"azure", "keyvault", "performance", "reliability"},
}}

// Analyzer is the vaultperrequest analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Practice, Rules: Rules, Skip: azsdk.Unreached(azsdk.AzSecrets), Run: run}

// run runs in a package that reaches azsecrets (no Client to call elsewhere).
func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	info := pass.TypesInfo
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if _, ok := azsdk.Secrets(info, call, "GetSecret"); !ok {
			continue
		}
		handler := ""
		var body *ast.BlockStmt
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if _, ok := fn.Node().(*ast.FuncLit); ok && runsOnce(info, fn) {
				break // Have: once.Do(func() { c.GetSecret(...) })
			}
			if h := handlerKind(info, fn.Node()); h != "" {
				handler = h
				switch fn := fn.Node().(type) {
				case *ast.FuncDecl:
					body = fn.Body
				case *ast.FuncLit:
					body = fn.Body
				}
				break
			}
		}
		if handler == "" || body == nil || fillsCache(info, cur, body) {
			continue
		}
		scope.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: Rules[0].ID,
			Message: "GetSecret is called on every request in this " + handler + ": read the secret at startup or through a cache that refreshes it",
		}, Rules[0].Name)
	}
	return nil, nil
}

// handlerKind describes fn if it is an HTTP handler, or returns "".
func handlerKind(info *types.Info, fn ast.Node) string {
	var sig *types.Signature
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			sig, _ = obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ = info.TypeOf(fn).(*types.Signature)
	}
	if sig == nil {
		return ""
	}
	p := sig.Params()
	switch {
	case p.Len() == 2 && azsdk.IsNamed(p.At(0).Type(), "net/http", "ResponseWriter") && isPtrTo(p.At(1).Type(), "net/http", "Request"):
		return "http handler"
	case p.Len() == 1 && isPtrTo(p.At(0).Type(), "github.com/gin-gonic/gin", "Context"):
		return "gin handler"
	case p.Len() == 1 && azsdk.IsNamed(p.At(0).Type(), "github.com/labstack/echo/v4", "Context") && sig.Results().Len() == 1:
		return "echo handler"
	}
	return ""
}

func isPtrTo(t types.Type, pkg, name string) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok && azsdk.IsNamed(t, pkg, name)
}

// runsOnce reports whether the function literal at lit is an argument of
// (*sync.Once).Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues.
func runsOnce(info *types.Info, lit inspector.Cursor) bool {
	if lit.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := lit.Parent().Node().(*ast.CallExpr)
	fn := azsdk.Callee(info, call)
	if fn == nil {
		return false
	}
	return azsdk.IsMethod(fn, "sync", "Once", "Do") ||
		azsdk.IsFunc(fn, "sync", "OnceFunc") || azsdk.IsFunc(fn, "sync", "OnceValue") || azsdk.IsFunc(fn, "sync", "OnceValues")
}

// fillsCache reports whether the call at cur runs only when a cache is
// empty or stale: it sits in an if statement, inside the handler body, whose
// condition reads a place that outlives the request (a field of the
// receiver, a captured or package-level variable) and whose body stores into
// that place.
//
// Have: if s.key == "" { resp, _ := s.vault.GetSecret(...); s.key = *resp.Value }
func fillsCache(info *types.Info, cur inspector.Cursor, body *ast.BlockStmt) bool {
	for c := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok || ifs.Pos() < body.Pos() || ifs.End() > body.End() {
			return false // left the handler
		}
		read := map[string]bool{}
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr, *ast.Ident:
				if e := n.(ast.Expr); outlives(info, e, body) {
					read[types.ExprString(e)] = true
				} else if id, ok := e.(*ast.Ident); ok {
					// Have: v, ok := s.cache[k]; if !ok {...}: a local read
					// from the cache earlier in the handler.
					for _, src := range readFrom(info, body, info.Uses[id]) {
						read[src] = true
					}
				}
				return false
			case *ast.IndexExpr:
				if outlives(info, n.X, body) {
					read[types.ExprString(n.X)] = true
				}
			}
			return true
		})
		if ifs.Init != nil {
			// Have: if v, ok := c.values[name]; !ok { ... }: the init reads the cache.
			ast.Inspect(ifs.Init, func(n ast.Node) bool {
				if ix, ok := n.(*ast.IndexExpr); ok && outlives(info, ix.X, body) {
					read[types.ExprString(ix.X)] = true
				}
				return true
			})
		}
		stored := false
		ast.Inspect(ifs.Body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, lhs := range as.Lhs {
					if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
						lhs = ix.X
					}
					if read[types.ExprString(ast.Unparen(lhs))] {
						stored = true
					}
				}
			}
			return !stored
		})
		if stored {
			return true
		}
	}
	return false
}

// readFrom returns the long-lived places (maps and fields that outlive the
// request) that local variable obj is assigned from in body:
// v, ok := s.cache[k] gives s.cache.
func readFrom(info *types.Info, body *ast.BlockStmt, obj types.Object) []string {
	if obj == nil {
		return nil
	}
	var places []string
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || info.ObjectOf(id) != obj {
				continue
			}
			rhs := as.Rhs[0]
			if len(as.Rhs) == len(as.Lhs) {
				rhs = as.Rhs[i]
			}
			e := ast.Unparen(rhs)
			if ix, ok := e.(*ast.IndexExpr); ok {
				e = ix.X
			}
			if outlives(info, e, body) {
				places = append(places, types.ExprString(e))
			}
		}
		return true
	})
	return places
}

// outlives reports whether e (x, x.f.g) is rooted at a variable declared
// outside body: a receiver, a captured variable or a package-level one.
func outlives(info *types.Info, e ast.Expr, body *ast.BlockStmt) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				// Have: pkg.Var.
				v, ok := info.Uses[x.Sel].(*types.Var)
				return ok && !v.IsField()
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			return ok && (v.Pos() < body.Pos() || v.Pos() >= body.End())
		default:
			return false
		}
	}
}
