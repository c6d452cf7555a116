package hardcodedcred_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
)

// analyze runs a over pkgs and returns the root action.
func analyze(tb testing.TB, a *analysis.Analyzer, pkgs []*packages.Package) *checker.Action {
	tb.Helper()
	return benchpkg.Roots(tb, []*analysis.Analyzer{a}, pkgs)[0]
}

// literalPackage returns a package of about n string literals in the shapes
// real code has (names, URLs, format strings, map keys, env names), with a
// fake credential in one function of a hundred.
func literalPackage(n int) string {
	var b strings.Builder
	b.WriteString("package gen\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\ntype Config struct{ Name, Password, URL string }\n\n")
	token := detect.FakeCRCToken("ghp_", "hardcodedcred-bench")
	for i := 0; i < n/8; i++ {
		fmt.Fprintf(&b, "func f%d() error {\n", i)
		fmt.Fprintf(&b, "\tname := \"service-%d\"\n", i)
		fmt.Fprintf(&b, "\tos.Setenv(\"APP_MODE_%d\", \"production\")\n", i)
		fmt.Fprintf(&b, "\tc := Config{Name: name, Password: \"\", URL: \"https://example.invalid/api/v%d/items?page=2\"}\n", i)
		b.WriteString("\tm := map[string]string{\"region\": \"westeurope\", \"tier\": \"standard\"}\n")
		if i%100 == 0 {
			fmt.Fprintf(&b, "\tc.Password = %q\n", token)
		}
		b.WriteString("\treturn fmt.Errorf(\"could not open %s: %v\\n\", c.URL, m)\n}\n\n")
	}
	return b.String()
}

// BenchmarkAnalyzer runs the analyzer and the floor over packages of 5k and
// 50k literals: the analyzer's extra cost over the floor should grow linearly.
func BenchmarkAnalyzer(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		pkgs := benchpkg.Load(b, literalPackage(n))
		for _, a := range []*analysis.Analyzer{benchpkg.Floor, hardcodedcred.New(&config.Source{})} {
			b.Run(fmt.Sprintf("%s/%dk", a.Name, n/1000), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					analyze(b, a, pkgs)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/literal")
			})
		}
	}
}

// largeLiteral returns a package with one YAML-like raw string of about size
// bytes (many key: value pairs) that ends with a fake token.
func largeLiteral(size int) string {
	var b strings.Builder
	b.Grow(size + 200)
	b.WriteString("package gen\n\nconst blob = `\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "key_%d: \"value %d\" {\"k\": \"v\"}\n", i, i)
	}
	fmt.Fprintf(&b, "token: %s\n`\n", detect.FakeCRCToken("ghp_", "hardcodedcred-large"))
	return b.String()
}

// TestLargeLiteral checks that a 10 MB literal is scanned and its secret found.
func TestLargeLiteral(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 10 MB file")
	}
	t.Parallel()
	pkgs := benchpkg.Load(t, largeLiteral(10<<20))
	start := time.Now()
	act := analyze(t, hardcodedcred.New(&config.Source{}), pkgs)
	t.Logf("10 MB literal analyzed in %v", time.Since(start))
	res := act.Result.(*hardcodedcred.Result)
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "KV112" {
		ids := make([]string, len(res.Findings))
		for i, f := range res.Findings {
			ids[i] = f.RuleID
		}
		t.Errorf("findings %v, want one KV112", ids)
	}
}

func BenchmarkLargeLiteral(b *testing.B) {
	for _, mb := range []int{1, 10} {
		pkgs := benchpkg.Load(b, largeLiteral(mb<<20))
		a := hardcodedcred.New(&config.Source{})
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(mb << 20))
			for b.Loop() {
				analyze(b, a, pkgs)
			}
		})
	}
}
