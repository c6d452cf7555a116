package secretexpiry_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/analyzers/secretexpiry"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, fixcheck.TestData(t), secretexpiry.New(&config.Source{}), "secretexpiry")
}

// TestTestsScan shows that test files are judged with tests: scan (and so
// that the default run above skips a_test.go on purpose).
func TestTestsScan(t *testing.T) {
	src := fixcheck.Config(t, "version: 1\ntests: scan\n")
	inTests := 0
	for _, res := range analysistest.Run(fixcheck.Quiet{}, fixcheck.TestData(t), secretexpiry.New(src), "secretexpiry") {
		for _, d := range res.Diagnostics {
			if strings.HasSuffix(res.Action.Package.Fset.Position(d.Pos).Filename, "_test.go") {
				inTests++
			}
		}
	}
	// a_test.go's one, and example_test.go's three: the example (reported
	// under the defaults too), Examples and TestSet.
	if inTests != 4 {
		t.Errorf("with tests: scan, %d findings in test files, want 4", inTests)
	}
}
