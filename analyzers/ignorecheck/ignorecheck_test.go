package ignorecheck_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/analyzers/ignorecheck"
	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/internal/strlit"
)

// fake is a stand-in rule analyzer: it reports KV101 for string literals
// starting with "SECRET" and KV124 for those starting with "JWT", through
// lint.Report like every kvlint analyzer. It carries hardcodedcred's name,
// which is how ignorecheck knows that the analyzer of KV101 and KV124 ran.
var fake = &analysis.Analyzer{
	Name:     "hardcodedcred",
	Doc:      "fake rule analyzer for tests",
	Requires: []*analysis.Analyzer{lint.Directives},
	Run: func(pass *analysis.Pass) (any, error) {
		for lit, v := range strlit.All(pass.Files...) {
			switch {
			case strings.HasPrefix(v, "SECRET"):
				lint.Report(pass, analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Category: "KV101", Message: "fake KV101"}, "azure-entra-client-secret")
			case strings.HasPrefix(v, "JWT"):
				lint.Report(pass, analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Category: "KV124", Message: "fake KV124"}, "jwt")
			}
		}
		return nil, nil
	},
}

var testdata = func() string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}()

func defaults() *config.Source { return &config.Source{Fixed: config.Defaults()} }

// TestSuppression checks what the rule analyzer still reports: directives
// on the line and the line above, by ID and name, file-wide; malformed ones
// and ones too far away suppress nothing.
func TestSuppression(t *testing.T) {
	analysistest.Run(t, testdata, fake, "ignorecheck/suppress")
}

// TestIgnorecheck checks KV001 (unused) and KV002 (malformed), and the fix
// that removes an unused directive.
func TestIgnorecheck(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata, ignorecheck.New(defaults(), []*analysis.Analyzer{fake}), "ignorecheck/a")
}

// TestDisabledRule checks that a directive for a rule switched off in the
// configuration is not reported as unused.
func TestDisabledRule(t *testing.T) {
	cfg, err := config.Parse([]byte("rules:\n  disable: [jwt]\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, ignorecheck.New(&config.Source{Fixed: cfg}, []*analysis.Analyzer{fake}), "ignorecheck/disabled")
}

// TestDisabledAnalyzer checks that ignorecheck itself can be switched off.
func TestDisabledAnalyzer(t *testing.T) {
	cfg, err := config.Parse([]byte("analyzers:\n  ignorecheck: false\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's want comment is not met when ignorecheck is off: record
	// analysistest's complaints instead of failing on them.
	rec := &recorder{}
	results := analysistest.Run(rec, testdata, ignorecheck.New(&config.Source{Fixed: cfg}, []*analysis.Analyzer{fake}), "ignorecheck/disabled")
	if len(results) == 0 {
		t.Fatal("no results")
	}
	for _, e := range rec.errs {
		if !strings.Contains(e, "no diagnostic was reported") {
			t.Errorf("unexpected analysistest error: %s", e)
		}
	}
	for _, r := range results {
		if len(r.Diagnostics) != 0 {
			t.Errorf("ignorecheck disabled but reported %d diagnostics", len(r.Diagnostics))
		}
	}
}

type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestRules(t *testing.T) {
	for _, r := range ignorecheck.Rules {
		if r.ID == "" || r.Name == "" || r.Title == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Severity == "" {
			t.Errorf("rule %s is not fully documented", r.ID)
		}
		if info, ok := config.KnownRule(r.ID); !ok || info.Name != r.Name || info.Analyzer != "ignorecheck" {
			t.Errorf("config's table disagrees about %s: %+v", r.ID, info)
		}
	}
	if !strings.HasPrefix(ignorecheck.Analyzer.Doc, "ignorecheck: ") {
		t.Errorf("Doc = %q", ignorecheck.Analyzer.Doc)
	}
}

// TestRuleTableMatchesSuite checks that config's table of rule IDs and
// names, which validates .kvlint.yaml and directives, agrees with the rules
// the analyzers document.
func TestRuleTableMatchesSuite(t *testing.T) {
	all := analyzers.Rules()
	if len(all) == 0 {
		t.Fatal("no rules")
	}
	for _, r := range all {
		info, ok := config.KnownRule(r.ID)
		if !ok || info.Name != r.Name || info.Analyzer != r.Analyzer {
			t.Errorf("rule %s (%s, %s): config knows %+v", r.ID, r.Name, r.Analyzer, info)
		}
	}
}
