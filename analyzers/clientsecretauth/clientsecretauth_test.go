package clientsecretauth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/clientsecretauth"
	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixcheck.TestData(t), clientsecretauth.New(&config.Source{}), "clientsecretauth", "clientsecretauth/autorest", "clientsecretauth/autorestmsi", "github.com/Azure/azure-sdk-for-go/sdk/azidentity",
		"github.com/Azure/go-autorest/autorest/azure/auth", "github.com/Azure/azure-sdk-for-go/services/keyvault/auth")
}

func TestFixesBuild(t *testing.T) {
	fixcheck.Run(t, fixcheck.TestData(t), clientsecretauth.New(&config.Source{}), "clientsecretauth", "clientsecretauth/autorest", "clientsecretauth/autorestmsi", "github.com/Azure/azure-sdk-for-go/sdk/azidentity",
		"github.com/Azure/go-autorest/autorest/azure/auth", "github.com/Azure/azure-sdk-for-go/services/keyvault/auth")
}

func TestConfig(t *testing.T) {
	src := fixcheck.Config(t, "version: 1\nrules:\n  disable: [client-secret-env]\n")
	analysistest.Run(t, fixcheck.TestData(t), clientsecretauth.New(src), "azureconfig/rules")
}
