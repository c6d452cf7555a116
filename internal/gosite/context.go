package gosite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/kvlint/kvlint/detect"
)

// setPlace records p unless a place closer to the expression is already set.
func (s *Site) setPlace(p Place) {
	if !s.placed {
		s.Place, s.placed = p, true
	}
}

// context works out s.Ctx, s.Place and s.Ident for the maximal constant
// expression at c. It looks through parentheses, conversions
// ([]byte("..."), Secret("...")), non-constant concatenations
// ("Bearer " + tok) and slice elements to the construct that names the
// value, one phase per construct. skip reports a value that is never a
// secret (a flag's usage text, its name).
func (w *Walker) context(s *Site, c inspector.Cursor) (skip bool) {
	for {
		k, idx := c.ParentEdge()
		p := c.Parent()
		switch k {
		case edge.ParenExpr_X:
			c = p
			continue
		case edge.CallExpr_Args:
			call := p.Node().(*ast.CallExpr)
			if w.IsConversion(call) {
				c = p
				continue
			}
			s.setPlace(PlaceCallArg)
			return w.callSite(s, call, idx)
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			if w.binarySite(s, p, k == edge.BinaryExpr_Y) {
				c = p // "Bearer " + tok: named by what the sum is bound to
				continue
			}
			return false
		case edge.AssignStmt_Rhs:
			w.assignSite(s, p.Node().(*ast.AssignStmt), idx)
			return false
		case edge.ValueSpec_Values:
			w.specSite(s, p, idx)
			return false
		case edge.KeyValueExpr_Value:
			if w.keyValueSite(s, p) {
				c = p.Parent() // indexed slice element: named by the slice
				continue
			}
			return false
		case edge.CompositeLit_Elts:
			if w.elementSite(s, p.Node().(*ast.CompositeLit), idx) {
				c = p // []string{"lit"}: named by the slice
				continue
			}
			return false
		case edge.ReturnStmt_Results:
			s.setPlace(PlaceReturn)
			s.Ctx.Kind = detect.KindReturn
			s.Ctx.Name = enclosingFunc(p)
			return false
		case edge.CaseClause_List:
			w.caseSite(s, p)
			return false
		}
		s.setPlace(PlaceOther)
		return false
	}
}

// binarySite fills s for an operand of the binary expression at p (right
// says which operand) and reports whether the operand is part of a sum,
// named by what the sum is bound to.
func (w *Walker) binarySite(s *Site, p inspector.Cursor, right bool) (climb bool) {
	b := p.Node().(*ast.BinaryExpr)
	switch b.Op {
	case token.EQL, token.NEQ:
		// Have: x == "lit", "lit" != r.Header.Get("X-Api-Key").
		other := b.Y
		if right {
			other = b.X
		}
		s.setPlace(PlaceCompare)
		s.Ctx.Kind, s.Ctx.Name = detect.KindCompare, w.ExprName(other)
		s.Ctx.Key = w.defName(p, other)
		s.Ctx.Owner = w.ownerOf(other)
		return false
	case token.ADD:
		return true
	}
	s.setPlace(PlaceOther)
	return false
}

// assignSite fills s for the idx'th right-hand side of as.
func (w *Walker) assignSite(s *Site, as *ast.AssignStmt, idx int) {
	s.setPlace(PlaceAssign)
	s.Ctx.Kind = detect.KindAssign
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	lhs := ast.Unparen(as.Lhs[idx])
	if ix, ok := lhs.(*ast.IndexExpr); ok {
		// Have: m["password"] = "lit"
		if key, ok := w.constString(ix.Index); ok {
			s.Ctx.Kind, s.Ctx.Name = detect.KindMapKey, key
			return
		}
	}
	s.Ctx.Name = w.ExprName(lhs)
	s.Ctx.Owner = w.ownerOf(lhs)
	s.Ident, _ = lhs.(*ast.Ident)
}

// specSite fills s for the idx'th value of the const or var spec at p.
func (w *Walker) specSite(s *Site, p inspector.Cursor, idx int) {
	vs := p.Node().(*ast.ValueSpec)
	if gd, ok := p.Parent().Node().(*ast.GenDecl); ok && gd.Tok == token.CONST {
		s.setPlace(PlaceConst)
	} else {
		s.setPlace(PlaceVar)
	}
	s.Ctx.Kind = detect.KindAssign
	if idx < len(vs.Names) && len(vs.Names) == len(vs.Values) {
		s.Ident = vs.Names[idx]
		s.Ctx.Name = s.Ident.Name
	}
}

