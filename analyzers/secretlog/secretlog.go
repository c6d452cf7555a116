package secretlog

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

const name = "secretlog"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{{
	ID: "KV410", Name: "secret-logged", Analyzer: name,
	Title: "secret value flows into a log, output, error message or http response",
	Doc: "A value read from Key Vault (GetSecret's resp.Value), or a variable, parameter or field whose name means a secret, " +
		"reaches a logger (log, slog, zap, logrus, zerolog), standard output, an error message, a test log or an HTTP response " +
		"body within the same function. Logs and errors travel to places with weaker access control than the vault. " +
		"Log a redacted form (a short prefix and the length, or a hash), or nothing.",
	Bad: `resp, err := client.GetSecret(ctx, "db-password", "", nil)
log.Printf("connecting with password %s", *resp.Value)`,
	Good: `resp, err := client.GetSecret(ctx, "db-password", "", nil)
log.Printf("connecting with password %s", redact(*resp.Value))`,
	Severity: rules.SeverityError, SecuritySeverity: 7.5, Tags: []string{"security", "logging", "keyvault"},
}, {
	ID: "KV411", Name: "generated-credential-printed", Analyzer: name,
	Title: "newly generated credential printed to standard output",
	Doc: "A credential generated in the same function (secret, err := generate.NewSecretKey()) is printed to standard output. " +
		"A command whose purpose is to hand a new credential to the person running it does this on purpose, so this is a note, " +
		"not KV410: check that the output is not captured by a log collector or CI log, and prefer writing it straight to Key Vault.",
	Bad: `token, err := generate.NewInternalToken()
fmt.Println(token)`,
	Good: `token, err := generate.NewInternalToken()
_, err = client.SetSecret(ctx, "internal-token", azsecrets.SetSecretParameters{Value: &token}, nil)`,
	Severity: rules.SeverityInfo, SecuritySeverity: 2.0, Tags: []string{"security", "logging"},
}}

// Analyzer is the secretlog analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Security, Rules: Rules, Run: run}

// Logging packages, matched by path.
var logPkgs = map[string]bool{
	"log": true, "log/slog": true,
	"go.uber.org/zap": true, "github.com/sirupsen/logrus": true,
	"github.com/rs/zerolog": true, "github.com/rs/zerolog/log": true,
	"github.com/go-logr/logr": true, "k8s.io/klog/v2": true, "k8s.io/klog": true,
	"github.com/golang/glog": true, "github.com/hashicorp/go-hclog": true,
}

func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	state := &pkgState{
		funcs:     map[*types.Func]inspector.Cursor{},
		sanitizer: map[*types.Func]bool{},
		loggers:   map[types.Type]bool{},
		pass:      pass,
	}
	if cfg := scope.Config(); cfg != nil {
		state.sinks = parseSpecs(cfg.File.SecretLog.Sinks)
		state.sanitizers = parseSpecs(cfg.File.SecretLog.Sanitizers)
	}
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			state.funcs[fn] = cur
		}
	}
	// One unit per function declaration (its closures included), and per
	// function literal outside any declaration body.
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if lit, ok := cur.Node().(*ast.FuncLit); ok {
			inside := false
			for range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				inside = true
				break
			}
			if inside {
				continue
			}
			_ = lit
		} else if cur.Node().(*ast.FuncDecl).Body == nil {
			continue
		}
		f := &flow{pass: pass, scope: scope, info: pass.TypesInfo, tainted: map[key]string{}, test: scope.IsTest(cur.Node().Pos()), state: state}
		// Sinks first, knowing only the unit's JSON encoders (all a sink
		// needs): most functions have none, and then nothing is declared.
		f.noteEncoders(cur)
		sinks := f.sinks(cur)
		if len(sinks) == 0 {
			continue // nothing to flow into: no taint to track
		}
		f.declare(cur)
		f.propagate(cur)
		f.report(sinks)
	}
	return nil, nil
}

// key names a tainted place: a variable, or a field path below it (x.f.g).
type key struct {
	obj  types.Object
	path string
}

