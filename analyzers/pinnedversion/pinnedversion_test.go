package pinnedversion_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/analyzers/pinnedversion"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixcheck.TestData(t), pinnedversion.New(&config.Source{}), "pinnedversion")
}

func TestFixesBuild(t *testing.T) {
	fixcheck.Run(t, fixcheck.TestData(t), pinnedversion.New(&config.Source{}), "pinnedversion")
}
