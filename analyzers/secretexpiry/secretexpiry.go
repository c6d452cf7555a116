package secretexpiry

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

const name = "secretexpiry"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{
	{
		ID: "KV401", Name: "secret-without-expiry", Analyzer: name,
		Title: "key vault secret set without an expiry date",
		Doc: "SetSecret without SecretAttributes.Expires stores a secret that never expires, so nothing forces its " +
			"rotation and a leaked value keeps working. Set an expiry that matches the rotation period.",
		Bad: `client.SetSecret(ctx, "db-password", azsecrets.SetSecretParameters{Value: &v}, nil)`,
		Good: `exp := time.Now().AddDate(0, 3, 0)
client.SetSecret(ctx, "db-password", azsecrets.SetSecretParameters{Value: &v,
	SecretAttributes: &azsecrets.SecretAttributes{Expires: &exp}}, nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 3.5, Tags: []string{"azure", "keyvault", "rotation"},
	},
	{
		ID: "KV402", Name: "expiry-removed", Analyzer: name,
		Title: "key vault secret update removes the expiry date",
		Doc: "UpdateSecretProperties with SecretAttributes.Expires set to azcore.NullValue removes the secret's expiry, " +
			"so it never has to be rotated; an explicit nil shows the same intent (the SDK omits it and keeps the expiry). " +
			"Move the expiry forward instead.",
		Bad: `client.UpdateSecretProperties(ctx, name, "", azsecrets.UpdateSecretPropertiesParameters{
	SecretAttributes: &azsecrets.SecretAttributes{Expires: azcore.NullValue[*time.Time]()}}, nil)`,
		Good: `exp := time.Now().AddDate(0, 3, 0)
client.UpdateSecretProperties(ctx, name, "", azsecrets.UpdateSecretPropertiesParameters{
	SecretAttributes: &azsecrets.SecretAttributes{Expires: &exp}}, nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 3.5, Tags: []string{"azure", "keyvault", "rotation"},
	},
}

// Analyzer is the secretexpiry analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Practice, Rules: Rules, Skip: azsdk.Unreached(azsdk.AzSecrets), Run: run}

// run runs in a package that reaches azsecrets (no Client to call elsewhere).
func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	setOn := scope.Rule(Rules[0].ID, Rules[0].Name)
	updateOn := scope.Rule(Rules[1].ID, Rules[1].Name)
	info := pass.TypesInfo

	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		sc, ok := azsdk.Secrets(info, call, "")
		if !ok {
			continue
		}
		switch {
		case setOn && sc.Method == "SetSecret":
			if why := setWithoutExpiry(info, cur, sc.Params); why != "" {
				scope.Report(analysis.Diagnostic{
					Pos: call.Pos(), End: call.End(), Category: Rules[0].ID,
					Message: why + ": set an expiry date that matches the rotation period",
				}, Rules[0].Name)
			}
		case updateOn && sc.Method == "UpdateSecretProperties":
			if exp, msg := expiryRemoved(info, cur, sc.Params); msg != "" {
				scope.Report(analysis.Diagnostic{
					Pos: exp.Pos(), End: exp.End(), Category: Rules[1].ID, Message: msg,
				}, Rules[1].Name)
			}
		}
	}
	return nil, nil
}

// setWithoutExpiry says why the parameters of a SetSecret call at cur
// set a secret that never expires, or "" when they set an expiry or are
// built where they cannot be judged.
func setWithoutExpiry(info *types.Info, cur inspector.Cursor, paramsExpr ast.Expr) string {
	// Have: client.SetSecret(ctx, name, azsecrets.SetSecretParameters{...}, opts)
	params := resolveLit(info, cur, paramsExpr)
	if params == nil {
		return "" // built elsewhere: not judged
	}
	attrsExpr := field(info, params, "SecretAttributes")
	if attrsExpr == nil || isNil(info, attrsExpr) {
		return "secret is set without SecretAttributes, so it never expires"
	}
	attrs := resolveLit(info, cur, attrsExpr)
	if attrs == nil {
		return ""
	}
	exp := field(info, attrs, "Expires")
	switch {
	case exp == nil:
		return "secret is set without SecretAttributes.Expires, so it never expires"
	case isNil(info, exp) || isNullValue(info, exp):
		return "secret is set with a nil SecretAttributes.Expires, so it never expires"
	}
	return ""
}