// flow is the taint state of one function.
type flow struct {
	pass    *analysis.Pass
	scope   *azsdk.Scope
	info    *types.Info
	tainted map[key]string // place -> what secret it holds, for the message
	test    bool           // the function is in a _test.go file
	state   *pkgState      // what the package's units share

	// generated holds the local variables and whether they only ever
	// hold a newly generated value (secret, err := generate.NewSecretKey()).
	generated map[types.Object]bool

	// declared holds the names (words joined, lower case) of the variables
	// and parameters declared in the function.
	declared map[string]bool
	// assigned holds the local variables of the function and whether only
	// constants are ever stored in them (then the constants, else nil).
	assigned map[*types.Var]*stores
	// mapKeys holds the variables the function uses as a map index.
	mapKeys map[types.Object]bool
	// encoders holds local json.Encoders made for an output: where they write.
	encoders map[types.Object]string
	// nameArgs holds the variables the function passes where a callee
	// takes a name or a path (GetSecret(ctx, secret, "")).
	nameArgs map[*types.Var]bool
}

// stores are the values stored in a local variable.
type stores struct {
	consts []string // the string constants stored, while other is false
	other  bool     // a run-time value is stored, or the address is taken
}

// declare records the names declared in the unit and what its local
// variables are assigned (its JSON encoders are noteEncoders', run first).
func (f *flow) declare(unit inspector.Cursor) {
	f.declared = map[string]bool{}
	f.assigned = map[*types.Var]*stores{}
	f.mapKeys = map[types.Object]bool{}
	f.generated = map[types.Object]bool{}
	f.nameArgs = map[*types.Var]bool{}
	for cur := range unit.Preorder((*ast.Ident)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil),
		(*ast.UnaryExpr)(nil), (*ast.IndexExpr)(nil), (*ast.CallExpr)(nil), (*ast.FuncType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			f.noteNameArgs(n)
		case *ast.FuncType:
			// A parameter holds what its callers pass, whatever the body
			// stores in it later.
			if n.Params != nil {
				for _, field := range n.Params.List {
					for _, id := range field.Names {
						f.store(id, nil)
					}
				}
			}
		case *ast.IndexExpr:
			f.noteMapKey(n)
		case *ast.Ident:
			if _, ok := f.info.Defs[n].(*types.Var); ok {
				f.declared[strings.Join(detect.SplitWords(n.Name), "")] = true
			}
		case *ast.AssignStmt:
			f.declareAssign(n)
		case *ast.ValueSpec:
			f.declareValues(n)
		case *ast.RangeStmt:
			f.store(n.Key, nil)
			f.store(n.Value, nil)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				f.store(n.X, nil) // flag.StringVar(&token, ...), json.Unmarshal(b, &password)
			}
		}
	}
}

// local returns the stores of the local variable e names, or nil for any
// other expression (a field, a package-level variable).
func (f *flow) local(e ast.Expr) *stores {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	st := f.assigned[v]
	if st == nil {
		st = &stores{}
		f.assigned[v] = st
	}
	return st
}

// store records that lhs, if a local variable, is assigned rhs (nil for a
// run-time value from elsewhere: a parameter, a range, its address taken).
func (f *flow) store(lhs, rhs ast.Expr) {
	st := f.local(lhs)
	if st == nil {
		return
	}
	if tv, ok := f.info.Types[rhs]; ok && rhs != nil && tv.Value != nil && tv.Value.Kind() == constant.String {
		st.consts = append(st.consts, constant.StringVal(tv.Value))
		return
	}
	if rhs != nil && nameShaped(f.info, rhs) {
		return // Have: secret := req.Name: the name of a secret, no value
	}
	if rhs != nil && f.credlessBuilt(rhs) {
		return // Have: connStr := fmt.Sprintf("file:%s?%s", path, params): no credential in it
	}
	st.other = true
}

// noteMapKey records the variable that indexes a map: data[secretKey].
func (f *flow) noteMapKey(n *ast.IndexExpr) {
	t := f.info.TypeOf(n.X)
	if t == nil {
		return
	}
	if _, isMap := t.Underlying().(*types.Map); !isMap {
		return
	}
	if id, ok := ast.Unparen(n.Index).(*ast.Ident); ok && f.info.ObjectOf(id) != nil {
		f.mapKeys[f.info.ObjectOf(id)] = true
	}
}