// keyValueSite fills s for the value of the key/value pair at p and reports
// whether the pair is an indexed slice element, named by the slice.
func (w *Walker) keyValueSite(s *Site, p inspector.Cursor) (climb bool) {
	kv := p.Node().(*ast.KeyValueExpr)
	lit, ok := p.Parent().Node().(*ast.CompositeLit)
	if !ok {
		s.setPlace(PlaceOther)
		return false
	}
	switch w.litKind(lit, kv.Key) {
	case litStruct:
		// Have: Config{Password: "lit"}
		s.setPlace(PlaceField)
		s.Ctx.Kind, s.Ctx.Name = detect.KindField, w.ExprName(kv.Key)
		s.Ctx.Owner = w.litTypeName(lit)
		return false
	case litMap:
		// Have: map[string]string{"password": "lit"}
		s.setPlace(PlaceMapValue)
		s.Ctx.Kind = detect.KindMapKey
		if key, ok := w.constString(kv.Key); ok {
			s.Ctx.Name = key
		} else {
			s.Ctx.Name = w.ExprName(kv.Key)
		}
		// Have: passwords := map[string]string{"alice": "lit"}.
		s.Ctx.Owner = w.boundName(p.Parent())
		return false
	}
	s.setPlace(PlaceOther)
	return true
}

// elementSite fills s for the idx'th element of lit and reports whether it
// is a slice or array element, named by the slice.
func (w *Walker) elementSite(s *Site, lit *ast.CompositeLit, idx int) (climb bool) {
	if st, ok := w.structOf(lit); ok && idx < st.NumFields() {
		// Have: Config{"user", "lit"}
		s.setPlace(PlaceField)
		s.Ctx.Kind, s.Ctx.Name = detect.KindField, st.Field(idx).Name()
		s.Ctx.Owner = w.litTypeName(lit)
		return false
	}
	s.setPlace(PlaceOther)
	if idx > 0 && s.Ctx.Key == "" {
		// Have: []string{"--password", "lit"}, and in a list of
		// pairs []string{"user", "app", "password", "lit"}.
		pairs := len(lit.Elts)%2 == 0 && idx%2 == 1
		s.Ctx.Key = w.argName(lit.Elts[idx-1], !pairs)
	}
	return true
}

// caseSite fills s for an expression of the case clause at p.
// Have: switch token { case "lit": }
func (w *Walker) caseSite(s *Site, p inspector.Cursor) {
	s.setPlace(PlaceCompare)
	s.Ctx.Kind = detect.KindCompare
	if sw, ok := p.Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag != nil {
		s.Ctx.Name = w.ExprName(sw.Tag)
		s.Ctx.Key = w.defName(p, sw.Tag)
	}
}

// defName names what a local variable compared with a literal was
// initialised from, so that in
//
//	key := r.Header.Get("X-Api-Key")
//	if key == "lit" {
//
// the literal is judged as an API key. e is the other operand, c a cursor
// inside the function. It returns "" when e is not such a variable.
func (w *Walker) defName(c inspector.Cursor, e ast.Expr) string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return ""
	}
	v, ok := w.info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return ""
	}
	pos := v.Pos()
	for ; c.Node() != nil; c = c.Parent() {
		switch fn := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if pos < fn.Pos() || fn.End() <= pos {
				continue // declared outside this function
			}
			dc, ok := c.FindByPos(pos, pos+token.Pos(len(v.Name())))
			if !ok {
				return ""
			}
			switch k, i := dc.ParentEdge(); k {
			case edge.AssignStmt_Lhs:
				if as := dc.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
					return w.ExprName(as.Rhs[i])
				}
			case edge.ValueSpec_Names:
				if vs := dc.Parent().Node().(*ast.ValueSpec); len(vs.Names) == len(vs.Values) {
					return w.ExprName(vs.Values[i])
				}
			}
			return ""
		}
	}
	return ""
}

// enclosingFunc returns the name of the function declaration enclosing c.
// (A plain loop: ranging over Cursor.Enclosing would move the caller's site to the heap.)
func enclosingFunc(c inspector.Cursor) string {
	for ; c.Node() != nil; c = c.Parent() {
		if fd, ok := c.Node().(*ast.FuncDecl); ok {
			return fd.Name.Name
		}
	}
	return ""
}

