package hardcodedcred_test

//kvlint:file-ignore KV100 generated fakes that the tests plant on purpose

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
)

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

var (
	mainOnce    sync.Once
	mainResults []*analysistest.Result
)

// runMain runs the analyzer once over every hardcodedcred/... fixture; the
// tests share the results (loading net/http takes seconds).
func runMain(t *testing.T) []*analysistest.Result {
	mainOnce.Do(func() {
		mainResults = analysistest.Run(t, testdata, hardcodedcred.New(&config.Source{}), "hardcodedcred/...")
	})
	if mainResults == nil {
		t.Fatal("the analyzer did not run on hardcodedcred/...")
	}
	return mainResults
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	runMain(t)
}

// withConfig returns the analyzer under the configuration yaml.
func withConfig(t *testing.T, yaml string) *analysis.Analyzer {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "")
	if err != nil {
		t.Fatal(err)
	}
	return hardcodedcred.New(&config.Source{Fixed: cfg})
}

// noFindings runs the analyzer under the configuration yaml on the
// hardcodedcred_disabled fixture, in which nothing is wanted, and fails t,
// saying why none were expected, if its result holds findings.
func noFindings(t *testing.T, yaml, why string) {
	t.Helper()
	for _, r := range analysistest.Run(t, testdata, withConfig(t, yaml), "hardcodedcred_disabled") {
		if res, ok := r.Result.(*hardcodedcred.Result); ok && len(res.Findings) != 0 {
			t.Errorf("%d findings %s", len(res.Findings), why)
		}
	}
}

func TestGeneratedIncluded(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata, withConfig(t, "generated: true\n"), "hardcodedcred_generated")
}

func TestDisabledRule(t *testing.T) {
	t.Parallel()
	noFindings(t, "rules:\n  disable: [KV112, generic-secret]\n", "with KV112 and KV100 disabled")
}

// findings runs the analyzer on the contexts fixture and returns the result
// of its non-test package variant.
func findings(t *testing.T) []hardcodedcred.Finding {
	t.Helper()
	for _, r := range runMain(t) {
		if r.Pass.Pkg.Path() == "hardcodedcred/contexts" && !hasTestFile(r.Pass.Fset, r.Pass.Files) {
			res, ok := r.Result.(*hardcodedcred.Result)
			if !ok {
				t.Fatalf("result is %T, want *hardcodedcred.Result", r.Result)
			}
			return res.Findings
		}
	}
	t.Fatal("no result for hardcodedcred/contexts")
	return nil
}

func hasTestFile(fset *token.FileSet, files []*ast.File) bool {
	for _, f := range files {
		if strings.HasSuffix(fset.File(f.FileStart).Name(), "_test.go") {
			return true
		}
	}
	return false
}