// noteEncoders records the unit's JSON encoders (enc := json.NewEncoder(w))
// and where they write: what sinks needs of declare.
func (f *flow) noteEncoders(unit inspector.Cursor) {
	f.encoders = nil // made on the first encoder: most functions have none
	for cur := range unit.Preorder((*ast.AssignStmt)(nil)) {
		f.noteEncoder(cur.Node().(*ast.AssignStmt))
	}
}

// noteEncoder records the encoder an assignment declares, if any.
func (f *flow) noteEncoder(n *ast.AssignStmt) {
	if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
		return
	}
	if id, ok := n.Lhs[0].(*ast.Ident); ok {
		if d := f.encoderDest(n.Rhs[0]); d != "" && f.info.ObjectOf(id) != nil {
			if f.encoders == nil {
				f.encoders = map[types.Object]string{}
			}
			f.encoders[f.info.ObjectOf(id)] = d
		}
	}
}

// declareAssign records an assignment's stores, generated credentials and
// JSON encoders.
func (f *flow) declareAssign(n *ast.AssignStmt) {
	f.noteGenerated(n)
	for i, lhs := range n.Lhs {
		if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
			f.store(lhs, n.Rhs[i])
		} else {
			f.store(lhs, nil)
		}
	}
}

// declareValues records a var declaration's stores: the zero value when
// it has none.
func (f *flow) declareValues(n *ast.ValueSpec) {
	for i, id := range n.Names {
		switch {
		case len(n.Values) == 0:
			if st := f.local(id); st != nil {
				st.consts = append(st.consts, "") // the zero value
			}
		case len(n.Values) == len(n.Names):
			f.store(id, n.Values[i])
		default:
			f.store(id, nil)
		}
	}
}

// named says which secret a string place named name holds by its name
// alone, or "". obj is the variable or constant (nil for a field) and
// siblings reports whether a name (words joined) is declared beside it.
func (f *flow) named(name string, obj types.Object, siblings func(string) bool, what string) string {
	if !secretName(name) || f.test && fixtureName(name) {
		return ""
	}
	if w := headWords(name); len(w) >= 2 && w[len(w)-1] == "key" {
		if siblings(strings.Join(w[:len(w)-1], "")) {
			// Have: func set(secretKey string, secret []byte): the key names the secret beside it.
			return ""
		}
		if w[len(w)-2] == "secret" && obj != nil && f.mapKeys[obj] {
			// Have: value, ok := data[secretKey]: the key of a secret's
			// data, not a secret key.
			return ""
		}
	}
	switch obj := obj.(type) {
	case *types.Const:
		// Have: const password = "...": a constant is a secret if the
		// credential rules say its value is one.
		if obj.Val().Kind() != constant.String || !f.flagged(name, constant.StringVal(obj.Val())) {
			return ""
		}
		return hardcodedPrefix + name
	case *types.Var:
		if f.holdsName(obj) {
			// Have: GetSecret(ctx, secret, ""), or getSecret(ctx, req.Name, v)
			// calling func getSecret(ctx, secret, version string).
			return ""
		}
		if st := f.assigned[obj]; st != nil && !st.other {
			// Have: user := "alice"; token := "fixture": a local that only
			// ever holds constants holds a secret only if the credential
			// rules flag one of them.
			flagged := false
			for _, c := range st.consts {
				flagged = flagged || f.flagged(name, c)
			}
			if !flagged {
				return ""
			}
			return hardcodedPrefix + name
		}
	}
	return what + name
}

// flagged reports whether the credential rules flag value bound to name.
func (f *flow) flagged(name, value string) bool {
	if value == "" {
		return false
	}
	eng := f.scope.Engine()
	if eng == nil {
		return true
	}
	return len(eng.Scan(value, detect.Context{Kind: detect.KindAssign, Name: name, Test: f.test}, nil)) > 0
}

