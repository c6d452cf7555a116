package secretlog

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
)

// valueArgs returns the arguments of a printf-style call that can print
// their value: those a %T (the type's name) or a %p of an address consumes
// print none. The call is printf-style when its function's name ends in f
// (Printf, Errorf, Infof, Logf) and an argument before the others is a
// constant format; a format with explicit argument indexes (%[2]v), or any
// doubt, keeps every argument.
//
// Have: fmt.Errorf("unmarshalling type %T: %v", s, err), with s a
// *SecretBundle, in the SDK's own models_serde.go: the type's name only.
func (f *flow) valueArgs(call *ast.CallExpr, args []ast.Expr) []ast.Expr {
	if !printfName(call) {
		return args
	}
	at := -1
	format := ""
	for i, a := range args {
		tv, ok := f.info.Types[a]
		if ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			if s := constant.StringVal(tv.Value); strings.Contains(s, "%") {
				at, format = i, s
				break
			}
		}
		if t := f.info.TypeOf(a); t == nil || !isContextLike(t) {
			return args // an argument before the format that is not a context, logger or writer
		}
	}
	if at < 0 {
		return args
	}
	verbs, ok := printfVerbs(format)
	if !ok || len(verbs) != len(args)-at-1 {
		return args
	}
	out := append([]ast.Expr(nil), args[:at+1]...)
	for i, v := range verbs {
		a := args[at+1+i]
		if v == 'T' || (v == 'p' && f.pointerShaped(a)) {
			continue // the type's name, or an address: no value printed
		}
		out = append(out, a)
	}
	return out
}

// pointerShaped reports whether %p prints a's address: for a pointer, map,
// slice, chan, func or unsafe.Pointer. For anything else (a string) fmt
// prints %!p(string=<the value>): the value reaches the output.
func (f *flow) pointerShaped(a ast.Expr) bool {
	t := f.info.TypeOf(a)
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Signature:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// printfName reports whether call's function is spelled like a printf
// wrapper: a name of at least two characters ending in f.
func printfName(call *ast.CallExpr) bool {
	name := azsdk.CalledName(call.Fun)
	return len(name) > 1 && strings.HasSuffix(name, "f")
}

// isContextLike reports whether t may come before a format: a
// context.Context, an io.Writer, an error (klog.ErrorS's err), a level or
// a logger; anything but a string.
func isContextLike(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return !ok || b.Info()&types.IsString == 0
}

// printfVerbs returns, in order, the verb of each argument a printf format
// consumes ('*' for a star width or precision), or false for a format
// with explicit argument indexes.
func printfVerbs(format string) ([]rune, bool) {
	var verbs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// Flags, width and precision, each of which may be a star.
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			switch format[i] {
			case '[':
				return nil, false
			case '*':
				verbs = append(verbs, '*')
			}
			i++
		}
		if i >= len(format) {
			return nil, false // a dangling %: let the caller keep every argument
		}
		if format[i] == '%' {
			continue // %% prints a percent sign
		}
		verbs = append(verbs, rune(format[i]))
	}
	return verbs, true
}
