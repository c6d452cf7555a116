package sharedkeyauth

import (
	_ "embed"
	"fmt"
	"go/ast"
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

const name = "sharedkeyauth"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{
	{
		ID: "KV220", Name: "shared-key-credential", Analyzer: name,
		Title: "azure service authentication with a shared account key",
		Doc: "A storage or Cosmos DB account key (azblob.NewSharedKeyCredential, NewClientWithSharedKeyCredential, " +
			"aztables.NewServiceClientWithSharedKey, azcosmos.NewKeyCredential, NewClientWithKey) is a stored secret that grants " +
			"the whole account until it is rotated. Use the service's NewClient with an azcore.TokenCredential from " +
			"azidentity.NewDefaultAzureCredential, and turn shared key access off on the account.",
		Bad: `cred, err := azblob.NewSharedKeyCredential(account, key)
client, err := azblob.NewClientWithSharedKeyCredential(serviceURL, cred, nil)`,
		Good: `cred, err := azidentity.NewDefaultAzureCredential(nil)
client, err := azblob.NewClient(serviceURL, cred, nil) // and allowSharedKeyAccess: false on the account`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.0, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV221", Name: "connection-string-auth", Analyzer: name,
		Title: "azure service authentication with a connection string",
		Doc: "A ...FromConnectionString constructor (Service Bus, Event Hubs, App Configuration, Blob, Queue, Tables, Cosmos DB) " +
			"authenticates with the key inside the connection string, a stored secret. Use the service's NewClient with the " +
			"namespace or endpoint and an azcore.TokenCredential from azidentity.NewDefaultAzureCredential, and disable local auth.",
		Bad:      `client, err := azservicebus.NewClientFromConnectionString(os.Getenv("SERVICEBUS_CONNECTION_STRING"), nil)`,
		Good:     `client, err := azservicebus.NewClient("contoso.servicebus.windows.net", cred, nil) // and disableLocalAuth: true`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.0, Tags: []string{"security", "azure", "identity"},
	},
	{
		ID: "KV222", Name: "key-credential-auth", Analyzer: name,
		Title: "azure service authentication with an api key or sas where entra id is accepted",
		Doc: "A client built with an azcore.KeyCredential or azcore.SASCredential (azcore.NewKeyCredential, NewSASCredential) " +
			"for a service that accepts Microsoft Entra ID (Azure OpenAI and AI Services, Event Grid, AI Search, Maps) holds a " +
			"stored key. Use the service's NewClient with an azcore.TokenCredential, and disable local auth on the resource.",
		Bad:      `client, err := azopenai.NewClientWithKeyCredential(endpoint, azcore.NewKeyCredential(apiKey), nil)`,
		Good:     `client, err := azopenai.NewClient(endpoint, cred, nil) // cred from azidentity.NewDefaultAzureCredential`,
		Severity: rules.SeverityWarning, SecuritySeverity: 5.5, Tags: []string{"security", "azure", "identity"},
	},
}

// Analyzer is the sharedkeyauth analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Security, Rules: Rules, Skip: azsdk.Unreached(azsdk.SDK), Run: run}

// A service is an Azure service that accepts Entra ID, by the SDK packages
// that reach it.
type service struct {
	prefix string // import path below azsdk.SDK: a package, or a directory ending in "/"
	name   string
	entra  string // its Entra ID constructor
	local  string // how to turn key authentication off on the resource
	key    string // what the package's own KeyCredential holds, if not an account key
}

// keyWord says what a key credential of the service's own package holds.
func (s *service) keyWord() string {
	if s.key != "" {
		return s.key
	}
	return "a shared account key"
}

const storageLocal = "set allowSharedKeyAccess to false on the storage account"

var services = []service{
	{"storage/azblob", "Blob Storage", "azblob.NewClient(serviceURL, cred, nil)", storageLocal, ""},
	{"storage/azqueue", "Queue Storage", "azqueue.NewServiceClient(serviceURL, cred, nil)", storageLocal, ""},
	{"storage/azfile", "Azure Files", "service.NewClient(serviceURL, cred, &service.ClientOptions{FileRequestIntent: service.ShareTokenIntentBackup})", storageLocal, ""},
	{"storage/azdatalake", "Data Lake Storage", "service.NewClient(serviceURL, cred, nil)", storageLocal, ""},
	{"data/aztables", "Table Storage", "aztables.NewServiceClient(serviceURL, cred, nil)", storageLocal + " (disableLocalAuth on a Cosmos DB account)", ""},
	{"data/azcosmos", "Cosmos DB", "azcosmos.NewClient(endpoint, cred, nil)", "set disableLocalAuth to true on the Cosmos DB account", ""},
	{"messaging/azservicebus", "Service Bus", `azservicebus.NewClient("<namespace>.servicebus.windows.net", cred, nil)`, "set disableLocalAuth to true on the namespace", ""},
	{"messaging/azeventhubs", "Event Hubs", `azeventhubs.NewProducerClient("<namespace>.servicebus.windows.net", eventHub, cred, nil) or NewConsumerClient`, "set disableLocalAuth to true on the namespace", ""},
	{"data/azappconfig", "App Configuration", "azappconfig.NewClient(endpoint, cred, nil)", "set disableLocalAuth to true on the store", ""},
	{"messaging/eventgrid/", "Event Grid", "the package's NewClient(endpoint, cred, nil) (aznamespaces.NewSenderClient for namespaces)", "set disableLocalAuth to true on the topic or namespace", "an access key"},
	// The namespaces client's first path (v0.x), before eventgrid/aznamespaces.
	{"messaging/azeventgrid", "Event Grid", "azeventgrid.NewClient(endpoint, cred, nil) (aznamespaces.NewSenderClient in current releases)", "set disableLocalAuth to true on the topic or namespace", "an access key"},
	{"ai/", "Azure OpenAI / AI Services", "the package's NewClient(endpoint, cred, nil)", "set disableLocalAuth to true on the AI Services account", "an API key"},
	// azopenai's first path (v0.1-v0.3), with its own KeyCredential.
	{"cognitiveservices/", "Azure OpenAI / AI Services", "the package's NewClient(endpoint, cred, nil)", "set disableLocalAuth to true on the AI Services account", "an API key"},
	{"search/", "AI Search", "the package's NewClient with an azcore.TokenCredential", "set disableLocalAuth to true on the search service", "an API key"},
	{"maps/", "Azure Maps", "the package's NewClient with an azcore.TokenCredential and the account's client ID", "set disableLocalAuth to true on the Maps account", "a subscription key"},
}

// serviceOf returns the service of the SDK package path, or nil.
func serviceOf(path string) *service {
	rest, ok := strings.CutPrefix(path, azsdk.SDK)
	if !ok {
		return nil
	}
	for i := range services {
		s := &services[i]
		if rest == s.prefix || strings.HasPrefix(rest, strings.TrimSuffix(s.prefix, "/")+"/") {
			return s
		}
	}
	return nil
}

// kind is what a matched constructor is.
type kind int

const (
	none       kind = iota
	sharedKey       // a client constructor taking the service's key credential (KV220)
	keyCred         // the key credential's own constructor (KV220, unless a client constructor is beside it)
	connString      // a ...FromConnectionString constructor (KV221)
	azcoreKey       // a client constructor taking an azcore.KeyCredential or SASCredential (KV222)
)

// candidate is a cheap test on a function's name before any type lookup.
func candidate(name string) bool {
	return strings.HasPrefix(name, "New") && (strings.Contains(name, "Key") || strings.Contains(name, "SAS") ||
		strings.HasSuffix(name, "FromConnectionString"))
}

// classify says what fn is, and for azcoreKey which credential it takes.
func classify(fn *types.Func) (kind, string) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() != nil || serviceOf(azsdk.PkgPath(fn.Pkg())) == nil {
		return none, ""
	}
	if strings.HasSuffix(fn.Name(), "FromConnectionString") {
		return connString, "a connection string (the key inside it)"
	}
	path := azsdk.PkgPath(fn.Pkg())
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		switch {
		case azsdk.IsNamed(t, azsdk.AzCore, "KeyCredential"):
			return azcoreKey, "an API key (azcore.KeyCredential)"
		case azsdk.IsNamed(t, azsdk.AzCore, "SASCredential"):
			return azcoreKey, "a shared access signature (azcore.SASCredential)"
		case azsdk.IsNamed(t, path, "SharedKeyCredential") || azsdk.IsNamed(t, path, "KeyCredential"):
			return sharedKey, serviceOf(path).keyWord()
		}
	}
	if sig.Results().Len() >= 1 {
		r := sig.Results().At(0).Type()
		if azsdk.IsNamed(r, path, "SharedKeyCredential") || azsdk.IsNamed(r, path, "KeyCredential") {
			return keyCred, serviceOf(path).keyWord()
		}
	}
	return none, ""
}