// propagate taints the places secrets are stored in, until nothing changes.
func (f *flow) propagate(unit inspector.Cursor) {
	var stmts []ast.Node
	for cur := range unit.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.ExprStmt)(nil)) {
		stmts = append(stmts, cur.Node())
	}
	for range 10 {
		changed := false
		taint := func(dst ast.Expr, why string) {
			if why == "" {
				return
			}
			if k, ok := f.keyOf(dst); ok {
				if _, seen := f.tainted[k]; !seen {
					f.tainted[k] = why
					changed = true
				}
			}
		}
		for _, n := range stmts {
			switch n := n.(type) {
			case *ast.AssignStmt:
				// Have: x := secret, x.f = secret, m[k] = secret, s += secret.
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						taint(n.Lhs[i], f.source(n.Rhs[i]))
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						taint(n.Names[i], f.source(n.Values[i]))
					}
				}
			case *ast.ExprStmt:
				// Have: ev.Str("k", secret) as a statement on a zerolog
				// event (a pointer it fills), emitted by a later ev.Msg.
				call, ok := n.X.(*ast.CallExpr)
				if !ok {
					continue
				}
				fn := azsdk.Callee(f.info, call)
				if fn == nil || !logPkgs[azsdk.PkgPath(fn.Pkg())] {
					continue
				}
				sig := fn.Type().(*types.Signature)
				if sig.Recv() == nil || sig.Results().Len() == 0 || !logPkgs[namedPkg(sig.Results().At(0).Type())] {
					continue
				}
				if _, ptr := types.Unalias(sig.Recv().Type()).(*types.Pointer); ptr {
					if root := chainRoot(call); root != nil {
						taint(root, f.source(call))
					}
				}
			case *ast.CallExpr:
				// Have: b.WriteString(secret), fmt.Fprintf(&b, "%s", secret), io.WriteString(&b, secret).
				fn := azsdk.Callee(f.info, n)
				if fn == nil {
					continue
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && isBuffer(f.info.TypeOf(sel.X)) && strings.HasPrefix(fn.Name(), "Write") {
					for _, a := range n.Args {
						taint(sel.X, f.source(a))
					}
				}
				if (azsdk.IsFunc(fn, "fmt", fn.Name()) && strings.HasPrefix(fn.Name(), "Fprint") || azsdk.IsFunc(fn, "io", "WriteString")) &&
					len(n.Args) > 1 && isBuffer(f.info.TypeOf(n.Args[0])) {
					for _, a := range n.Args[1:] {
						taint(n.Args[0], f.source(a))
					}
				}
			}
		}
		if !changed {
			return
		}
	}
}

// keyOf returns the place e denotes: x, x.f.g, *p (as p), m[k] (as m), &b (as b).
func (f *flow) keyOf(e ast.Expr) (key, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := f.info.ObjectOf(e).(*types.Var); ok && e.Name != "_" {
			return key{obj: v}, true
		}
	case *ast.SelectorExpr:
		if sel := f.info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			if k, ok := f.keyOf(e.X); ok {
				return key{k.obj, k.path + "." + e.Sel.Name}, true
			}
		}
	case *ast.StarExpr:
		return f.keyOf(e.X)
	case *ast.IndexExpr:
		return f.keyOf(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.keyOf(e.X)
		}
	}
	return key{}, false
}

// source says which secret e holds ("" if none).
func (f *flow) source(e ast.Expr) string {
	e = ast.Unparen(e)
	if t := f.info.TypeOf(e); t != nil && azsdk.IsSecretResponse(t) {
		return "a Key Vault secret"
	}
	switch e := e.(type) {
	case *ast.Ident:
		obj := f.info.ObjectOf(e)
		if why, ok := f.tainted[key{obj: obj}]; ok {
			return why
		}
		if obj != nil && (isVar(obj) || isConst(obj)) && stringish(obj.Type()) {
			return f.named(obj.Name(), obj, func(n string) bool { return f.declared[n] }, namedPrefix)
		}
	case *ast.SelectorExpr:
		sel := f.info.Selections[e]
		if sel == nil {
			// Have: pkg.Password, a package-level variable.
			if obj := f.info.Uses[e.Sel]; obj != nil && (isVar(obj) || isConst(obj)) && stringish(obj.Type()) {
				return f.named(obj.Name(), obj, func(string) bool { return false }, namedPrefix)
			}
			return ""
		}
		if sel.Kind() != types.FieldVal {
			return ""
		}
		if azsdk.IsSecretValue(sel.Obj()) {
			return "a Key Vault secret value"
		}
		if k, ok := f.keyOf(e); ok {
			if why, ok := f.tainted[k]; ok {
				return why
			}
		}
		if stringish(sel.Obj().Type()) {
			return f.named(e.Sel.Name, nil, func(n string) bool { return hasField(sel.Recv(), n) }, namedPrefix+"field ")
		}
	case *ast.StarExpr:
		return f.source(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.source(e.X)
		}
	case *ast.IndexExpr:
		if t := f.info.TypeOf(e.X); t == nil {
			return ""
		} else if _, isMap := t.Underlying().(*types.Map); isMap {
			return f.source(e.X)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if why := f.source(e.X); why != "" {
				return why
			}
			return f.source(e.Y)
		}
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if why := f.source(elt); why != "" {
				return why
			}
		}
	case *ast.CallExpr:
		return f.callSource(e)
	}
	return ""
}