// callSite fills s for the idx'th argument of call and reports whether the
// argument is never a secret.
func (w *Walker) callSite(s *Site, call *ast.CallExpr, idx int) (skip bool) {
	s.Ctx.Kind = detect.KindCallArg
	var (
		fnName, path, param string
		nameIdx             = -1 // index of the parameter called "name" (flag names)
		sig                 *types.Signature
		flagShaped          bool // a flag-defining method, known from the syntax only
	)
	if fn, _ := typeutil.Callee(w.info, call).(*types.Func); fn != nil {
		sig = fn.Signature()
		s.Ctx.Call = w.callName(fn)
		fnName, path = fn.Name(), pkgPath(fn)
		param, nameIdx = paramName(sig, idx), paramIndex(sig, "name")
	} else if tv, ok := w.info.Types[call.Fun]; ok && tv.Type != nil {
		sig, _ = tv.Type.Underlying().(*types.Signature)
		param = paramName(sig, idx) // a func value: no callee name
	} else {
		fnName, path, param, nameIdx, flagShaped = w.syntaxCallee(s, call, idx)
	}
	s.Ctx.Name = param
	if idx > 0 {
		// Have: exec.Command("docker", "login", "--password", "lit").
		s.Ctx.Key = w.argName(call.Args[idx-1], true)
	}
	if path == "flag" || strings.HasSuffix(path, "/pflag") || flagShaped {
		// Have: flag.String(name, value, usage), fs.StringVar(&p, name, value, usage).
		switch param {
		case "usage", "name", "shorthand":
			return true
		}
		if nameIdx >= 0 && nameIdx < len(call.Args) {
			if name, ok := w.constString(call.Args[nameIdx]); ok {
				s.Ctx.Name, s.Ctx.Key = name, name
			}
		}
		return false
	}
	if param == "usage" {
		return true
	}
	if s.Ctx.Key == "" && isValueParam(param) {
		// Have: viper.SetDefault("database.password", "lit"),
		// cache.Put(key, "lit"): the key argument names the value.
		for _, k := range [...]string{"key", "k", "name", "header", "field"} {
			if ki := paramIndex(sig, k); ki >= 0 && ki < idx {
				if key, ok := w.constString(call.Args[ki]); ok {
					s.Ctx.Key = key
				}
				break
			}
		}
	}
	switch fnName {
	case "Setenv", "Set", "Add", "SetHeader", "AddHeader", "Store", "Put", "WithValue":
		// Have: os.Setenv("AZURE_CLIENT_SECRET", "lit"), h.Set("Authorization", "lit").
		if idx > 0 && len(call.Args) > 0 {
			if key, ok := w.constString(call.Args[0]); ok {
				s.Ctx.Key = key
			}
		}
	}
	return false
}

// syntaxCallee reads the callee of call from the syntax, when there is no
// type information: its name, the import path it is qualified with, the
// name of parameter idx and the index of a parameter called "name" for
// well-known callees, and whether it is a FlagSet method (flagShaped). It
// sets s.Ctx.Call for a package-qualified callee.
func (w *Walker) syntaxCallee(s *Site, call *ast.CallExpr, idx int) (fnName, path, param string, nameIdx int, flagShaped bool) {
	nameIdx = -1
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		fnName = fun.Sel.Name
		if x, ok := fun.X.(*ast.Ident); ok {
			path = w.importPath(x.Name)
		}
	case *ast.Ident:
		fnName = fun.Name
	}
	if path != "" {
		s.Ctx.Call = w.syntaxCall(path, fnName)
	}
	if ps, ok := knownParams[[2]string{path, fnName}]; ok {
		if idx < len(ps) {
			param = ps[idx]
		}
		nameIdx = slices.Index(ps, "name")
		// Have: fs.StringVar(&p, "name", "lit", "usage") on a FlagSet
		// variable, whose package the syntax does not say.
		flagShaped = path == "" && slices.Contains(ps, "usage")
	}
	return fnName, path, param, nameIdx, flagShaped
}

// argName returns the constant before a value in an argument list or slice
// when it names the value: a command-line flag (--password), or, unless
// flagOnly, also a single word (the key of key/value pairs).
func (w *Walker) argName(prev ast.Expr, flagOnly bool) string {
	v, ok := w.constString(prev)
	if !ok || len(v) < 2 || len(v) > 40 || strings.ContainsAny(v, " \t\n=") {
		return ""
	}
	if v[0] == '-' || !flagOnly {
		return v
	}
	return ""
}

// knownParams names the parameters of common callees, for when there is no
// type information; the key is {import path, name}, with no path for methods.
var knownParams = map[[2]string][]string{
	{"os", "Setenv"}:            {"key", "value"},
	{"syscall", "Setenv"}:       {"key", "value"},
	{"database/sql", "Open"}:    {"driverName", "dataSourceName"},
	{"flag", "String"}:          {"name", "value", "usage"},
	{"flag", "StringVar"}:       {"p", "name", "value", "usage"},
	{"", "SetBasicAuth"}:        {"username", "password"},
	{"", "Set"}:                 {"key", "value"},
	{"", "Add"}:                 {"key", "value"},
	{"", "String"}:              {"name", "value", "usage"},
	{"", "StringVar"}:           {"p", "name", "value", "usage"},
	{"net/http", "NewRequest"}:  {"method", "url", "body"},
	{"net/url", "UserPassword"}: {"username", "password"},
}

