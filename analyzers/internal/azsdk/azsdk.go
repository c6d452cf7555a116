// Package azsdk holds what kvlint's Azure analyzers share: the import paths of
// the Azure SDK packages they match, callee and type matching by package path
// (the analyzers never import the SDK), and the configuration scope.
package azsdk

import (
	"go/ast"
	"go/types"
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Import paths of the SDK packages the analyzers match. One table: every
// analyzer names SDK packages through these constants and the families
// below, so an SDK generation added here reaches them all.
const (
	AzCore           = "github.com/Azure/azure-sdk-for-go/sdk/azcore"
	AzIdentity       = "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	AzSecrets        = "github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	MSALConfidential = "github.com/AzureAD/microsoft-authentication-library-for-go/apps/confidential"

	// AzSecretsV0 is the pre-1.0 secrets client (v0.x, deprecated), with
	// the same Client methods as AzSecrets.
	AzSecretsV0 = "github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"
	// Track1KeyVault is the prefix of the track-1 data-plane packages
	// services/keyvault/<api-version>/keyvault (see IsTrack1KeyVault).
	Track1KeyVault = "github.com/Azure/azure-sdk-for-go/services/"
	// Track1KeyVaultAuth is the track-1 Key Vault authorizer package.
	Track1KeyVaultAuth = "github.com/Azure/azure-sdk-for-go/services/keyvault/auth"
	// AutorestAuth and AutorestADAL are go-autorest's (deprecated)
	// authentication packages.
	AutorestAuth = "github.com/Azure/go-autorest/autorest/azure/auth"
	AutorestADAL = "github.com/Azure/go-autorest/autorest/adal"
	// SDK is the prefix of every package of the current Azure SDK.
	SDK = "github.com/Azure/azure-sdk-for-go/sdk/"
)

// Families of packages that Reaches answers for with a memo, by bit. A
// family is named by one constant above and holds every package path its
// match accepts.
var families = []family{
	{AzCore, func(p string) bool { return p == AzCore }},
	{AzIdentity, func(p string) bool { return p == AzIdentity }},
	// Every generation of the secrets client: a package reaching any of
	// them may call GetSecret or SetSecret.
	{AzSecrets, func(p string) bool { return SecretsGeneration(p) != "" }},
	{MSALConfidential, func(p string) bool { return p == MSALConfidential }},
	{AutorestAuth, func(p string) bool { return p == AutorestAuth || p == AutorestADAL || p == Track1KeyVaultAuth }},
	{SDK, func(p string) bool { return strings.HasPrefix(p, SDK) }},
}

// A family is a set of packages, named by one of the constants.
type family struct {
	name  string
	match func(path string) bool
}

// track1KeyVault matches the track-1 Key Vault data-plane packages, stable
// and preview (services/keyvault/v7.0/keyvault,
// services/preview/keyvault/v7.2-preview/keyvault); not the management
// plane (services/keyvault/mgmt/...).
var track1KeyVault = regexp.MustCompile(`^github\.com/Azure/azure-sdk-for-go/services/(?:preview/)?keyvault/[^/]+/keyvault$`)

// IsTrack1KeyVault reports whether path is a track-1 Key Vault data-plane package.
func IsTrack1KeyVault(path string) bool {
	return strings.HasPrefix(path, Track1KeyVault) && track1KeyVault.MatchString(path)
}

// Generations of the secrets client, as SecretsGeneration names them.
const (
	GenV1     = "azsecrets"
	GenV0     = "azsecrets v0"
	GenTrack1 = "track-1 keyvault"
)

// SecretsGeneration returns which generation of the Key Vault secrets
// client the package path is, or "".
func SecretsGeneration(path string) string {
	switch {
	case path == AzSecrets:
		return GenV1
	case path == AzSecretsV0:
		return GenV0
	case IsTrack1KeyVault(path):
		return GenTrack1
	}
	return ""
}

// A secretsAPI is one generation's client: its type, the methods kvlint
// matches with the argument positions (receiver excluded) of their roles,
// and the types whose Value field holds a secret's value.
type secretsAPI struct {
	client  string
	methods map[string]methodShape
	values  []string // struct types with a secret Value field
	// responses are types whose printed form includes the value.
	responses []string
}

// methodShape is where a method's arguments are: -1 for none.
type methodShape struct {
	canonical     string // the v1 name of the operation
	nargs         int
	name, version int
	params        int
}

var secretsAPIs = map[string]secretsAPI{
	// Have: (*azsecrets.Client).GetSecret(ctx, name, version, opts)
	GenV1: {
		client: "Client",
		methods: map[string]methodShape{
			"GetSecret":              {"GetSecret", 4, 1, 2, -1},
			"SetSecret":              {"SetSecret", 4, 1, -1, 2},
			"UpdateSecretProperties": {"UpdateSecretProperties", 5, 1, 2, 3},
		},
		values:    []string{"Secret", "DeletedSecret"},
		responses: []string{"Secret", "GetSecretResponse", "SetSecretResponse", "UpdateSecretPropertiesResponse"},
	},
	// Have: v0.x (*azsecrets.Client).GetSecret(ctx, name, version, opts);
	// UpdateSecret was renamed UpdateSecretProperties in v1. The oldest
	// v0 releases took the version in the options (3 arguments): no
	// version argument to judge there.
	GenV0: {
		client: "Client",
		methods: map[string]methodShape{
			"GetSecret":    {"GetSecret", 4, 1, 2, -1},
			"SetSecret":    {"SetSecret", 4, 1, -1, 2},
			"UpdateSecret": {"UpdateSecretProperties", 5, 1, 2, 3},
		},
		values:    []string{"SecretBundle", "DeletedSecretBundle", "Secret"},
		responses: []string{"SecretBundle", "GetSecretResponse", "SetSecretResponse", "UpdateSecretResponse"},
	},
	// Have: keyvault.BaseClient.GetSecret(ctx, vaultBaseURL, name, version)
	// and SetSecret(ctx, vaultBaseURL, name, keyvault.SecretSetParameters{...}).
	GenTrack1: {
		client: "BaseClient",
		methods: map[string]methodShape{
			"GetSecret":    {"GetSecret", 4, 2, 3, -1},
			"SetSecret":    {"SetSecret", 4, 2, -1, 3},
			"UpdateSecret": {"UpdateSecretProperties", 5, 2, 3, 4},
		},
		values:    []string{"SecretBundle", "DeletedSecretBundle"},
		responses: []string{"SecretBundle", "DeletedSecretBundle"},
	},
}

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
// pkg.name, directly or through aliases: the SDK declares many of its
// public types as aliases of internal ones (azcore.TokenCredential =
// exported.TokenCredential, container.SharedKeyCredential =
// exported.SharedKeyCredential), so every step of an alias chain is
// compared, and a type of the SDK's internal/exported package counts as the
// public name it is exported under (for export data without aliases).
func IsNamed(t types.Type, pkg, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	for {
		a, ok := t.(*types.Alias)
		if !ok {
			break
		}
		if a.Obj().Name() == name && PkgPath(a.Obj().Pkg()) == pkg {
			return true
		}
		t = a.Rhs()
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	if obj.Name() != name {
		return false
	}
	path := PkgPath(obj.Pkg())
	return path == pkg || strings.HasPrefix(pkg, SDK) && path == exportedOf(pkg)
}

// exportedOf returns the internal/exported package of the SDK module that
// holds pkg: sdk/azcore -> sdk/azcore/internal/exported,
// sdk/storage/azblob/container -> sdk/storage/azblob/internal/exported.
func exportedOf(pkg string) string {
	if m := sdkModule(pkg); m != "" {
		return m + "/internal/exported"
	}
	return ""
}

// sdkModule returns the module of the current SDK that holds pkg, by the
// SDK's layout: one level below sdk/ (azcore, azidentity), two in the
// service groups (storage/azblob, data/azcosmos, messaging/azservicebus),
// three for Key Vault (security/keyvault/azsecrets); "" outside the SDK.
func sdkModule(pkg string) string {
	rest, ok := strings.CutPrefix(pkg, SDK)
	if !ok {
		return ""
	}
	parts := strings.Split(rest, "/")
	n := 1
	switch parts[0] {
	case "storage", "data", "messaging", "ai", "monitor", "containers", "keyvault":
		n = 2
	case "security":
		n = 3
	}
	if len(parts) < n {
		return ""
	}
	return SDK + strings.Join(parts[:n], "/")
}

// Callee returns the function or method a call statically calls, or nil
// (calls of function values, conversions, builtins).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// CalledName is the name a call's function is spelled with: Sel of x.Sel,
// the identifier of a dot-imported or local function, through a generic
// instantiation F[T]; "" for a function value or a call of a call. It is
// the syntactic check analyzers make before resolving a callee.
func CalledName(fun ast.Expr) string {
	switch f := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	case *ast.IndexExpr:
		return CalledName(f.X)
	case *ast.IndexListExpr:
		return CalledName(f.X)
	}
	return ""
}

// A SecretsCall is a call of a Key Vault secrets client method, in any SDK
// generation, with its arguments by role.
type SecretsCall struct {
	Generation string   // GenV1, GenV0 or GenTrack1
	Method     string   // the v1 name: GetSecret, SetSecret or UpdateSecretProperties
	Name       ast.Expr // the secret's name
	Version    ast.Expr // the version (GetSecret, UpdateSecretProperties), or nil
	Params     ast.Expr // the parameters (SetSecret, UpdateSecretProperties), or nil
}

// Secrets returns the secrets client call that call is, as c.M(...) or
// (*T).M(c, ...), if its method is one of the operations kvlint matches
// with the argument count of that generation. method, if not "", is the v1
// name the call must have.
func Secrets(info *types.Info, call *ast.CallExpr, method string) (SecretsCall, bool) {
	// Both forms are selectors: checking the spelling first spares the
	// type lookups for every other call of the package.
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !secretsMethodName(sel.Sel.Name) {
		return SecretsCall{}, false
	}
	fn := Callee(info, call)
	if fn == nil {
		return SecretsCall{}, false
	}
	gen := SecretsGeneration(PkgPath(fn.Pkg()))
	api, ok := secretsAPIs[gen]
	if !ok {
		return SecretsCall{}, false
	}
	shape, ok := api.methods[fn.Name()]
	if !ok || method != "" && shape.canonical != method || !IsMethod(fn, PkgPath(fn.Pkg()), api.client, fn.Name()) {
		return SecretsCall{}, false
	}
	args := call.Args
	if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
		if len(args) == 0 {
			return SecretsCall{}, false
		}
		args = args[1:]
	}
	if len(args) != shape.nargs {
		return SecretsCall{}, false
	}
	at := func(i int) ast.Expr {
		if i < 0 {
			return nil
		}
		return args[i]
	}
	return SecretsCall{Generation: gen, Method: shape.canonical, Name: at(shape.name), Version: at(shape.version), Params: at(shape.params)}, true
}