// callSource says which secret a call's result carries.
func (f *flow) callSource(call *ast.CallExpr) string {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		// Have: string(b), []byte(s).
		if len(call.Args) == 1 {
			return f.source(call.Args[0])
		}
		return ""
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			return f.anyArg(call.Args)
		}
	}
	fn := azsdk.Callee(f.info, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if redacts(fn.Name()) || anySpec(f.state.sanitizers, fn) || f.truncates(fn, call) {
		return "" // a redaction helper breaks the flow
	}
	if fn.Pkg() == f.pass.Pkg && f.isSanitizer(fn) {
		return "" // Have: fmt.Println(fingerprint(secret)), a helper of this package returning a hash
	}
	sig := fn.Type().(*types.Signature)
	recv := ""
	if sig.Recv() != nil {
		recv = f.recvSource(call)
	}
	switch path := azsdk.PkgPath(fn.Pkg()); {
	case path == "fmt" && strings.HasPrefix(fn.Name(), "Sprint"):
		return f.anyArg(call.Args)
	case path == "strings" || path == "bytes" || path == "strconv":
		if sig.Recv() != nil {
			// Have: b.String() on a Builder or Buffer holding a secret.
			if fn.Name() == "String" || fn.Name() == "Bytes" {
				return recv
			}
			return ""
		}
		if sig.Results().Len() >= 1 && stringish(sig.Results().At(0).Type()) {
			return f.anyArg(kept(fn.Name(), call.Args))
		}
	case path == "encoding/base64" || path == "encoding/hex":
		if strings.HasPrefix(fn.Name(), "Encode") && sig.Results().Len() == 1 && stringish(sig.Results().At(0).Type()) {
			return f.anyArg(call.Args)
		}
	case path == "github.com/Azure/azure-sdk-for-go/sdk/azcore/to" && fn.Name() == "Ptr":
		return f.anyArg(call.Args)
	case logPkgs[path]:
		// Have: slog.String("k", secret), logger.With("k", secret), zerolog's ev.Str("k", secret).
		if why := f.anyArg(call.Args); why != "" {
			return why
		}
		return recv
	case path == "os" && fn.Name() == "Getenv" && len(call.Args) == 1:
		// Have: os.Getenv("DB_PASSWORD").
		if tv, ok := f.info.Types[call.Args[0]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if k := constant.StringVal(tv.Value); secretName(k) {
				return "the environment variable " + k
			}
		}
	case sig.Recv() == nil && sig.Results().Len() >= 1 && stringish(sig.Results().At(0).Type()):
		// Have: buildDSN(user, password): another function returning text
		// made from a secret carries it, unless its name says it redacts.
		return f.anyArg(call.Args)
	}
	return ""
}

// kept returns the arguments of the strings or bytes function name whose
// text can be in its result: strings.ReplaceAll(s, secret, "***") removes
// the secret, strings.TrimPrefix(s, secret) too.
func kept(name string, args []ast.Expr) []ast.Expr {
	switch {
	case (name == "Replace" || name == "ReplaceAll") && len(args) >= 3:
		return []ast.Expr{args[0], args[2]}
	case strings.HasPrefix(name, "Trim") && len(args) >= 1:
		return args[:1]
	}
	return args
}

// redactWords in a function's name mean its result does not reveal its input.
var redactWords = []string{"redact", "mask", "hash", "len", "fingerprint", "digest", "checksum", "obfuscate", "sanitize", "scrub", "censor"}

