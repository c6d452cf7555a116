package secretlog

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// A connection string is a secret because of the credential in it: a
// password in its userinfo or a password=, key= or token= field. Some
// schemes carry none (leveldb://queues/common, file:gitea.db?_txlock=immediate,
// sqlite:, memory://, a path): a value known to be of one of them leaks
// nothing, whatever its variable is called.

// credlessSchemes are the schemes of connection strings that name a local
// store and carry no credential.
var credlessSchemes = []string{"file:", "leveldb:", "sqlite:", "sqlite3:", "memory:", "mem:", "inmemory:", "boltdb:", "badger:"}

// credentialFields in a connection string's constant text carry a secret.
var credentialFields = []string{"password=", "pwd=", "passwd=", "secret=", "token=", "key=", "sig=", "@"}

// credless reports whether the text s, the start of a connection string,
// names a scheme or a path that carries no credential, and shows none.
func credless(s string) bool {
	lower := strings.ToLower(s)
	for _, c := range credentialFields {
		if strings.Contains(lower, c) {
			return false
		}
	}
	if strings.HasPrefix(lower, "/") || strings.HasPrefix(lower, "./") || strings.HasPrefix(lower, "../") {
		return true
	}
	for _, sc := range credlessSchemes {
		if strings.HasPrefix(lower, sc) {
			return true
		}
	}
	return false
}

// credlessBuilt reports whether e builds a connection string of a
// credential-free scheme from constant text that shows no credential
// (fmt.Sprintf("file:%s?%s", path, params), "leveldb://" + dir). The
// values put in keep their own taint: fmt.Sprintf("file:%s", password)
// still carries the password.
func (f *flow) credlessBuilt(e ast.Expr) bool {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return false
		}
		if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
			return false // a constant is judged as one
		}
		return f.credlessBuilt(e.X) || f.constText(e.X) != "" && credless(f.constText(e.X))
	case *ast.CallExpr:
		fn := azsdk.Callee(f.info, e)
		if !azsdk.IsFunc(fn, "fmt", "Sprintf") || len(e.Args) == 0 {
			return false
		}
		format := f.constText(e.Args[0])
		return format != "" && credless(format)
	}
	return false
}

// constText returns the string constant value of e, or "".
func (f *flow) constText(e ast.Expr) string {
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// credlessGuarded reports whether the sink at cur is inside the body of an
// if statement whose condition says arg starts with a credential-free
// scheme: if strings.HasPrefix(conn, "leveldb://") { log.Print(conn) }.
func (f *flow) credlessGuarded(cur inspector.Cursor, arg ast.Expr) bool {
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := c.Node().(*ast.IfStmt)
		if cur.Node().Pos() < ifs.Body.Pos() || cur.Node().End() > ifs.Body.End() {
			continue // in the condition or the else branch
		}
		if f.hasCredlessPrefix(ifs.Cond, arg) {
			return true
		}
	}
	return false
}

// hasCredlessPrefix reports whether cond, or a conjunct of it, is
// strings.HasPrefix(x, scheme) with x the same place as arg and scheme a
// credential-free one.
func (f *flow) hasCredlessPrefix(cond, arg ast.Expr) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return f.hasCredlessPrefix(b.X, arg) || f.hasCredlessPrefix(b.Y, arg)
	}
	call, ok := cond.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !azsdk.IsFunc(azsdk.Callee(f.info, call), "strings", "HasPrefix") {
		return false
	}
	prefix := f.constText(call.Args[1])
	return prefix != "" && credless(prefix) && f.samePlace(call.Args[0], arg)
}

// samePlace reports whether a and b denote the same variable or field path.
func (f *flow) samePlace(a, b ast.Expr) bool {
	ka, okA := f.keyOf(a)
	kb, okB := f.keyOf(b)
	if okA && okB {
		return ka == kb
	}
	return types.ExprString(ast.Unparen(a)) == types.ExprString(ast.Unparen(b))
}