// expiryRemoved returns the Expires value of an UpdateSecretProperties
// call's parameters at cur and what to say of it when it removes the
// expiry (azcore.NullValue) or tries to (nil); "" otherwise.
func expiryRemoved(info *types.Info, cur inspector.Cursor, paramsExpr ast.Expr) (ast.Expr, string) {
	// Have: client.UpdateSecretProperties(ctx, name, version,
	//     azsecrets.UpdateSecretPropertiesParameters{SecretAttributes: &azsecrets.SecretAttributes{Expires: nil}}, opts)
	params := resolveLit(info, cur, paramsExpr)
	if params == nil {
		return nil, ""
	}
	attrsExpr := field(info, params, "SecretAttributes")
	if attrsExpr == nil {
		return nil, ""
	}
	attrs := resolveLit(info, cur, attrsExpr)
	if attrs == nil {
		return nil, ""
	}
	exp := field(info, attrs, "Expires")
	switch {
	case exp == nil:
		return nil, ""
	case isNullValue(info, exp):
		return exp, "UpdateSecretProperties removes the secret's expiry (Expires: azcore.NullValue): move the expiry date forward instead"
	case isNil(info, exp):
		return exp, "UpdateSecretProperties sets Expires to nil, which the SDK omits (the expiry is kept): to extend the secret's life, set a later expiry date; do not remove it"
	}
	return nil, ""
}

// field returns the value given to the named field in a struct composite
// literal (keyed or positional), or nil if the literal leaves it zero.
func field(info *types.Info, lit *ast.CompositeLit, name string) ast.Expr {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return elt
		}
	}
	return nil
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// isNullValue reports whether e is azcore.NullValue[T]().
func isNullValue(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && azsdk.IsFunc(azsdk.Callee(info, call), azsdk.AzCore, "NullValue")
}

// resolveLit returns the composite literal e denotes: e itself (or &lit), or
// a local variable of the function enclosing at that is initialized with one
// and never assigned again, field-stored or address-taken. Otherwise nil.
func resolveLit(info *types.Info, at inspector.Cursor, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return e
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() {
			return nil
		}
		var fn inspector.Cursor
		for f := range at.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			fn = f // outermost: closures may capture it
		}
		if !fn.Valid() {
			return nil
		}
		return localInit(info, fn, v)
	}
	return nil
}

// localInit returns the composite literal v is initialized with in fn, if v
// is declared there with one and is not changed afterwards.
func localInit(info *types.Info, fn inspector.Cursor, v *types.Var) *ast.CompositeLit {
	var init *ast.CompositeLit
	for cur := range fn.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Defs[id] == v {
			// Have: v := T{...}, v := &T{...}, var v = T{...}.
			var val ast.Expr
			switch p := cur.Parent().Node().(type) {
			case *ast.AssignStmt:
				if len(p.Lhs) == len(p.Rhs) {
					val = p.Rhs[cur.ParentEdgeIndex()]
				}
			case *ast.ValueSpec:
				if len(p.Names) == len(p.Values) {
					val = p.Values[cur.ParentEdgeIndex()]
				}
			}
			if val == nil {
				return nil // a parameter, or declared without a literal
			}
			val = ast.Unparen(val)
			if u, ok := val.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
				val = ast.Unparen(u.X)
			}
			lit, ok := val.(*ast.CompositeLit)
			if !ok {
				return nil
			}
			init = lit
			continue
		}
		if info.Uses[id] != v {
			continue
		}
		// Walk up selectors (v.F.G) to the outermost expression.
		c := cur
		for c.ParentEdgeKind() == edge.SelectorExpr_X || c.ParentEdgeKind() == edge.ParenExpr_X {
			c = c.Parent()
		}
		switch c.ParentEdgeKind() {
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
			return nil // v = ..., v.F = ...
		case edge.UnaryExpr_X:
			if c.Parent().Node().(*ast.UnaryExpr).Op.String() == "&" {
				return nil // &v, &v.F may be written through
			}
		}
		if _, isMethodCall := c.Node().(*ast.SelectorExpr); isMethodCall && c.ParentEdgeKind() == edge.CallExpr_Fun {
			return nil // v.M(...) may change it
		}
	}
	return init
}