func TestResult(t *testing.T) {
	t.Parallel()
	fs := findings(t)
	byName := map[string]*hardcodedcred.Finding{}
	for i := range fs {
		f := &fs[i]
		if f.Object != nil {
			byName[f.Object.Name()] = f
		}
		// The value is in memory for migrate, the secret within it.
		if f.SecretStart < 0 || f.SecretEnd > len(f.Value) || f.SecretStart >= f.SecretEnd {
			t.Errorf("%s: secret range [%d,%d) outside value of %d bytes", f.RuleID, f.SecretStart, f.SecretEnd, len(f.Value))
		}
		if (f.Expr == nil) == (f.Comment == nil) {
			t.Errorf("%s at %d: want exactly one of Expr and Comment", f.RuleID, f.Pos)
		}
	}

	check := func(name string, place hardcodedcred.Place, needsConst bool) *hardcodedcred.Finding {
		t.Helper()
		f := byName[name]
		if f == nil {
			t.Errorf("no finding bound to %s", name)
			return nil
		}
		if f.Place != place || f.NeedsConst != needsConst {
			t.Errorf("%s: place %v, needsConst %v; want %v, %v", name, f.Place, f.NeedsConst, place, needsConst)
		}
		return f
	}
	if f := check("dbPassword", hardcodedcred.PlaceConst, false); f != nil {
		if _, ok := f.Decl.(*ast.ValueSpec); !ok {
			t.Errorf("dbPassword: Decl is %T, want *ast.ValueSpec", f.Decl)
		}
		if f.RuleID != "KV100" || f.Context.Name != "dbPassword" || f.Context.Kind != detect.KindAssign {
			t.Errorf("dbPassword: rule %s, context %+v", f.RuleID, f.Context)
		}
	}
	check("githubToken", hardcodedcred.PlaceConst, true)   // used by const tokenHeader
	check("apiKeyConst", hardcodedcred.PlaceConst, true)   // used in an array length
	check("sessionSecret", hardcodedcred.PlaceConst, true) // var typedSession Secret = sessionSecret
	check("apiToken", hardcodedcred.PlaceVar, false)
	check("password", hardcodedcred.PlaceAssign, false)
	if f := check("joinedToken", hardcodedcred.PlaceVar, false); f != nil {
		if _, ok := f.Expr.(*ast.BinaryExpr); !ok {
			t.Errorf("joinedToken: Expr is %T, want the whole concatenation", f.Expr)
		}
	}
	if f := check("clientSecret", hardcodedcred.PlaceVar, false); f != nil {
		if _, ok := f.Expr.(*ast.CallExpr); !ok {
			t.Errorf("clientSecret: Expr is %T, want the conversion Secret(...)", f.Expr)
		}
	}
	if f := check("signingKey", hardcodedcred.PlaceVar, false); f != nil {
		if _, ok := f.Expr.(*ast.BasicLit); !ok {
			t.Errorf("signingKey: Expr is %T, want the literal inside []byte(...)", f.Expr)
		}
	}

	type want struct {
		place     hardcodedcred.Place
		kind      detect.Kind
		name, key string
		call      string
	}
	has := func(w want) {
		t.Helper()
		for _, f := range fs {
			c := f.Context
			if f.Place == w.place && c.Kind == w.kind && c.Name == w.name && c.Key == w.key && c.Call == w.call {
				return
			}
		}
		t.Errorf("no finding with %+v", w)
	}
	has(want{hardcodedcred.PlaceCallArg, detect.KindCallArg, "value", "AZURE_CLIENT_SECRET", "os.Setenv"})
	has(want{hardcodedcred.PlaceCallArg, detect.KindCallArg, "password", "", "(*net/http.Request).SetBasicAuth"})
	has(want{hardcodedcred.PlaceCallArg, detect.KindCallArg, "value", "Authorization", "(net/http.Header).Set"})
	has(want{hardcodedcred.PlaceCallArg, detect.KindCallArg, "db-password", "db-password", "flag.String"})
	has(want{hardcodedcred.PlaceCallArg, detect.KindCallArg, "dataSourceName", "", "database/sql.Open"})
	has(want{hardcodedcred.PlaceField, detect.KindField, "Password", "", ""})
	has(want{hardcodedcred.PlaceAssign, detect.KindAssign, "ClientSecret", "", ""})
	has(want{hardcodedcred.PlaceMapValue, detect.KindMapKey, "db_password", "", ""})
	has(want{hardcodedcred.PlaceAssign, detect.KindMapKey, "api_key", "", ""})
	has(want{hardcodedcred.PlaceCompare, detect.KindCompare, "token", "", ""})
	has(want{hardcodedcred.PlaceCompare, detect.KindCompare, "X-Api-Key", "", ""})
	has(want{hardcodedcred.PlaceReturn, detect.KindReturn, "defaultPassword", "", ""})
	has(want{hardcodedcred.PlaceOther, detect.KindAssign, "fallbackTokens", "", ""})
	has(want{hardcodedcred.PlaceComment, detect.KindComment, "", "", ""})

	suppressed := 0
	for _, f := range fs {
		if f.Suppressed {
			suppressed++
			if f.RuleID != "KV112" {
				t.Errorf("suppressed finding has rule %s, want KV112", f.RuleID)
			}
		}
	}
	if suppressed != 1 {
		t.Errorf("%d suppressed findings, want 1 (docsToken)", suppressed)
	}
}

// TestNoSecretInMessages checks that no diagnostic message holds a secret.
func TestNoSecretInMessages(t *testing.T) {
	t.Parallel()
	for _, r := range runMain(t) {
		res, ok := r.Result.(*hardcodedcred.Result)
		if !ok {
			t.Fatalf("%s: result is %T", r.Pass.Pkg.Path(), r.Result)
		}
		for _, f := range res.Findings {
			secret := f.Secret()
			for _, d := range r.Diagnostics {
				if len(secret) >= 8 && strings.Contains(d.Message, secret) {
					// Name the place and a hash, never the secret.
					t.Errorf("%s message at %d holds the secret %s", d.Category, d.Pos, detect.Hash(secret))
				}
			}
		}
	}
}

func TestPlaceString(t *testing.T) {
	if got := hardcodedcred.PlaceMapValue.String(); got != "map-value" {
		t.Errorf("PlaceMapValue.String() = %q", got)
	}
	if got := hardcodedcred.Place(200).String(); got != "unknown" {
		t.Errorf("Place(200).String() = %q", got)
	}
}

