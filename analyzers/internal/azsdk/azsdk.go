// Package azsdk holds what kvlint's Azure analyzers share: the import paths of
// the Azure SDK packages they match, callee and type matching by package path
// (the analyzers never import the SDK), and the configuration scope.
package azsdk

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// Import paths of the SDK packages the analyzers match.
const (
	AzCore           = "github.com/Azure/azure-sdk-for-go/sdk/azcore"
	AzIdentity       = "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	AzSecrets        = "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	MSALConfidential = "github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"
)

// PkgPath returns the import path of pkg with any vendor prefix removed, or
// "" for a nil package.
func PkgPath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	p := pkg.Path()
	if i := strings.LastIndex(p, "/vendor/"); i >= 0 {
		p = p[i+len("/vendor/"):]
	} else {
		p = strings.TrimPrefix(p, "vendor/")
	}
	return p
}

// IsFunc reports whether obj is the package-level function pkg.name.
func IsFunc(obj types.Object, pkg, name string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Name() != name || PkgPath(fn.Pkg()) != pkg {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() == nil
}

// IsMethod reports whether obj is the method name declared on the named
// type pkg.typeName (pointer or value receiver).
func IsMethod(obj types.Object, pkg, typeName, name string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Name() != name {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	return IsNamed(sig.Recv().Type(), pkg, typeName)
}

// IsNamed reports whether t, or the type it points to, is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && PkgPath(obj.Pkg()) == pkg
}

// Callee returns the function or method a call statically calls, or nil
// (calls of function values, conversions, builtins).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsClientMethod reports whether call calls the method name of
// azsecrets.Client, as c.Name(...) or (*azsecrets.Client).Name(c, ...).
func IsClientMethod(info *types.Info, call *ast.CallExpr, name string) bool {
	// Both forms are selectors spelled name: checking the spelling first
	// spares the type lookups for every other call of the package.
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || sel.Sel.Name != name {
		return false
	}
	return IsMethod(Callee(info, call), AzSecrets, "Client", name)
}

// ClientArgs returns the arguments of a call of the azsecrets.Client method
// name, without the receiver: c.Name(a, b) and (*azsecrets.Client).Name(c, a, b)
// both give [a b]. ok is false for other calls.
func ClientArgs(info *types.Info, call *ast.CallExpr, name string) (args []ast.Expr, ok bool) {
	if !IsClientMethod(info, call, name) {
		return nil, false
	}
	if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			if len(call.Args) == 0 {
				return nil, false
			}
			return call.Args[1:], true
		}
	}
	return call.Args, true
}

// Reaches reports whether pkg is, or depends on, a package with one of the
// import paths (vendor prefixes ignored). Dependencies are followed through
// Imports, which for a package read from export data lists the packages its
// exported API refers to: code in pkg can only name a function, method or
// type of a package it reaches this way, so an analyzer that matches SDK
// calls has nothing to do in a package that reaches no SDK package.
//
// For the SDK paths of this package the answer is memoized per package, so
// each dependency is visited once per process however many analyzers and
// packages ask (the memo holds a small entry per package for the life of
// the process, as a command-line run does anyway).
func Reaches(pkg *types.Package, paths ...string) bool {
	if pkg == nil {
		return false
	}
	var want uint8
	for _, p := range paths {
		i := slices.Index(sdkPaths, p)
		if i < 0 {
			return reachesAny(pkg, paths)
		}
		want |= 1 << i
	}
	return reachBits(pkg, map[*types.Package]bool{})&want != 0
}

// sdkPaths are the packages whose reachability is memoized, by bit.
var sdkPaths = []string{AzCore, AzIdentity, AzSecrets, MSALConfidential}

// reached memoizes reachBits: *types.Package -> uint8.
var reached sync.Map

// reachBits returns the set of sdkPaths pkg is or depends on.
func reachBits(pkg *types.Package, visiting map[*types.Package]bool) uint8 {
	if v, ok := reached.Load(pkg); ok {
		return v.(uint8)
	}
	if visiting[pkg] {
		return 0 // an import cycle cannot type-check; do not loop
	}
	visiting[pkg] = true
	var bits uint8
	if i := slices.Index(sdkPaths, PkgPath(pkg)); i >= 0 {
		bits |= 1 << i
	}
	for _, imp := range pkg.Imports() {
		bits |= reachBits(imp, visiting)
	}
	reached.Store(pkg, bits)
	return bits
}

// reachesAny is Reaches for paths without a memo.
func reachesAny(pkg *types.Package, paths []string) bool {
	seen := map[*types.Package]bool{pkg: true}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if slices.Contains(paths, PkgPath(p)) {
			return true
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return false
}