// secretsMethodName reports whether name is a method of some generation's table.
func secretsMethodName(name string) bool {
	for _, api := range secretsAPIs {
		if _, ok := api.methods[name]; ok {
			return true
		}
	}
	return false
}

// IsSecretValue reports whether obj is the Value field of a secrets client
// type that holds a secret's value (azsecrets.Secret, v0 and track-1
// SecretBundle), promoted or not.
func IsSecretValue(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Name() != "Value" {
		return false
	}
	api, ok := secretsAPIs[SecretsGeneration(PkgPath(v.Pkg()))]
	if !ok {
		return false
	}
	for _, name := range api.values {
		tn, ok := v.Pkg().Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i) == v {
				return true
			}
		}
	}
	return false
}

// IsSecretResponse reports whether t (or *t) is a secrets client response
// or secret type of any generation, whose printed form includes the value.
func IsSecretResponse(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	api, ok := secretsAPIs[SecretsGeneration(PkgPath(n.Obj().Pkg()))]
	return ok && slices.Contains(api.responses, n.Obj().Name())
}

// Reaches reports whether pkg is, or depends on, a package of one of the
// families or import paths (vendor prefixes ignored). A family is named by
// its constant: AzSecrets stands for every generation of the secrets client,
// AutorestAuth for go-autorest's and track-1's authorizers, SDK for every
// package of the current SDK; other constants for their own package, and
// any other string for that one import path. Dependencies are followed through
// Imports, which for a package read from export data lists the packages its
// exported API refers to: code in pkg can only name a function, method or
// type of a package it reaches this way, so an analyzer that matches SDK
// calls has nothing to do in a package that reaches no SDK package.
//
// For the families the answer is memoized per package, so each dependency
// is visited once per process however many analyzers and packages ask (the
// memo holds a small entry per package for the life of the process, as a
// command-line run does anyway).
func Reaches(pkg *types.Package, paths ...string) bool {
	if pkg == nil {
		return false
	}
	var want uint8
	for _, p := range paths {
		i := slices.IndexFunc(families, func(f family) bool { return f.name == p })
		if i < 0 {
			return reachesAny(pkg, paths)
		}
		want |= 1 << i
	}
	return reachBits(pkg, map[*types.Package]bool{})&want != 0
}