func TestDoc(t *testing.T) {
	doc := hardcodedcred.Analyzer.Doc
	if !strings.HasPrefix(doc, "hardcodedcred: report credentials") || strings.Contains(doc, "package hardcodedcred") {
		t.Errorf("Doc not extracted from doc.go: %q", doc[:min(len(doc), 80)])
	}
}

func TestPathAllowed(t *testing.T) {
	t.Parallel()
	noFindings(t, "allow:\n  paths: [\"**/hardcodedcred_disabled/*.go\"]\n", "in an allowlisted path")
}

// TestSyntaxOnly runs the analyzer with no type information at all, as
// under a syntax-only driver or for a package whose type-check failed
// early: literals, concatenations and their contexts are read from the syntax.
func TestSyntaxOnly(t *testing.T) {
	tok := detect.FakeCRCToken("ghp_", "hardcodedcred-syntax")
	src := `package p

import "os"

const ghToken = "` + tok[:10] + `" + "` + tok[10:] + `"

var buf = []byte("` + tok + `")

type Config struct{ Password string }

func f() {
	password := "4cCWTjgCzeOgTnvRutl8"
	region := "4cCWTjgCzeOgTnvRutl8"
	os.Setenv("AZURE_CLIENT_SECRET", "GJd1wFjQvEEAGdTTwtSs")
	_ = Config{Password: "I847Z4HuL9TtJD67M4Lu"}
	_, _ = password, region
}
`
	res, diags, err := runSyntaxOnly(filepath.Join(t.TempDir(), "p.go"), src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fin := range res.Findings {
		got = append(got, fin.RuleID+" "+fin.Context.Name+" "+fin.Place.String())
		if fin.Place == hardcodedcred.PlaceCallArg && (fin.Context.Call != "os.Setenv" || fin.Context.Key != "AZURE_CLIENT_SECRET") {
			t.Errorf("call argument context %+v, want os.Setenv with key AZURE_CLIENT_SECRET", fin.Context)
		}
	}
	want := []string{
		"KV112 ghToken const",
		"KV112 buf var",
		"KV100 password assign",
		"KV100 value call-arg",
		"KV100 Password field",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(diags) != len(want) {
		t.Errorf("%d diagnostics, want %d", len(diags), len(want))
	}
}

// runSyntaxOnly parses src (keeping what parses) and runs the analyzer over it
// with empty type information.
func runSyntaxOnly(filename, src string) (*hardcodedcred.Result, []analysis.Diagnostic, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments)
	if f == nil {
		return nil, nil, err
	}
	a := hardcodedcred.New(&config.Source{Fixed: config.Defaults()})
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer:  a,
		Fset:      fset,
		Files:     []*ast.File{f},
		TypesInfo: &types.Info{},
		ResultOf:  map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New([]*ast.File{f})},
		Report:    func(d analysis.Diagnostic) { diags = append(diags, d) },
	}
	ix, err := lint.Directives.Run(pass)
	if err != nil {
		return nil, nil, err
	}
	pass.ResultOf[lint.Directives] = ix
	out, err := a.Run(pass)
	if err != nil {
		return nil, nil, err
	}
	return out.(*hardcodedcred.Result), diags, nil
}

// FuzzSyntaxOnly runs the analyzer over arbitrary, possibly broken, Go source:
// it must not panic, and every finding must lie within its value.
func FuzzSyntaxOnly(f *testing.F) {
	f.Add("package p\nconst password = \"4cCWTjgCzeOgTnvRutl8\" + x\n")
	f.Add("package p\nfunc f() { if key == `a: b` { return \"ghp_\" + \"x\" } ; m[\"k\"] = []string{0: \"v\"} }\n")
	f.Add("package p\nvar c = T{\"a\", F: \"b\"}\nfunc g() { switch x { case \"s\": }; os.Setenv(\"K\", `{\"token\": \"v\"}`) }\n// token=Zp4qW9vKx2LmT7rBn5Hs\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, src string) {
		res, _, err := runSyntaxOnly(filepath.Join(dir, "p.go"), src)
		if err != nil || res == nil {
			return
		}
		for _, fin := range res.Findings {
			if fin.SecretStart < 0 || fin.SecretEnd > len(fin.Value) || fin.SecretStart >= fin.SecretEnd || fin.End < fin.Pos {
				t.Fatalf("%s: bad ranges [%d,%d) in %d bytes, pos %d-%d", fin.RuleID, fin.SecretStart, fin.SecretEnd, len(fin.Value), fin.Pos, fin.End)
			}
		}
	})
}