// importPath returns the import path that name refers to in the current
// file, or "".
func (w *Walker) importPath(name string) string {
	if w.file == nil {
		return ""
	}
	for _, spec := range w.file.Imports {
		if local, p := ImportName(spec); p != "" && local == name {
			return p
		}
	}
	return ""
}

// ImportName returns the name an import declares in its file and its path
// ("" for a malformed path): the explicit name, else the path's last
// element, as the syntax-only walker reads it (without types it cannot know
// a package whose name differs from its directory).
func ImportName(spec *ast.ImportSpec) (local, path string) {
	p := spec.Path.Value
	if len(p) < 2 {
		return "", ""
	}
	p = p[1 : len(p)-1]
	local = p[strings.LastIndexByte(p, '/')+1:]
	if spec.Name != nil {
		local = spec.Name.Name
	}
	return local, p
}

// syntaxCall returns "path.name", computed once per callee.
func (w *Walker) syntaxCall(path, name string) string {
	k := [2]string{path, name}
	if c, ok := w.syntaxCalls[k]; ok {
		return c
	}
	if w.syntaxCalls == nil {
		w.syntaxCalls = make(map[[2]string]string)
	}
	c := path + "." + name
	w.syntaxCalls[k] = c
	return c
}

// callName returns fn's fully qualified name, computed once per function.
func (w *Walker) callName(fn *types.Func) string {
	if name, ok := w.calls[fn]; ok {
		return name
	}
	if w.calls == nil {
		w.calls = make(map[*types.Func]string)
	}
	name := fn.FullName()
	w.calls[fn] = name
	return name
}

func pkgPath(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// paramName returns the name of the parameter that the idx'th argument binds to.
func paramName(sig *types.Signature, idx int) string {
	if sig == nil {
		return ""
	}
	params := sig.Params()
	n := params.Len()
	if n == 0 {
		return ""
	}
	if idx >= n-1 && sig.Variadic() {
		idx = n - 1
	}
	if idx >= n {
		return ""
	}
	return params.At(idx).Name()
}

// isValueParam reports whether a parameter name says it takes the value of
// a key/value pair.
func isValueParam(name string) bool {
	switch name {
	case "value", "val", "v", "data", "defaultValue", "def":
		return true
	}
	return false
}

// paramIndex returns the index of the parameter called name, or -1.
func paramIndex(sig *types.Signature, name string) int {
	if sig == nil {
		return -1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i).Name() == name {
			return i
		}
	}
	return -1
}

// IsConversion reports whether call converts its argument to a type.
func (w *Walker) IsConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	if tv, ok := w.info.Types[call.Fun]; ok {
		return tv.IsType()
	}
	// No type information: []byte(...), string(...).
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.ArrayType:
		return true
	case *ast.Ident:
		return fun.Name == "string"
	}
	return false
}

type litKindT uint8

const (
	litOther litKindT = iota
	litStruct
	litMap
)

// litKind says whether lit is a struct or map literal; key helps when type
// information is missing.
func (w *Walker) litKind(lit *ast.CompositeLit, key ast.Expr) litKindT {
	if tv, ok := w.info.Types[lit]; ok && tv.Type != nil {
		switch under(tv.Type).(type) {
		case *types.Struct:
			return litStruct
		case *types.Map:
			return litMap
		}
		return litOther
	}
	switch lit.Type.(type) {
	case *ast.MapType:
		return litMap
	case *ast.ArrayType:
		return litOther
	}
	if _, ok := key.(*ast.Ident); ok {
		return litStruct
	}
	return litMap
}

// structOf returns the struct type of lit, if it is a struct literal.
func (w *Walker) structOf(lit *ast.CompositeLit) (*types.Struct, bool) {
	tv, ok := w.info.Types[lit]
	if !ok || tv.Type == nil {
		return nil, false
	}
	st, ok := under(tv.Type).(*types.Struct)
	return st, ok
}

