package clientsecretauth

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

const name = "clientsecretauth"

const instead = "use azidentity.NewDefaultAzureCredential, NewManagedIdentityCredential or NewWorkloadIdentityCredential"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{
	{
		ID: "KV201", Name: "client-secret-credential", Analyzer: name,
		Title: "azure authentication with a static client secret",
		Doc: "azidentity.NewClientSecretCredential authenticates with a client secret, a long-lived secret that must itself be " +
			"stored, rotated and kept out of logs: a secret to protect secrets. Managed identity and workload identity need none. " +
			"Also reported: the function used as a value, and ClientSecretCredentialOptions built away from the call.",
		Bad:      `cred, err := azidentity.NewClientSecretCredential(tenantID, clientID, os.Getenv("CLIENT_SECRET"), nil)`,
		Good:     `cred, err := azidentity.NewDefaultAzureCredential(nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.5, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV202", Name: "username-password-credential", Analyzer: name,
		Title: "azure authentication with a username and password",
		Doc: "azidentity.NewUsernamePasswordCredential (deprecated) signs in a user with a password the program must hold; " +
			"it cannot do multi-factor authentication. Use a managed or workload identity, or interactive sign-in for tools.",
		Bad:      `cred, err := azidentity.NewUsernamePasswordCredential(tenantID, clientID, user, password, nil)`,
		Good:     `cred, err := azidentity.NewDefaultAzureCredential(nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 7.0, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV203", Name: "on-behalf-of-secret", Analyzer: name,
		Title: "on-behalf-of flow authenticated with a client secret",
		Doc: "azidentity.NewOnBehalfOfCredentialWithSecret proves the middle tier's identity with a client secret. " +
			"Use NewOnBehalfOfCredentialWithClientAssertions with a managed identity assertion, or a certificate.",
		Bad:      `cred, err := azidentity.NewOnBehalfOfCredentialWithSecret(tenantID, clientID, userToken, clientSecret, nil)`,
		Good:     `cred, err := azidentity.NewOnBehalfOfCredentialWithClientAssertions(tenantID, clientID, userToken, miAssertion, nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.5, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV204", Name: "msal-cred-from-secret", Analyzer: name,
		Title: "msal confidential client credential from a client secret",
		Doc: "MSAL's confidential.NewCredFromSecret makes a confidential client authenticate with a client secret. " +
			"Use confidential.NewCredFromAssertionCallback with a managed identity or workload identity token, or azidentity.",
		Bad:      `cred, err := confidential.NewCredFromSecret(os.Getenv("CLIENT_SECRET"))`,
		Good:     `cred := confidential.NewCredFromAssertionCallback(workloadIdentityAssertion)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.5, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV205", Name: "client-secret-env", Analyzer: name,
		Title: "azure client secret placed in the environment",
		Doc: "os.Setenv(\"AZURE_CLIENT_SECRET\", ...) (or AZURE_PASSWORD) arms EnvironmentCredential, and so DefaultAzureCredential, " +
			"with a static secret, which child processes and crash dumps can also see. Let the platform provide a managed or workload identity.",
		Bad:      `os.Setenv("AZURE_CLIENT_SECRET", cfg.ClientSecret)`,
		Good:     `cred, err := azidentity.NewDefaultAzureCredential(nil) // managed identity in Azure, developer sign-in locally`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.0, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV206", Name: "autorest-client-secret", Analyzer: name,
		Title: "deprecated go-autorest authentication with a static client secret",
		Doc: "go-autorest (retired) and the track-1 SDK authenticate with a client secret through auth.NewClientCredentialsConfig, " +
			"adal.NewServicePrincipalToken or an adal.ServicePrincipalTokenSecret, and through auth.NewAuthorizerFromEnvironment when " +
			"the program reads or sets AZURE_CLIENT_SECRET. Move to azidentity.NewDefaultAzureCredential (managed or workload identity) " +
			"and the current SDK clients, which take an azcore.TokenCredential.",
		Bad:      `authorizer, err := auth.NewClientCredentialsConfig(clientID, clientSecret, tenantID).Authorizer()`,
		Good:     `cred, err := azidentity.NewDefaultAzureCredential(nil) // then azsecrets.NewClient(vaultURL, cred, nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.5, Tags: []string{"security", "azure", "identity", "deprecated"},
	},
}

// Analyzer is the clientsecretauth analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Security, Rules: Rules, Skip: sdkItself, Run: run}

// target is a function whose use is a finding.
type target struct {
	pkg, fn string
	rule    int    // index into Rules
	options string // its options type, if a literal of it is also a finding
	fixable bool   // returns (T, error) with T a TokenCredential
}

var targets = []target{
	{azsdk.AzIdentity, "NewClientSecretCredential", 0, "ClientSecretCredentialOptions", true},
	{azsdk.AzIdentity, "NewUsernamePasswordCredential", 1, "UsernamePasswordCredentialOptions", true},
	{azsdk.AzIdentity, "NewOnBehalfOfCredentialWithSecret", 2, "", true},
	{azsdk.MSALConfidential, "NewCredFromSecret", 3, "", false},
	{azsdk.AutorestAuth, "NewClientCredentialsConfig", 5, "ClientCredentialsConfig", false},
	{azsdk.AutorestADAL, "NewServicePrincipalToken", 5, "ServicePrincipalTokenSecret", false},
	// Only in a package that names AZURE_CLIENT_SECRET (see envSecret):
	// elsewhere these authorizers may well use a managed identity.
	{azsdk.AutorestAuth, "NewAuthorizerFromEnvironment", 5, "", false},
	{azsdk.AutorestAuth, "NewAuthorizerFromEnvironmentWithResource", 5, "", false},
	{azsdk.Track1KeyVaultAuth, "NewAuthorizerFromEnvironment", 5, "", false},
}

// fromEnv reports whether t is an authorizer that reads its secret from
// the environment.
func (t *target) fromEnv() bool { return strings.HasPrefix(t.fn, "NewAuthorizerFromEnvironment") }

// targetName reports whether name is the name of a target function.
func targetName(name string) bool {
	for i := range targets {
		if targets[i].fn == name {
			return true
		}
	}
	return false
}

func targetOf(obj types.Object) *target {
	for i := range targets {
		if azsdk.IsFunc(obj, targets[i].pkg, targets[i].fn) {
			return &targets[i]
		}
	}
	return nil
}

// run runs in a package that is not the SDK itself (sdkItself).
func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	w := &walker{pass: pass, scope: scope, info: pass.TypesInfo, c: &checker{pass: pass}, calledIn: map[int]map[ast.Node]bool{}}

	// A package that reaches neither azidentity, MSAL nor go-autorest can
	// name none of the targets or their options: only os.Setenv is left
	// to look for.
	sdk := azsdk.Reaches(pass.Pkg, azsdk.AzIdentity, azsdk.MSALConfidential, azsdk.AutorestAuth)
	if sdk {
		w.envSecret = namesEnvSecret(insp)
		for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
			w.ident(cur)
		}
	}
	lits := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}
	if !sdk {
		lits = lits[1:]
	}
	for cur := range insp.Root().Preorder(lits...) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			w.options(cur, n)
		case *ast.CallExpr:
			w.setenv(n)
		}
	}
	return nil, nil
}

// A walker reports the findings of one pass.
type walker struct {
	pass      *analysis.Pass
	scope     *azsdk.Scope
	info      *types.Info
	c         *checker
	envSecret bool // the package names AZURE_CLIENT_SECRET (see namesEnvSecret)
	// calledIn holds the declarations that call or name a target, per
	// rule, so that an options literal beside the call is not a second
	// finding. ident fills it before options reads it.
	calledIn map[int]map[ast.Node]bool
}

// on reports whether rule r (an index into Rules) is enabled.
func (w *walker) on(r int) bool { return w.scope.Rule(Rules[r].ID, Rules[r].Name) }

// ident reports the use of a target function at cur: a call, or a
// function value.
func (w *walker) ident(cur inspector.Cursor) {
	id := cur.Node().(*ast.Ident)
	if !targetName(id.Name) {
		return // spelled unlike every target: no type lookup
	}
	t := targetOf(w.info.Uses[id])
	if t == nil || !w.on(t.rule) || t.fromEnv() && !w.envSecret {
		return
	}
	// Have: pkg.Fn or Fn (dot import); a call of it, or a function value.
	ref := cur
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		ref = cur.Parent()
	}
	for ref.ParentEdgeKind() == edge.ParenExpr_X {
		ref = ref.Parent()
	}
	r := Rules[t.rule]
	if w.calledIn[t.rule] == nil {
		w.calledIn[t.rule] = map[ast.Node]bool{}
	}
	w.calledIn[t.rule][azsdk.EnclosingDecl(cur)] = true
	if ref.ParentEdgeKind() == edge.CallExpr_Fun {
		call := ref.Parent().Node().(*ast.CallExpr)
		d := analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(), Category: r.ID,
			Message: fmt.Sprintf("%s authenticates with a static %s, itself a secret to protect: %s",
				qualified(t), secretWord(t), t.instead()),
		}
		if t.fixable {
			if fix, ok := w.c.fix(ref.Parent(), call); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		w.scope.Report(d, r.Name)
		return
	}
	// Have: f := azidentity.NewClientSecretCredential; f(...) and the like.
	w.scope.Report(analysis.Diagnostic{
		Pos: ref.Node().Pos(), End: ref.Node().End(), Category: r.ID,
		Message: fmt.Sprintf("%s used as a function value authenticates with a static %s: %s",
			qualified(t), secretWord(t), t.instead()),
	}, r.Name)
}

// options reports a target's options literal built away from the call.
func (w *walker) options(cur inspector.Cursor, n *ast.CompositeLit) {
	// Have: &azidentity.ClientSecretCredentialOptions{...} in a function
	// that does not call the constructor (it is handed elsewhere).
	tv, ok := w.info.Types[n]
	if !ok {
		return
	}
	for i := range targets {
		t := &targets[i]
		if t.options == "" || !azsdk.IsNamed(tv.Type, t.pkg, t.options) || !w.on(t.rule) {
			continue
		}
		if _, isPtr := types.Unalias(tv.Type).(*types.Pointer); isPtr {
			continue
		}
		if w.calledIn[t.rule][azsdk.EnclosingDecl(cur)] {
			continue
		}
		r := Rules[t.rule]
		w.scope.Report(analysis.Diagnostic{
			Pos: n.Pos(), End: n.End(), Category: r.ID,
			Message: fmt.Sprintf("%s.%s configures a credential that authenticates with a static %s: %s",
				pkgName(t.pkg), t.options, secretWord(t), t.instead()),
		}, r.Name)
	}
}

// setenv reports os.Setenv("AZURE_CLIENT_SECRET", v) with a constant key.
func (w *walker) setenv(n *ast.CallExpr) {
	r := Rules[4]
	if len(n.Args) != 2 || azsdk.CalledName(n.Fun) != "Setenv" || !w.on(4) || !azsdk.IsFunc(azsdk.Callee(w.info, n), "os", "Setenv") {
		return
	}
	key, ok := constString(w.info, n.Args[0])
	if !ok || !(strings.EqualFold(key, "AZURE_CLIENT_SECRET") || strings.EqualFold(key, "AZURE_PASSWORD")) {
		return
	}
	w.scope.Report(analysis.Diagnostic{
		Pos: n.Pos(), End: n.End(), Category: r.ID,
		Message: fmt.Sprintf("setting %s gives EnvironmentCredential a static secret, itself a secret to protect: "+
			"let the platform provide a managed or workload identity and use azidentity.NewDefaultAzureCredential", key),
	}, r.Name)
}

// sdkItself reports whether the package is the SDK's own code: in the
// package or module that defines one of the targets. azidentity's
// constructors call each other, its EnvironmentCredential calls them, it
// builds its secret credentials on MSAL's NewCredFromSecret, and its tests
// set AZURE_CLIENT_SECRET: the credential's implementation, not a use of it.
func sdkItself(pass *analysis.Pass) bool {
	for i := range targets {
		if azsdk.DefinedHere(pass, targets[i].pkg) {
			return true
		}
	}
	return false
}

// instead says what to use in place of t. MSAL code keeps MSAL: a
// confidential client can authenticate with a federated token (workload or
// managed identity) through NewCredFromAssertionCallback.
func (t *target) instead() string {
	switch t.pkg {
	case azsdk.AutorestAuth, azsdk.AutorestADAL, azsdk.Track1KeyVaultAuth:
		return "go-autorest is retired: use azidentity.NewDefaultAzureCredential (a managed or workload identity) " +
			"with the current SDK clients, which take an azcore.TokenCredential"
	}
	if t.pkg == azsdk.MSALConfidential {
		return "use a managed or workload identity: confidential.NewCredFromAssertionCallback with a federated token, " +
			"or azidentity.NewDefaultAzureCredential, NewManagedIdentityCredential or NewWorkloadIdentityCredential"
	}
	return instead
}

func qualified(t *target) string { return pkgName(t.pkg) + "." + t.fn }

// pkgName is the last element of an import path.
func pkgName(path string) string { return path[strings.LastIndex(path, "/")+1:] }

func secretWord(t *target) string {
	switch {
	case t.rule == 1:
		return "password"
	case t.fromEnv():
		return "client secret from AZURE_CLIENT_SECRET"
	}
	return "client secret"
}

// namesEnvSecret reports whether the package spells the environment
// variable AZURE_CLIENT_SECRET in a string literal (an os.Setenv, a
// Getenv check, a constant): then an authorizer built from the
// environment takes a static client secret.
func namesEnvSecret(insp *inspector.Inspector) bool {
	for cur := range insp.Root().Preorder((*ast.BasicLit)(nil)) {
		lit := cur.Node().(*ast.BasicLit)
		if lit.Kind == token.STRING && strings.Contains(strings.ToUpper(lit.Value), "AZURE_CLIENT_SECRET") {
			return true
		}
	}
	return false
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// checker decides whether the DefaultAzureCredential fix type-checks.
type checker struct {
	pass *analysis.Pass
}

// fix returns the edit replacing call (at cursor cc) with
// NewDefaultAzureCredential(nil), if the result still type-checks.
func (c *checker) fix(cc inspector.Cursor, call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	info := c.pass.TypesInfo
	// The name the file uses for azidentity; "" for a dot import.
	qual := ""
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		x, ok := fun.X.(*ast.Ident)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		if _, ok := info.Uses[x].(*types.PkgName); !ok {
			return analysis.SuggestedFix{}, false
		}
		qual = x.Name + "."
	case *ast.Ident:
	default:
		return analysis.SuggestedFix{}, false
	}

	if !c.resultOK(cc) || !azsdk.Removable(info, cc, call.Args...) {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: "use " + qual + "NewDefaultAzureCredential(nil)",
		TextEdits: []analysis.TextEdit{{
			Pos: call.Pos(), End: call.End(),
			NewText: []byte(qual + "NewDefaultAzureCredential(nil)"),
		}},
	}, true
}

// resultOK reports whether the credential the call returns is only needed as
// an azcore.TokenCredential.
func (c *checker) resultOK(cc inspector.Cursor) bool {
	info := c.pass.TypesInfo
	parent := cc.Parent()
	switch p := parent.Node().(type) {
	case *ast.AssignStmt:
		// Have: cred, err := F(...) or cred, err = F(...).
		if len(p.Lhs) != 2 || len(p.Rhs) != 1 {
			return false
		}
		return c.lhsOK(parent, p.Lhs[0])
	case *ast.ValueSpec:
		// Have: var cred, err = F(...) (a declared type would be the concrete one or an interface).
		if len(p.Names) != 2 || len(p.Values) != 1 {
			return false
		}
		if p.Type != nil {
			return false
		}
		return c.lhsOK(parent, p.Names[0])
	case *ast.ReturnStmt:
		// Have: return F(...) in a func returning (azcore.TokenCredential, error).
		if len(p.Results) != 1 {
			return false
		}
		sig := enclosingSig(info, parent)
		return sig != nil && sig.Results().Len() == 2 && credIface(sig.Results().At(0).Type())
	}
	return false
}

// lhsOK checks the variable receiving the credential.
func (c *checker) lhsOK(stmt inspector.Cursor, lhs ast.Expr) bool {
	info := c.pass.TypesInfo
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	if v, ok := info.Defs[id].(*types.Var); ok {
		// A new variable of the concrete type: every use must need only the interface.
		return c.usesOK(stmt, v)
	}
	// An existing variable: its declared type must accept any TokenCredential.
	v, ok := info.Uses[id].(*types.Var)
	return ok && credIface(v.Type())
}

// usesOK reports whether every use of v (declared in stmt's function) needs
// only an azcore.TokenCredential.
func (c *checker) usesOK(stmt inspector.Cursor, v *types.Var) bool {
	info := c.pass.TypesInfo
	var scope inspector.Cursor
	for f := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		scope = f
		break
	}
	if !scope.Valid() {
		return false // a package-level variable: its uses are anywhere in the package
	}
	for cur := range scope.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		if !c.useOK(cur) {
			return false
		}
	}
	return true
}

// useOK reports whether the use of the credential variable at cur would
// accept any azcore.TokenCredential.
func (c *checker) useOK(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.CallExpr:
		// Have: f(cred) where the parameter is an interface cred satisfies as a TokenCredential.
		if cur.ParentEdgeKind() != edge.CallExpr_Args {
			return false
		}
		sig, ok := types.Unalias(info.TypeOf(p.Fun)).(*types.Signature)
		if !ok {
			return false
		}
		i := cur.ParentEdgeIndex()
		params := sig.Params()
		var pt types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if p.Ellipsis.IsValid() {
				return false
			}
			s, ok := params.At(params.Len() - 1).Type().(*types.Slice)
			if !ok {
				return false
			}
			pt = s.Elem()
		case i < params.Len():
			pt = params.At(i).Type()
		default:
			return false
		}
		return credIface(pt)
	case *ast.SelectorExpr:
		// Have: cred.GetToken(...), which DefaultAzureCredential has too.
		return cur.ParentEdgeKind() == edge.SelectorExpr_X && p.Sel.Name == "GetToken"
	case *ast.KeyValueExpr:
		// Have: T{Cred: cred}.
		if cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
			return false
		}
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		if !ok {
			return false
		}
		return credIface(elemType(info, lit, p.Key))
	case *ast.CompositeLit:
		// Have: []azcore.TokenCredential{cred}.
		return cur.ParentEdgeKind() == edge.CompositeLit_Elts && credIface(elemType(info, p, nil))
	case *ast.AssignStmt:
		// Have: x = cred, x of an interface type.
		if cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) || p.Tok != token.ASSIGN {
			return false
		}
		return credIface(info.TypeOf(p.Lhs[cur.ParentEdgeIndex()]))
	case *ast.ValueSpec:
		// Have: var x azcore.TokenCredential = cred.
		return cur.ParentEdgeKind() == edge.ValueSpec_Values && p.Type != nil && credIface(info.TypeOf(p.Type))
	case *ast.ReturnStmt:
		// Have: return cred, nil in a func returning azcore.TokenCredential.
		sig := enclosingSig(info, parent)
		i := cur.ParentEdgeIndex()
		return sig != nil && len(p.Results) == sig.Results().Len() && credIface(sig.Results().At(i).Type())
	}
	return false
}

// elemType returns the type a composite literal element (key, if a struct
// field or map key) must have, or nil.
func elemType(info *types.Info, lit *ast.CompositeLit, key ast.Expr) types.Type {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		k, ok := key.(*ast.Ident)
		if !ok {
			return nil
		}
		for i := 0; i < u.NumFields(); i++ {
			if u.Field(i).Name() == k.Name {
				return u.Field(i).Type()
			}
		}
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		if key != nil {
			return u.Elem()
		}
	}
	return nil
}

// credIface reports whether a value of type t accepts every
// azcore.TokenCredential: the interface itself or an empty interface.
func credIface(t types.Type) bool {
	if t == nil {
		return false
	}
	if azsdk.IsNamed(t, azsdk.AzCore, "TokenCredential") {
		_, isPtr := types.Unalias(t).(*types.Pointer)
		return !isPtr
	}
	iface, ok := types.Unalias(t).(*types.Interface)
	return ok && iface.NumMethods() == 0
}

func enclosingSig(info *types.Info, cur inspector.Cursor) *types.Signature {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			if obj, ok := info.Defs[n.Name].(*types.Func); ok {
				sig, _ := obj.Type().(*types.Signature)
				return sig
			}
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			return sig
		}
		return nil
	}
	return nil
}
