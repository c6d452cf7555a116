package sharedkeyauth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/analyzers/sharedkeyauth"
	"github.com/kvlint/kvlint/config"
)

// TestAnalyzer runs the fixtures, the SDK stubs among them: a package that
// implements the SDK (and calls its own constructors) is not a user of it.
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixcheck.TestData(t), sharedkeyauth.New(&config.Source{}),
		"sharedkeyauth", "sharedkeyauth/fix", "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob", "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container",
		"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus", "github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventgrid")
}

func TestFixesBuild(t *testing.T) {
	fixcheck.Run(t, fixcheck.TestData(t), sharedkeyauth.New(&config.Source{}), "sharedkeyauth/fix")
}