// boundName returns the name the expression at c is bound to: the variable
// or field it is assigned to, or the struct field or map key it is the value
// of; "" otherwise.
func (w *Walker) boundName(c inspector.Cursor) string {
	k, idx := c.ParentEdge()
	switch k {
	case edge.AssignStmt_Rhs:
		if as := c.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			return w.ExprName(as.Lhs[idx])
		}
	case edge.ValueSpec_Values:
		if vs := c.Parent().Node().(*ast.ValueSpec); idx < len(vs.Names) && len(vs.Names) == len(vs.Values) {
			return vs.Names[idx].Name
		}
	case edge.KeyValueExpr_Value:
		kv := c.Parent().Node().(*ast.KeyValueExpr)
		if key, ok := w.constString(kv.Key); ok {
			return key
		}
		return w.ExprName(kv.Key)
	}
	return ""
}

// litTypeName returns the name of a composite literal's type (PubKey in
// PubKey{Key: v} and in []*PubKey{{Key: v}}), or "" for an unnamed type.
func (w *Walker) litTypeName(lit *ast.CompositeLit) string {
	if tv, ok := w.info.Types[lit]; ok && tv.Type != nil {
		return namedName(tv.Type)
	}
	// No type information: read the type from the syntax.
	switch t := lit.Type.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.SelectorExpr:
		return t.Sel.Name
	}
	return ""
}

// ownerOf names what holds the field an operand or assignee selects: the
// type of x in x.Key when it is named, else x's own name (pub in pub.Key).
// It returns "" for anything but a selector.
func (w *Walker) ownerOf(e ast.Expr) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if tv, ok := w.info.Types[sel.X]; ok && tv.Type != nil {
		if n := namedName(tv.Type); n != "" {
			return n
		}
	}
	return w.ExprName(sel.X)
}

// namedName returns the name of t, or of what t points to, if it is a
// named type or alias; otherwise "".
func namedName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch n := t.(type) {
	case *types.Named:
		return n.Obj().Name()
	case *types.Alias:
		return n.Obj().Name()
	}
	return ""
}

// under returns the underlying type of t, through pointers (&T{...} elided in slices).
func under(t types.Type) types.Type {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	return t
}

// ExprName returns the name an operand or assignee stands for: x, s.Field,
// *p, m["key"], os.Getenv("KEY"), r.FormValue("password").
func (w *Walker) ExprName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x.Name
		case *ast.SelectorExpr:
			return x.Sel.Name
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			if key, ok := w.constString(x.Index); ok {
				return key
			}
			e = x.X
		case *ast.CallExpr:
			if len(x.Args) > 0 {
				if key, ok := w.constString(x.Args[0]); ok {
					return key
				}
			}
			e = x.Fun
		default:
			return ""
		}
	}
}

// litValue returns the value of a string literal.
// It does not allocate for raw strings and for interpreted strings without
// escapes (the value is the text between the quotes, whatever its bytes).
func (w *Walker) litValue(lit *ast.BasicLit) (string, bool) {
	s := lit.Value
	if len(s) < 2 {
		return "", false
	}
	switch s[0] {
	case '`':
		if strings.IndexByte(s, '\r') < 0 {
			return s[1 : len(s)-1], true
		}
	case '"':
		if strings.IndexByte(s, '\\') < 0 {
			return s[1 : len(s)-1], true
		}
	}
	if tv, ok := w.info.Types[lit]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	if v, err := strconv.Unquote(s); err == nil {
		return v, true
	}
	return "", false
}

// constString returns the value of e if it is a string constant. Without
// type information it reads literals, concatenations and named constants
// from the syntax, so that a package that does not type-check is still scanned.
func (w *Walker) constString(e ast.Expr) (string, bool) {
	if tv, ok := w.info.Types[e]; ok {
		if tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		if tv.Value != nil || tv.Type != nil && tv.Type != types.Typ[types.Invalid] {
			return "", false // type-checked, and not a string constant
		}
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return w.litValue(x)
		}
	case *ast.ParenExpr:
		return w.constString(x.X)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			a, ok := w.constString(x.X)
			if !ok {
				return "", false
			}
			b, ok := w.constString(x.Y)
			if !ok {
				return "", false
			}
			return a + b, true
		}
	case *ast.Ident:
		if c, ok := w.info.Uses[x].(*types.Const); ok && c.Val().Kind() == constant.String {
			return constant.StringVal(c.Val()), true
		}
	}
	return "", false
}

// typedConst returns the value of e when type information says it is a
// string constant.
func (w *Walker) typedConst(e ast.Expr) (string, bool) {
	if tv, ok := w.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// Fold returns the value of e if it is a string constant, as the walker
// reads it: with type information through go/constant, without it from the
// syntax (literals, parentheses, concatenations).
func (w *Walker) Fold(e ast.Expr) (string, bool) { return w.constString(e) }
