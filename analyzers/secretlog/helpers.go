package secretlog

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// pkgState is what the units of one package share: summaries of the
// package's own functions, the logger shape of receiver types, and the
// sinks and sanitizers the configuration adds.
type pkgState struct {
	funcs      map[*types.Func]inspector.Cursor // the package's function declarations with a body
	sanitizer  map[*types.Func]bool             // memo of isSanitizer; false while being computed
	loggers    map[types.Type]bool              // memo of loggerShaped, by receiver type
	sinks      []funcSpec                       // extra sinks from the configuration
	sanitizers []funcSpec                       // extra sanitizers from the configuration
	pass       *analysis.Pass
	names      map[*types.Var]bool // memo of nameParams
}

// hashPkgs are packages whose functions and methods hash their input
// (cryptographic or not): what they return does not reveal it.
var hashPkgs = map[string]bool{
	"crypto/sha256": true, "crypto/sha512": true, "crypto/sha1": true, "crypto/md5": true,
	"crypto/hmac": true, "crypto/sha3": true, "crypto/pbkdf2": true, "crypto/hkdf": true,
	"hash/fnv": true, "hash/crc32": true, "hash/crc64": true, "hash/maphash": true, "hash/adler32": true,
	"golang.org/x/crypto/sha3": true, "golang.org/x/crypto/blake2b": true, "golang.org/x/crypto/blake2s": true,
	"golang.org/x/crypto/bcrypt": true, "golang.org/x/crypto/argon2": true, "golang.org/x/crypto/scrypt": true,
	"golang.org/x/crypto/pbkdf2": true, "golang.org/x/crypto/hkdf": true,
}

// isSanitizer reports whether fn is a function of this package that hashes
// its input (issue: fmt.Println(h(secret)) where h returns a hash) or
// extracts a part of it that is no secret (hubNameFromConnString returning
// the EntityPath of a parsed connection string): its body calls a hash
// package or a parser, and with its string parameters taken as secrets, no
// value it returns carries one, by the same flow rules as the sinks, nor
// (when it parses) reads a secret-named field or method.
func (f *flow) isSanitizer(fn *types.Func) bool {
	st := f.state
	if done, ok := st.sanitizer[fn]; ok {
		return done
	}
	decl, ok := st.funcs[fn]
	if !ok {
		return false
	}
	st.sanitizer[fn] = false // a recursive call is no sanitizer
	hashes, parses := false, false
	for cur := range decl.Preorder((*ast.CallExpr)(nil)) {
		c := azsdk.Callee(f.info, cur.Node().(*ast.CallExpr))
		switch {
		case c == nil:
		case hashPkgs[azsdk.PkgPath(c.Pkg())]:
			hashes = true
		case parser(c):
			parses = true
		}
	}
	if !hashes && (!parses || f.selectsSecret(decl.Node().(*ast.FuncDecl).Body)) {
		return false // a parser's result may hold the secret part: u.User.Password()
	}
	g := &flow{pass: f.pass, scope: f.scope, info: f.info, tainted: map[key]string{}, test: f.test, state: st}
	g.noteEncoders(decl)
	g.declare(decl)
	fd := decl.Node().(*ast.FuncDecl)
	params := 0
	for _, field := range fd.Type.Params.List {
		for _, n := range field.Names {
			if obj := f.info.Defs[n]; obj != nil && stringish(obj.Type()) {
				g.tainted[key{obj: obj}] = "the parameter " + n.Name
				params++
			}
		}
	}
	if params == 0 {
		return false
	}
	g.propagate(decl)
	for cur := range decl.Preorder((*ast.ReturnStmt)(nil)) {
		ret := cur.Node().(*ast.ReturnStmt)
		if len(ret.Results) == 0 && fd.Type.Results != nil {
			// Have: a bare return of named results.
			for _, field := range fd.Type.Results.List {
				for _, n := range field.Names {
					if _, ok := g.tainted[key{obj: f.info.Defs[n]}]; ok {
						return false
					}
				}
			}
		}
		for _, r := range ret.Results {
			if g.source(r) != "" {
				return false
			}
		}
	}
	st.sanitizer[fn] = true
	return true
}

// parser reports whether fn parses text into a structure: its name starts
// with Parse or Unmarshal and its first result is not text
// (azeventhubs.ParseConnectionString, url.Parse, json.Unmarshal).
func parser(fn *types.Func) bool {
	name := fn.Name()
	if !strings.HasPrefix(name, "Parse") && !strings.HasPrefix(name, "Unmarshal") {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 0 || !stringish(res.At(0).Type())
}

// selectsSecret reports whether n reads a secret-named field or method
// (props.SharedAccessKey, u.User.Password()): a part of parsed text that
// is a secret itself. A package's function (azeventhubs.ParseConnectionString,
// the parser) is no part of the parsed value.
func (f *flow) selectsSecret(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && f.info.Selections[sel] != nil && secretName(sel.Sel.Name) {
			found = true
		}
		return !found
	})
	return found
}

// levels are the log levels whose methods make a type look like a logger.
var levels = []string{"debug", "info", "warn", "error"}

// levelMethod reports whether name is a logging method of a level:
// Info, Infof, Infow, Infoln, Warning, Errorf, Fatal, Trace...
func levelMethod(name string) bool {
	l := strings.ToLower(name)
	for _, suffix := range []string{"", "f", "w", "ln"} {
		if base, ok := strings.CutSuffix(l, suffix); ok && levelNames[base] {
			return true
		}
	}
	return false
}

var levelNames = map[string]bool{
	"debug": true, "info": true, "warn": true, "warning": true, "error": true, "fatal": true, "panic": true, "trace": true,
}