// rule is the index into Rules of a kind.
func (k kind) rule() int {
	switch k {
	case connString:
		return 1
	case azcoreKey:
		return 2
	}
	return 0
}

// finding is a matched call, reported once the package is walked.
type finding struct {
	cur  inspector.Cursor
	call *ast.CallExpr
	fn   *types.Func
	kind kind
	what string
}

// run runs in a package that reaches the SDK (no service package to call
// elsewhere).
func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	info := pass.TypesInfo

	var found []finding
	clientIn := map[ast.Node]bool{} // declarations that call a sharedKey client constructor
	for cur := range insp.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if !candidate(id.Name) {
			continue
		}
		fn, ok := info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		k, what := classify(fn)
		if k == none || azsdk.DefinedHere(pass, azsdk.PkgPath(fn.Pkg())) {
			continue
		}
		// Have: pkg.Fn(...) or Fn(...) (a dot import).
		ref := cur
		if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
			ref = cur.Parent()
		}
		for ref.ParentEdgeKind() == edge.ParenExpr_X {
			ref = ref.Parent()
		}
		if ref.ParentEdgeKind() != edge.CallExpr_Fun {
			continue
		}
		if k == sharedKey {
			clientIn[azsdk.EnclosingDecl(cur)] = true
		}
		found = append(found, finding{ref.Parent(), ref.Parent().Node().(*ast.CallExpr), fn, k, what})
	}
	for _, f := range found {
		if f.kind == keyCred && clientIn[azsdk.EnclosingDecl(f.cur)] {
			continue // Have: cred := NewSharedKeyCredential(...) beside NewClientWithSharedKeyCredential(url, cred, nil)
		}
		r := Rules[f.kind.rule()]
		if !scope.Rule(r.ID, r.Name) {
			continue
		}
		if scope.IsTest(f.call.Pos()) && fixtureCall(scope, info, enclosingFunc(f.cur), f.call, 0) {
			continue // Have: a test's client from a made-up key, authenticating to nothing
		}
		svc := serviceOf(azsdk.PkgPath(f.fn.Pkg()))
		d := analysis.Diagnostic{
			Pos: f.call.Pos(), End: f.call.End(), Category: r.ID,
			Message: fmt.Sprintf("%s.%s authenticates to %s with %s, a stored secret as a client secret is: use %s "+
				"with a credential from azidentity.NewDefaultAzureCredential, and %s",
				f.fn.Pkg().Name(), f.fn.Name(), svc.name, f.what, svc.entra, svc.local),
		}
		if f.kind == sharedKey || f.kind == azcoreKey {
			if fix, ok := entraFix(pass, f); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		scope.Report(d, r.Name)
	}
	return nil, nil
}

