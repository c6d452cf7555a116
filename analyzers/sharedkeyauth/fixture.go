package sharedkeyauth

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/detect"
)

// A test that builds a shared-key client from a made-up key
// (azblob.NewSharedKeyCredential("testaccount", "dGVzdGtleQ==") to reach a
// code path that signs, as dapr's presign tests do) authenticates to
// nothing: the key is a fixture by the rules that judge hardcoded
// credentials. In test code (not Example functions, which users copy) such
// a call is not reported. A test that reads a key at run time (an
// integration test with os.Getenv("AZURE_STORAGE_KEY")) or holds one the
// credential rules flag is.

// fixtureCall reports whether every credential argument of call (a
// string parameter named for a key, secret or connection string, or a
// credential value) is a constant the credential rules do not flag, or a
// variable of the function set only from another such call.
func fixtureCall(scope *azsdk.Scope, info *types.Info, body ast.Node, call *ast.CallExpr, depth int) bool {
	fn := azsdk.Callee(info, call)
	if fn == nil || depth > 3 {
		return false
	}
	sig := fn.Type().(*types.Signature)
	for i, a := range call.Args {
		if i >= sig.Params().Len() {
			return false
		}
		p := sig.Params().At(i)
		if !credentialParam(p) {
			continue
		}
		if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if flagged(scope, p.Name(), constant.StringVal(tv.Value)) {
				return false
			}
			continue
		}
		src := onlyCall(info, body, a)
		if src == nil || !fixtureCall(scope, info, body, src, depth+1) {
			return false
		}
	}
	return true
}

// credentialParam reports whether p takes credential material: a string
// named for a secret (accountKey, connectionString, key) or a value of a
// credential type (*azblob.SharedKeyCredential, azcore.KeyCredential).
func credentialParam(p *types.Var) bool {
	if b, ok := p.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		n := strings.ToLower(p.Name())
		return detect.SecretName(p.Name()) || strings.Contains(n, "key") || strings.Contains(n, "connection") ||
			strings.Contains(n, "secret") || strings.Contains(n, "sas")
	}
	t := p.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	return ok && strings.HasSuffix(named.Obj().Name(), "Credential")
}

// onlyCall returns the call whose first result is the only value stored
// in the local variable e within body (cred, err := azblob.NewSharedKeyCredential(...)),
// or nil.
func onlyCall(info *types.Info, body ast.Node, e ast.Expr) *ast.CallExpr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok {
		return nil
	}
	var src *ast.CallExpr
	stores := 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if lid, ok := lhs.(*ast.Ident); ok && info.ObjectOf(lid) == v {
					stores++
					if i == 0 && len(n.Rhs) == 1 {
						src, _ = ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
					}
				}
			}
		case *ast.UnaryExpr:
			if uid, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.ObjectOf(uid) == v {
				stores++ // its address is taken: anything may be stored
			}
		}
		return true
	})
	if stores != 1 {
		return nil
	}
	return src
}

// flagged reports whether the credential rules flag value bound to name
// in a test.
func flagged(scope *azsdk.Scope, name, value string) bool {
	eng := scope.Engine()
	if eng == nil {
		return true
	}
	return len(eng.Scan(value, detect.Context{Kind: detect.KindAssign, Name: name, Test: true}, nil)) > 0
}