// reached memoizes reachBits: *types.Package -> uint8.
var reached sync.Map

// reachBits returns the set of families pkg is in or depends on.
func reachBits(pkg *types.Package, visiting map[*types.Package]bool) uint8 {
	if v, ok := reached.Load(pkg); ok {
		return v.(uint8)
	}
	if visiting[pkg] {
		return 0 // an import cycle cannot type-check; do not loop
	}
	visiting[pkg] = true
	var bits uint8
	path := PkgPath(pkg)
	for i, f := range families {
		if f.match(path) {
			bits |= 1 << i
		}
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

// DefinedHere reports whether the package of pass is the package def (an
// import path) that defines a matched function or type, or is in the
// module that does: the SDK's own code (azidentity's constructors calling
// each other, its EnvironmentCredential, its tests and examples) uses its
// own API by design, and is not a user of it. Without module information
// (GOPATH mode), a package at or below def's module (by the SDK's layout,
// see sdkModule) or below def itself, or its external test package, counts.
func DefinedHere(pass *analysis.Pass, def string) bool {
	here := strings.TrimSuffix(PkgPath(pass.Pkg), "_test")
	if pass.Module != nil && pass.Module.Path != "" && within(def, pass.Module.Path) && within(here, pass.Module.Path) {
		return true
	}
	if m := sdkModule(def); m != "" {
		return within(here, m)
	}
	return within(here, def)
}

// within reports whether path is root or below it.
func within(path, root string) bool {
	return path == root || strings.HasPrefix(path, root+"/")
}