func redacts(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range redactWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// recvSource says which secret the receiver of a method call holds.
func (f *flow) recvSource(call *ast.CallExpr) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return f.source(sel.X)
	}
	return ""
}

func (f *flow) anyArg(args []ast.Expr) string {
	for _, a := range args {
		if why := f.source(a); why != "" {
			return why
		}
	}
	return ""
}

// A sinkCall is a call in a unit that logs or prints its arguments.
type sinkCall struct {
	cur     inspector.Cursor // at call
	call    *ast.CallExpr
	sink    string     // what it is, for the message
	args    []ast.Expr // the arguments that reach the output
	recvToo bool       // the receiver's fields reach it too
}

// sinks returns the calls of the unit that are sinks, in source order.
func (f *flow) sinks(unit inspector.Cursor) []sinkCall {
	var out []sinkCall
	for cur := range unit.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if sink, args, recvToo := f.sink(cur, call); sink != "" {
			out = append(out, sinkCall{cur, call, sink, f.valueArgs(call, args), recvToo})
		}
	}
	return out
}

// report reports each sink call of the unit that receives a secret.
func (f *flow) report(sinks []sinkCall) {
	for _, sc := range sinks {
		call, sink, args, recvToo := sc.call, sc.sink, sc.args, sc.recvToo
		// Have: if got != want { t.Errorf("got %s, want %s", got, wantToken) },
		// or a fake server's fmt.Fprintf(w, `{"token": %q}`, token), in a
		// test file: assertion messages and fake responses show values the
		// test made up (by name or as constants) or got from its fakes;
		// only a secret from the vault or the environment counts there.
		madeUp := f.test && (f.isAssertion(call) || strings.Contains(sink, httpResponse))
		var at ast.Expr
		why := ""
		for _, a := range args {
			if why = f.source(a); why != "" && !(madeUp && (byName(why) || strings.HasPrefix(why, hardcodedPrefix))) && !f.credlessGuarded(sc.cur, a) {
				at = a
				break
			}
			why = ""
		}
		if why == "" && recvToo {
			if why = f.recvSource(call); why != "" {
				at = call
			}
		}
		if why == "" {
			continue
		}
		r := Rules[0]
		msg := fmt.Sprintf("%s flows into %s: log a redacted form (a short prefix and the length, or a hash) or nothing", why, sink)
		if toStdout(sink) && f.isGenerated(sc.cur, at) {
			// Have: token, err := generate.NewInternalToken(); fmt.Println(token)
			// in a command that hands a new credential to its user.
			r = Rules[1]
			msg = fmt.Sprintf("a credential generated here is printed by %s: if this command exists to hand it to its user, "+
				"make sure its output is not logged; else store it in Key Vault instead", sink)
		}
		if !f.scope.Rule(r.ID, r.Name) {
			continue
		}
		f.scope.Report(analysis.Diagnostic{Pos: at.Pos(), End: at.End(), Category: r.ID, Message: msg}, r.Name)
	}
}

// byName reports whether a source description is a name alone.
func byName(why string) bool { return strings.HasPrefix(why, namedPrefix) }

// hardcodedPrefix begins the description of a constant the credential
// rules flag.
const hardcodedPrefix = "the hardcoded secret "

// httpResponse names an HTTP response in sink descriptions.
const httpResponse = "the http response"

// namedPrefix begins the description of a place that holds a secret by its
// name alone.
const namedPrefix = "the secret-named "

// isAssertion reports whether call is an Error* or Fatal* method of
// testing.T, B, F or TB.
func (f *flow) isAssertion(call *ast.CallExpr) bool {
	fn := azsdk.Callee(f.info, call)
	if fn == nil || azsdk.PkgPath(fn.Pkg()) != "testing" || fn.Type().(*types.Signature).Recv() == nil {
		return false
	}
	return strings.HasPrefix(fn.Name(), "Error") || strings.HasPrefix(fn.Name(), "Fatal")
}

