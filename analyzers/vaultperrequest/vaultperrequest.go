package vaultperrequest

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/analyzers/internal/lint"
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
func New(src *config.Source) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      lint.MustExtractDoc(doc, name),
		URL:      "https://pkg.go.dev/github.com/kvlint/kvlint/analyzers/vaultperrequest",
		Requires: []*analysis.Analyzer{lint.Directives, inspect.Analyzer},
		Run:      func(pass *analysis.Pass) (any, error) { return run(pass, src) },
	}
}

func run(pass *analysis.Pass, src *config.Source) (any, error) {
	scope, err := azsdk.Load(pass, src, azsdk.Practice)
	if scope == nil || err != nil || !scope.Rule(Rules[0].ID, Rules[0].Name) {
		return nil, err
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	info := pass.TypesInfo
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if !azsdk.IsClientMethod(info, call, "GetSecret") {
			continue
		}
		handler := ""
		for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			if _, ok := fn.Node().(*ast.FuncLit); ok && runsOnce(info, fn) {
				break // Have: once.Do(func() { c.GetSecret(...) })
			}
			if h := handlerKind(info, fn.Node()); h != "" {
				handler = h
				break
			}
		}
		if handler == "" {
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
