package secretlog

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/kvlint/kvlint/detect"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// A secret-named variable can hold the secret's name instead of its value
// (dapr's vault getSecret(ctx, secret, version), called with req.Name;
// secret := req.Name; a token passed where GetSecret takes a name). Three
// data-flow signs say so, each judged on how the value is used or made,
// never on one sample of it:
//   - the function passes it where a callee takes a name or a path
//     (GetSecret(ctx, secret, ""), Logical().Read(secret)): one value is not
//     both the name of a secret and the secret;
//   - every value stored in it is the name of something (secret := req.Name,
//     token = args.TokenName) or a constant the credential rules do not flag;
//   - it is a parameter of an unexported function of the package, and every
//     call of that function passes a name there (getSecret(ctx, req.Name, v),
//     getSecret(ctx, key, v)).

// nameWords, as the last word of an identifier that is no secret name,
// make it the name of something: req.Name, secretPath, key (of a map), ID.
var nameWords = []string{"name", "names", "path", "paths", "key", "keys", "id", "ids", "ref", "label"}

// nameParamWords, as the last word of a callee's parameter, say it takes a
// name: GetSecret(ctx, name, version), Read(path), Get(ctx, secretName).
// Not key (hmac.New(h, key) takes a secret) nor id.
var nameParamWords = []string{"name", "path"}

// userWords in a parameter's name make it an account name, which a token can
// be (SetBasicAuth(token, "x-oauth-basic")).
var userWords = []string{"user", "username", "login", "account", "principal"}

// namesSomething reports whether the identifier name is the name of
// something, by its last word, and not itself a secret name.
func namesSomething(name string, last []string) bool {
	w := detect.SplitWords(name)
	if len(w) == 0 || secretName(name) || slices.ContainsFunc(w, func(s string) bool { return slices.Contains(userWords, s) }) {
		return false
	}
	return slices.Contains(last, w[len(w)-1])
}

// nameShaped reports whether e is a variable or field whose name says it
// holds the name of something (req.Name, key, secretPath), not a value.
func nameShaped(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	return ok && stringish(v.Type()) && namesSomething(id.Name, nameWords)
}

// noteNameArgs records, in declare, the variables the call passes where
// its callee takes a name or a path.
func (f *flow) noteNameArgs(call *ast.CallExpr) {
	fn := azsdk.Callee(f.info, call)
	if fn == nil {
		return
	}
	sig := fn.Type().(*types.Signature)
	for i, a := range call.Args {
		if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
			break
		}
		p := sig.Params().At(i)
		if !namesSomething(p.Name(), nameParamWords) {
			continue
		}
		if id, ok := ast.Unparen(a).(*ast.Ident); ok {
			if v, ok := f.info.ObjectOf(id).(*types.Var); ok {
				f.nameArgs[v] = true
			}
		}
	}
}

// holdsName reports whether the variable v, secret-named, holds a name by
// one of the signs above (the stores are judged in named).
func (f *flow) holdsName(v *types.Var) bool {
	return f.nameArgs[v] || f.state.nameParams()[v]
}

// nameParams returns the secret-named string parameters of the package's
// unexported functions to which every call passes a name-shaped value,
// computed once per package. A function used other than by a call (a
// method value, a function passed on), or whose method name an interface
// of the package calls too, is left out: its callers are not all seen.
func (st *pkgState) nameParams() map[*types.Var]bool {
	if st.names != nil {
		return st.names
	}
	st.names = map[*types.Var]bool{}
	type param struct {
		fn *types.Func
		i  int
	}
	named := map[param]bool{} // all calls seen so far pass a name
	called := map[*types.Func]bool{}
	unseen := map[*types.Func]bool{} // used other than by a call
	viaIface := map[string]bool{}    // method names called through an interface
	inCall := map[*ast.Ident]bool{}  // identifiers in a call's Fun position
	for _, file := range st.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := azsdk.Callee(st.pass.TypesInfo, call)
			if fn == nil {
				return true
			}
			if sig := fn.Type().(*types.Signature); sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
				viaIface[fn.Name()] = true
			}
			switch fun := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				inCall[fun] = true
			case *ast.SelectorExpr:
				inCall[fun.Sel] = true
			}
			if _, own := st.funcs[fn]; !own || fn.Exported() {
				return true
			}
			called[fn] = true
			sig := fn.Type().(*types.Signature)
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				if !stringish(p.Type()) || !secretName(p.Name()) || sig.Variadic() && i == sig.Params().Len()-1 {
					continue
				}
				k := param{fn, i}
				prev, seen := named[k]
				named[k] = (!seen || prev) && i < len(call.Args) && nameShaped(st.pass.TypesInfo, call.Args[i])
			}
			return true
		})
	}
	for id, obj := range st.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && called[fn] && !inCall[id] {
			unseen[fn] = true
		}
	}
	for k, ok := range named {
		if ok && !unseen[k.fn] && !viaIface[k.fn.Name()] {
			st.names[k.fn.Type().(*types.Signature).Params().At(k.i)] = true
		}
	}
	return st.names
}