// sink returns a description of the sink call is, the arguments that reach
// it, and whether a secret in its receiver chain counts too.
func (f *flow) sink(cur inspector.Cursor, call *ast.CallExpr) (string, []ast.Expr, bool) {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := f.info.Uses[id].(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
			return b.Name(), call.Args, false
		}
	}
	fn := azsdk.Callee(f.info, call)
	if fn == nil || fn.Pkg() == nil {
		return "", nil, false
	}
	c := &callSite{f: f, call: call, fn: fn, sig: fn.Type().(*types.Signature), path: azsdk.PkgPath(fn.Pkg())}
	switch cur.Parent().Node().(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		c.statement = true
	}
	if anySpec(f.state.sinks, fn) {
		// Have: a sink the configuration names (secretlog.sinks).
		return c.qual(), call.Args, false
	}
	if what, args, recv, ok := c.knownSink(); ok {
		return what, args, recv
	}
	if what, args, ok := c.shapedSink(); ok {
		return what, args, false
	}
	return "", nil, false
}

// A callSite is a call of a function or method, as sink judges it.
type callSite struct {
	f         *flow
	call      *ast.CallExpr
	fn        *types.Func
	sig       *types.Signature
	path      string // the callee's package, vendor prefix removed
	statement bool   // the call is a statement (or deferred, or go)
}

// qual names the sink in the message.
func (c *callSite) qual() string {
	if c.sig.Recv() != nil {
		if sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr); ok {
			if t := c.f.info.TypeOf(sel.X); t != nil {
				return "(" + types.TypeString(t, types.RelativeTo(c.f.pass.Pkg)) + ")." + c.fn.Name()
			}
		}
	}
	return c.fn.Pkg().Name() + "." + c.fn.Name()
}

// knownSink matches the sinks of known packages by package path and name:
// loggers, fmt, errors, net/http, io, encoding/json, gin and echo
// responses, testing.
func (c *callSite) knownSink() (string, []ast.Expr, bool, bool) {
	call, fn, sig, path := c.call, c.fn, c.sig, c.path
	switch {
	case logPkgs[path]:
		// Only the call that ends a statement logs; inner calls build
		// fields, and so does a statement whose result is a logging type
		// (zerolog's ev.Str("k", v) on an event emitted later by Msg).
		if sig.Results().Len() > 0 && logPkgs[namedPkg(sig.Results().At(0).Type())] {
			break
		}
		if c.statement {
			return c.qual(), call.Args, sig.Recv() != nil, true
		}
	case path == "fmt":
		switch fn.Name() {
		case "Print", "Printf", "Println", "Errorf":
			return c.qual(), call.Args, false, true
		case "Fprint", "Fprintf", "Fprintln":
			if len(call.Args) > 0 {
				if d := c.f.outWriter(call.Args[0]); d != "" {
					return c.qual() + " to " + d, call.Args[1:], false, true
				}
			}
		}
	case path == "errors" && fn.Name() == "New":
		return c.qual(), call.Args, false, true
	case path == "net/http" && fn.Name() == "Error" && sig.Recv() == nil && len(call.Args) == 3:
		return httpResponse + " (http.Error)", call.Args[1:2], false, true
	case path == "io" && fn.Name() == "WriteString":
		if len(call.Args) == 2 {
			if d := c.f.outWriter(call.Args[0]); d != "" {
				return c.qual() + " to " + d, call.Args[1:], false, true
			}
		}
	case path == "encoding/json" && fn.Name() == "Encode" && sig.Recv() != nil:
		// Have: json.NewEncoder(w).Encode(v), enc.Encode(v) with enc := json.NewEncoder(w).
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if d := c.f.encoderDest(sel.X); d != "" {
				return "(*encoding/json.Encoder).Encode to " + d, call.Args, false, true
			}
		}
	case (path == "github.com/gin-gonic/gin" || path == "github.com/labstack/echo/v4") && sig.Recv() != nil &&
		responseMethods[fn.Name()] && len(call.Args) > 1:
		// Have: c.JSON(http.StatusOK, gin.H{"key": secret}), c.String(200, secret).
		return httpResponse + " (" + c.qual() + ")", call.Args[1:], false, true
	case path == "testing" && sig.Recv() != nil:
		for _, p := range []string{"Log", "Error", "Fatal", "Skip"} {
			if strings.HasPrefix(fn.Name(), p) {
				return c.qual(), call.Args, false, true
			}
		}
	}
	return "", nil, false, false
}