// enclosingFunc returns the innermost function (declaration or literal)
// containing cur, or its file.
func enclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.File)(nil)) {
		return c.Node()
	}
	return nil
}

// keySuffixes are the name endings of key constructors whose Entra ID
// counterpart drops them (NewClientWithSharedKeyCredential -> NewClient).
var keySuffixes = []string{"WithSharedKeyCredential", "WithSharedKey", "WithKeyCredential", "WithKey", "WithSAS"}

// entraFix returns the edit that calls the package's Entra ID constructor
// with the one TokenCredential variable in scope, when that is safe.
func entraFix(pass *analysis.Pass, f finding) (analysis.SuggestedFix, bool) {
	info := pass.TypesInfo
	// Have: pkg.NewClientWithSharedKeyCredential(url, key, opts) with
	// pkg.NewClient(url azcore.TokenCredential, opts) beside it.
	base := ""
	for _, s := range keySuffixes {
		if b, ok := strings.CutSuffix(f.fn.Name(), s); ok {
			base = b
			break
		}
	}
	entra, ok := f.fn.Pkg().Scope().Lookup(base).(*types.Func)
	if base == "" || !ok {
		return analysis.SuggestedFix{}, false
	}
	keySig, entraSig := f.fn.Type().(*types.Signature), entra.Type().(*types.Signature)
	at := credParam(keySig, entraSig)
	if at < 0 || len(f.call.Args) != keySig.Params().Len() || f.call.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	tokenCred := entraSig.Params().At(at).Type()
	iface, ok := tokenCred.Underlying().(*types.Interface)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	cred := credInScope(info, pass.Pkg, f.call, iface)
	if cred == "" || !azsdk.Removable(info, f.cur, f.call.Args[at]) {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ast.Unparen(f.call.Fun).(*ast.SelectorExpr)
	var nameAt *ast.Ident
	if ok {
		nameAt = sel.Sel
	} else if id, isID := ast.Unparen(f.call.Fun).(*ast.Ident); isID {
		nameAt = id
	} else {
		return analysis.SuggestedFix{}, false
	}
	arg := f.call.Args[at]
	return analysis.SuggestedFix{
		Message: fmt.Sprintf("use %s with %s", base, cred),
		TextEdits: []analysis.TextEdit{
			{Pos: nameAt.Pos(), End: nameAt.End(), NewText: []byte(base)},
			{Pos: arg.Pos(), End: arg.End(), NewText: []byte(cred)},
		},
	}, true
}

// credParam returns the index of the one parameter in which the key and
// Entra ID signatures differ, if the Entra ID one takes an
// azcore.TokenCredential there and they agree elsewhere (results too), or -1.
func credParam(keySig, entraSig *types.Signature) int {
	kp, ep := keySig.Params(), entraSig.Params()
	if kp.Len() != ep.Len() || keySig.Variadic() != entraSig.Variadic() || !types.Identical(keySig.Results(), entraSig.Results()) {
		return -1
	}
	at := -1
	for i := 0; i < kp.Len(); i++ {
		if types.Identical(kp.At(i).Type(), ep.At(i).Type()) {
			continue
		}
		if at >= 0 || !azsdk.IsNamed(ep.At(i).Type(), azsdk.AzCore, "TokenCredential") {
			return -1
		}
		at = i
	}
	return at
}

// credInScope returns the name of the one variable visible at call whose
// type implements iface (an azcore.TokenCredential), declared before it in
// the enclosing function (parameters included), or "".
func credInScope(info *types.Info, pkg *types.Package, call *ast.CallExpr, iface *types.Interface) string {
	inner := pkg.Scope().Innermost(call.Pos())
	if inner == nil {
		return ""
	}
	found := ""
	seen := map[string]bool{}
	for s := inner; s != nil && s != pkg.Scope(); s = s.Parent() {
		for _, n := range s.Names() {
			if seen[n] {
				continue // shadowed by an inner declaration
			}
			seen[n] = true
			v, ok := s.Lookup(n).(*types.Var)
			if !ok || n == "_" || v.Pos() >= call.Pos() || !types.Implements(v.Type(), iface) {
				continue
			}
			if found != "" {
				return "" // two candidates: which one is the author's to say
			}
			found = n
		}
	}
	return found
}
