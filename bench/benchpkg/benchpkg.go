// Package benchpkg generates Go packages shaped like real service code and
// loads them once with types, so that kvlint's analyzer benchmarks measure
// the analysis alone and compare it with the go/analysis floor (an analyzer
// that only walks string literals).
//
// The generated code imports the Azure SDK stubs under the repository's
// testdata/src, so every analyzer finds the calls it looks for; one unit in
// fifty holds a positive for each analyzer, the rest are decoys and
// ordinary code.
package benchpkg

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/bench/internal/floorpass"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/cputime"
)

// Floor walks every string literal with the inspector and does nothing
// else: the least any literal-scanning analyzer costs (bench/floor runs the
// same analyzer as a command).
var Floor = floorpass.Analyzer

// Kind selects the shape of a generated package.
type Kind string

// Kinds of generated packages.
const (
	// Azure is service code that uses Key Vault and azidentity in every
	// unit: the worst case for the Azure analyzers.
	Azure Kind = "azure"
	// Plain is service code without the Azure SDK (HTTP handlers,
	// logging, configuration): what most packages of a real repository look like.
	Plain Kind = "plain"
)

// Source returns the source of package svc with n units of the given kind
// (each unit is a handful of functions, about 60 lines).
func Source(kind Kind, n int) string {
	var b strings.Builder
	b.WriteString("// Package svc is generated for kvlint's benchmarks.\npackage svc\n\nimport (\n")
	b.WriteString("\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n\t\"log\"\n\t\"net/http\"\n\t\"os\"\n\t\"strings\"\n\t\"time\"\n")
	if kind == Azure {
		b.WriteString("\n\t\"github.com/Azure/azure-sdk-for-go/sdk/azcore/to\"\n")
		b.WriteString("\t\"github.com/Azure/azure-sdk-for-go/sdk/azidentity\"\n")
		b.WriteString("\t\"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets\"\n")
	}
	b.WriteString(")\n\n")
	if kind == Azure {
		b.WriteString("// Server serves the API.\ntype Server struct {\n\tvault  *azsecrets.Client\n\tcache  map[string]string\n\tlogger *log.Logger\n}\n\n")
	} else {
		b.WriteString("// Server serves the API.\ntype Server struct {\n\tdb     map[string]string\n\tcache  map[string]string\n\tlogger *log.Logger\n}\n\n")
	}
	b.WriteString("// Config is the service configuration.\ntype Config struct {\n\tName, URL, Password, Region string\n\tTimeout               time.Duration\n}\n\n")
	b.WriteString("var errNotFound = errors.New(\"not found\")\n\nvar _, _ = strings.ToLower, os.Getenv\n\nvar _ = context.Background\n\n")
	token := detect.FakeCRCToken("ghp_", "benchpkg")
	for i := range n {
		positive := i%50 == 0
		fmt.Fprintf(&b, "// handleItems%d serves /api/v1/items/%d.\n", i, i)
		fmt.Fprintf(&b, "func (s *Server) handleItems%d(w http.ResponseWriter, r *http.Request) {\n", i)
		fmt.Fprintf(&b, "\tname := r.URL.Query().Get(\"name\")\n\tif name == \"\" {\n\t\thttp.Error(w, \"missing name parameter\", http.StatusBadRequest)\n\t\treturn\n\t}\n")
		fmt.Fprintf(&b, "\tuser := r.Header.Get(\"X-User-%d\")\n\ts.logger.Printf(\"items %%s for %%s\", name, user)\n", i)
		fmt.Fprintf(&b, "\tv, ok := s.cache[strings.ToLower(name)]\n\tif !ok {\n\t\thttp.Error(w, errNotFound.Error(), http.StatusNotFound)\n\t\treturn\n\t}\n")
		fmt.Fprintf(&b, "\tw.Header().Set(\"Content-Type\", \"application/json\")\n\tfmt.Fprintf(w, `{\"item\": %%q, \"id\": %d}`, v)\n}\n\n", i)

		fmt.Fprintf(&b, "func config%d() Config {\n\treturn Config{\n\t\tName:     \"service-%d\",\n\t\tURL:      \"https://example.invalid/api/v%d/items?page=2\",\n", i, i, i)
		b.WriteString("\t\tPassword: os.Getenv(\"DB_PASSWORD\"),\n\t\tRegion:   \"westeurope\",\n\t\tTimeout:  30 * time.Second,\n\t}\n}\n\n")
		if positive {
			fmt.Fprintf(&b, "var uploadToken%d = %q\n\n", i, token)
		}

		if kind != Azure {
			fmt.Fprintf(&b, "func (s *Server) lookup%d(ctx context.Context, key string) (string, error) {\n", i)
			b.WriteString("\tif err := ctx.Err(); err != nil {\n\t\treturn \"\", fmt.Errorf(\"lookup %s: %w\", key, err)\n\t}\n")
			b.WriteString("\tv, ok := s.db[key]\n\tif !ok {\n\t\treturn \"\", errNotFound\n\t}\n\tlog.Printf(\"lookup %s: %d bytes\", key, len(v))\n\treturn v, nil\n}\n\n")
			continue
		}
		fmt.Fprintf(&b, "func newServer%d() (*Server, error) {\n", i)
		if positive {
			fmt.Fprintf(&b, "\tcred, err := azidentity.NewClientSecretCredential(\"tenant\", \"client\", %q, nil)\n", token)
		} else {
			b.WriteString("\tcred, err := azidentity.NewDefaultAzureCredential(nil)\n")
		}
		b.WriteString("\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"credential: %w\", err)\n\t}\n")
		b.WriteString("\tc, err := azsecrets.NewClient(os.Getenv(\"AZURE_KEYVAULT_URL\"), cred, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n")
		b.WriteString("\treturn &Server{vault: c, cache: map[string]string{}, logger: log.Default()}, nil\n}\n\n")

		version := `""`
		if positive {
			version = `"00112233445566778899aabbccddeeff"`
		}
		fmt.Fprintf(&b, "func (s *Server) loadSecret%d(ctx context.Context) (string, error) {\n", i)
		fmt.Fprintf(&b, "\tresp, err := s.vault.GetSecret(ctx, \"db-password-%d\", %s, nil)\n", i, version)
		b.WriteString("\tif err != nil {\n\t\treturn \"\", fmt.Errorf(\"get secret: %w\", err)\n\t}\n")
		if positive {
			b.WriteString("\tlog.Printf(\"loaded secret %s\", *resp.Value)\n")
		} else {
			b.WriteString("\tlog.Printf(\"loaded secret, %d bytes\", len(*resp.Value))\n")
		}
		b.WriteString("\treturn *resp.Value, nil\n}\n\n")

		fmt.Fprintf(&b, "func (s *Server) rotate%d(ctx context.Context, value string) error {\n", i)
		if positive {
			fmt.Fprintf(&b, "\t_, err := s.vault.SetSecret(ctx, \"api-key-%d\", azsecrets.SetSecretParameters{Value: &value}, nil)\n", i)
		} else {
			fmt.Fprintf(&b, "\t_, err := s.vault.SetSecret(ctx, \"api-key-%d\", azsecrets.SetSecretParameters{\n\t\tValue:            &value,\n", i)
			b.WriteString("\t\tSecretAttributes: &azsecrets.SecretAttributes{Expires: to.Ptr(time.Now().AddDate(0, 3, 0))},\n\t}, nil)\n")
		}
		b.WriteString("\treturn err\n}\n\n")

		if positive {
			fmt.Fprintf(&b, "func (s *Server) handleKey%d(w http.ResponseWriter, r *http.Request) {\n", i)
			b.WriteString("\tresp, err := s.vault.GetSecret(r.Context(), \"partner-key\", \"\", nil)\n")
			b.WriteString("\tif err != nil {\n\t\thttp.Error(w, \"unavailable\", http.StatusServiceUnavailable)\n\t\treturn\n\t}\n")
			b.WriteString("\tw.Header().Set(\"X-Key-Length\", fmt.Sprint(len(*resp.Value)))\n}\n\n")
		}
	}
	return b.String()
}