// shapedSink matches sinks by shape, in packages kvlint does not know: a
// level method of a logger-shaped type, and a Write method of a writer to
// standard output or an HTTP response.
func (c *callSite) shapedSink() (string, []ast.Expr, bool) {
	sel, ok := ast.Unparen(c.call.Fun).(*ast.SelectorExpr)
	if c.sig.Recv() == nil || !ok {
		return "", nil, false
	}
	if c.statement && levelMethod(c.fn.Name()) && c.path != "testing" && !logPkgs[c.path] {
		// Have: logger.Infof("...", secret) on a type that has the
		// methods of a logger (dapr's kit/logger.Logger, a project's own).
		if t := c.f.info.TypeOf(sel.X); t != nil && c.f.loggerShaped(t) {
			return c.qual(), c.call.Args, true
		}
	}
	if strings.HasPrefix(c.fn.Name(), "Write") {
		// Have: w.Write([]byte(secret)), os.Stdout.WriteString(secret).
		if d := c.f.outWriter(sel.X); d != "" {
			return d + "." + c.fn.Name(), c.call.Args, true
		}
	}
	return "", nil, false
}

// responseMethods of gin.Context and echo.Context write their arguments
// after the status code into the response body.
var responseMethods = map[string]bool{
	"JSON": true, "IndentedJSON": true, "PureJSON": true, "SecureJSON": true, "AsciiJSON": true,
	"JSONP": true, "JSONPretty": true, "JSONBlob": true, "String": true, "HTML": true, "Blob": true,
	"Data": true, "XML": true, "XMLPretty": true, "YAML": true, "TOML": true,
}

// encoderDest describes where the json.Encoder enc writes, if that is
// os.Stdout, os.Stderr or an HTTP response.
func (f *flow) encoderDest(enc ast.Expr) string {
	enc = ast.Unparen(enc)
	if id, ok := enc.(*ast.Ident); ok {
		return f.encoders[f.info.ObjectOf(id)]
	}
	// The name first: resolving the callee of every assigned call costs more
	// than the rest of the check.
	if call, ok := enc.(*ast.CallExpr); ok && len(call.Args) == 1 && azsdk.CalledName(call.Fun) == "NewEncoder" &&
		azsdk.IsFunc(azsdk.Callee(f.info, call), "encoding/json", "NewEncoder") {
		return f.outWriter(call.Args[0])
	}
	return ""
}

// outWriter describes w if it is os.Stdout, os.Stderr or an HTTP response.
func (f *flow) outWriter(w ast.Expr) string {
	w = ast.Unparen(w)
	if sel, ok := w.(*ast.SelectorExpr); ok {
		if v, ok := f.info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stdout" || v.Name() == "Stderr") {
			return "os." + v.Name()
		}
	}
	if t := f.info.TypeOf(w); t != nil && azsdk.IsNamed(t, "net/http", "ResponseWriter") {
		return httpResponse
	}
	return ""
}

// stringish reports whether t can hold a secret as text: string, []byte,
// *string, or a named type of those.
func stringish(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// isBuffer reports whether t is (a pointer to) strings.Builder or bytes.Buffer.
func isBuffer(t types.Type) bool {
	return t != nil && (azsdk.IsNamed(t, "strings", "Builder") || azsdk.IsNamed(t, "bytes", "Buffer"))
}

func isVar(obj types.Object) bool   { _, ok := obj.(*types.Var); return ok }
func isConst(obj types.Object) bool { _, ok := obj.(*types.Const); return ok }

// hasField reports whether the struct t (or *t) has a field whose name,
// words joined in lower case, is words.
func hasField(t types.Type, words string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if strings.Join(detect.SplitWords(st.Field(i).Name()), "") == words {
			return true
		}
	}
	return false
}

// namedPkg returns the import path of the package of the named type t (or
// *t), or "".
func namedPkg(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return azsdk.PkgPath(n.Obj().Pkg())
	}
	return ""
}

// chainRoot returns x of a method chain x.A(...).B(...), or nil.
func chainRoot(call *ast.CallExpr) ast.Expr {
	for {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		inner, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return sel.X
		}
		call = inner
	}
}
