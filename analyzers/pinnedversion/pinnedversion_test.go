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

func TestAnalyzerOff(t *testing.T) {
	src := fixcheck.Config(t, "version: 1\nanalyzers:\n  pinnedversion: false\n")
	analysistest.Run(t, fixcheck.TestData(t), pinnedversion.New(src), "azureconfig/off")
	// The same fixture with the defaults has a finding, so the test above can fail.
	res := analysistest.Run(fixcheck.Quiet{}, fixcheck.TestData(t), pinnedversion.New(&config.Source{}), "azureconfig/off")
	if len(res) != 1 || len(res[0].Diagnostics) != 1 {
		t.Errorf("with defaults: want 1 diagnostic on azureconfig/off, got %d results", len(res))
	}
}