// testdata returns the repository's testdata directory (the GOPATH of the
// Azure SDK stubs).
func testdata(tb testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Fatal("benchpkg: cannot find the repository's testdata")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Load writes src as package svc into a temporary GOPATH (with the
// repository's testdata, for the stubs, second on GOPATH) and loads it with
// syntax and types, dependencies from export data: the mode the kvlint
// driver uses.
func Load(tb testing.TB, src string) []*packages.Package {
	tb.Helper()
	gopath := tb.TempDir()
	dir := filepath.Join(gopath, "src", "svc")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "svc.go"), []byte(src), 0o644); err != nil {
		tb.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir: dir,
		Env: append(os.Environ(), "GOPATH="+gopath+string(os.PathListSeparator)+testdata(tb),
			"GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "svc")
	if err != nil {
		tb.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		tb.Fatal("benchpkg: the generated package does not type-check")
	}
	return pkgs
}

// Analyze runs a over pkgs and returns the number of diagnostics of the
// root action.
func Analyze(tb testing.TB, a *analysis.Analyzer, pkgs []*packages.Package) int {
	return AnalyzeAll(tb, []*analysis.Analyzer{a}, pkgs)
}

// AnalyzeAll runs the analyzers as over pkgs in one checker run (sharing
// their prerequisites, as the kvlint driver does) and returns the number of
// diagnostics of the root actions.
func AnalyzeAll(tb testing.TB, as []*analysis.Analyzer, pkgs []*packages.Package) int {
	n := 0
	for _, act := range Roots(tb, as, pkgs) {
		n += len(act.Diagnostics)
	}
	return n
}

// Roots runs the analyzers as over pkgs in one checker run and returns the
// root actions; it fails tb if the run or an action fails, or if there is
// no root action.
func Roots(tb testing.TB, as []*analysis.Analyzer, pkgs []*packages.Package) []*checker.Action {
	tb.Helper()
	g, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if len(g.Roots) == 0 {
		tb.Fatal("benchpkg: no root action")
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			tb.Fatal(act.Err)
		}
	}
	return g.Roots
}

// Bench runs one sub-benchmark per kind of package and analyzer, the floor
// first, as kind=K/analyzer=NAME: benchstat compares a with the floor. Each
// reports the diagnostics found; wantFindings, when not nil, says whether a
// finding is expected in a package of that kind.
func Bench(b *testing.B, a *analysis.Analyzer, units int, wantFindings func(Kind) bool) {
	for _, kind := range []Kind{Plain, Azure} {
		pkgs := Load(b, Source(kind, units))
		for _, an := range []*analysis.Analyzer{Floor, a} {
			b.Run(fmt.Sprintf("kind=%s/analyzer=%s", kind, an.Name), func(b *testing.B) {
				n := Loop(b, []*analysis.Analyzer{an}, pkgs)
				if an != Floor && wantFindings != nil && wantFindings(kind) && n == 0 {
					b.Fatalf("%s found nothing in the %s package", an.Name, kind)
				}
			})
		}
	}
}

// Loop is the body of an analysis benchmark: it runs as over pkgs b.N
// times and reports allocations, the diagnostics found (findings) and the
// CPU time per run (cpu-ns/op, which a shared machine distorts less than
// wall time). It returns the number of diagnostics.
func Loop(b *testing.B, as []*analysis.Analyzer, pkgs []*packages.Package) int {
	b.ReportAllocs()
	var n int
	start := cputime.Process()
	for b.Loop() {
		n = AnalyzeAll(b, as, pkgs)
	}
	b.ReportMetric(float64(cputime.Process()-start)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(n), "findings")
	return n
}