// loggerShaped reports whether t has the method set of a logger: methods
// for at least three of the levels Debug, Info, Warn and Error (any of the
// f, w and ln forms), each taking a message (a string or ...any first).
// Loggers of packages kvlint does not know (dapr's kit/logger.Logger, a
// project's own) are sinks by this shape.
func (f *flow) loggerShaped(t types.Type) bool {
	if v, ok := f.state.loggers[t]; ok {
		return v
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	seen := map[string]bool{}
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj()
		l := strings.ToLower(m.Name())
		for _, lv := range levels {
			if (l == lv || l == lv+"f" || l == lv+"w" || l == lv+"ln" || lv == "warn" && strings.HasPrefix(l, "warning")) && takesMessage(m) {
				seen[lv] = true
			}
		}
	}
	v := len(seen) >= 3
	f.state.loggers[t] = v
	return v
}

// takesMessage reports whether the method's first parameter can be a
// message: a string, or a variadic ...any.
func takesMessage(m types.Object) bool {
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Params().Len() == 0 {
		return false
	}
	p := sig.Params().At(0).Type()
	if b, ok := p.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return true
	}
	if s, ok := p.(*types.Slice); ok && sig.Variadic() && sig.Params().Len() == 1 {
		return types.IsInterface(s.Elem())
	}
	return false
}

// A funcSpec names a function or method in the configuration:
// "example.com/log.Printf", "example.com/log.Logger.Info",
// "(*example.com/log.Logger).Info", or "example.com/log.Logger.*" for every
// method of the type.
type funcSpec struct {
	pkg, typ, name string
}

// parseSpecs parses the configuration's names; malformed ones are skipped
// here (the configuration's own validation reports them).
func parseSpecs(names []string) []funcSpec {
	var out []funcSpec
	for _, n := range names {
		if s, ok := parseSpec(n); ok {
			out = append(out, s)
		}
	}
	return out
}

// parseSpec parses one funcSpec.
func parseSpec(s string) (funcSpec, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		// Have: (*pkg.T).M or (pkg.T).M.
		end := strings.Index(s, ").")
		if end < 0 {
			return funcSpec{}, false
		}
		recv := strings.TrimPrefix(s[1:end], "*")
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || strings.LastIndex(recv, "/") > dot {
			return funcSpec{}, false
		}
		return funcSpec{recv[:dot], recv[dot+1:], s[end+2:]}, s[end+2:] != ""
	}
	slash := strings.LastIndex(s, "/")
	parts := strings.Split(s[slash+1:], ".")
	prefix := s[:slash+1]
	switch len(parts) {
	case 2:
		return funcSpec{prefix + parts[0], "", parts[1]}, parts[0] != "" && parts[1] != ""
	case 3:
		return funcSpec{prefix + parts[0], parts[1], parts[2]}, parts[0] != "" && parts[1] != "" && parts[2] != ""
	}
	return funcSpec{}, false
}

// matches reports whether fn is the function or method spec names.
func (s funcSpec) matches(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || azsdk.PkgPath(fn.Pkg()) != s.pkg {
		return false
	}
	sig := fn.Type().(*types.Signature)
	if s.typ == "" {
		return sig.Recv() == nil && fn.Name() == s.name
	}
	if sig.Recv() == nil || s.name != "*" && fn.Name() != s.name {
		return false
	}
	return azsdk.IsNamed(sig.Recv().Type(), s.pkg, s.typ)
}

// anySpec reports whether one of specs matches fn.
func anySpec(specs []funcSpec, fn *types.Func) bool {
	for _, s := range specs {
		if s.matches(fn) {
			return true
		}
	}
	return false
}

// generators are the leading words of a function that makes a new
// credential (generate.NewInternalToken, GenerateRandomKey, util.CryptoRandomString).
var generators = []string{"generate", "new", "random", "rand", "create", "make", "gen", "cryptorandom"}

// generatedBy reports whether the call makes a new value: a function or
// method whose name starts with a generator word.
func generatedBy(info *types.Info, call *ast.CallExpr) bool {
	fn := azsdk.Callee(info, call)
	if fn == nil {
		return false
	}
	l := strings.ToLower(fn.Name())
	for _, g := range generators {
		if strings.HasPrefix(l, g) {
			return true
		}
	}
	return false
}

// toStdout reports whether a sink description is standard output
// (fmt.Print*, print, println, writes to os.Stdout), not a log or stderr.
func toStdout(sink string) bool {
	return strings.HasPrefix(sink, "fmt.Print") || sink == "print" || sink == "println" ||
		strings.HasSuffix(sink, " to os.Stdout") || strings.HasPrefix(sink, "os.Stdout.")
}

// truncateWords in a function's name say it shortens its input.
var truncateWords = []string{"truncat", "shorten", "abbrev", "ellipsi", "prefix"}

// maxKept is the most characters a shortened secret may keep and still be
// a redacted form (a short prefix, as the message advises).
const maxKept = 8

// truncates reports whether call shortens a secret to a prefix too short
// to reveal it: the callee's name says it truncates and an argument is an
// integer constant from 0 to maxKept (gitea's util.TruncateRunes(token, 3)).
// TruncateRunes(token, 64) keeps the secret, and Pad(token, 3) has no
// truncating name.
func (f *flow) truncates(fn *types.Func, call *ast.CallExpr) bool {
	lower := strings.ToLower(fn.Name())
	if !slices.ContainsFunc(truncateWords, func(w string) bool { return strings.Contains(lower, w) }) {
		return false
	}
	for _, a := range call.Args {
		if tv, ok := f.info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
			if n, exact := constant.Int64Val(tv.Value); exact && n >= 0 && n <= maxKept {
				return true
			}
		}
	}
	return false
}
