package secretexpiry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/analyzers/secretexpiry"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, fixcheck.TestData(t), secretexpiry.New(&config.Source{}), "secretexpiry")
}
