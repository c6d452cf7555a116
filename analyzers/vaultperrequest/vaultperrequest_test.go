package vaultperrequest_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/analyzers/vaultperrequest"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, fixcheck.TestData(t), vaultperrequest.New(&config.Source{}), "vaultperrequest")
}
