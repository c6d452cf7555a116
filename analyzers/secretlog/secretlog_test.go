package secretlog

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk/fixcheck"
	"github.com/kvlint/kvlint/config"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, fixcheck.TestData(t), New(&config.Source{}), "secretlog")
}

func TestSecretName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"password", true}, {"dbPassword", true}, {"DB_PASSWORD", true}, {"clientSecret", true},
		{"ClientSecret", true}, {"apiKey", true}, {"APIKey", true}, {"storageAccountKey", true},
		{"accessToken", true}, {"PGPASSWORD", true}, {"connectionString", true}, {"clientsecret", true},
		{"secretName", false}, {"passwordFile", false}, {"tokenURL", false}, {"cacheKey", false},
		{"nextPageToken", false}, {"bypass", false}, {"compass", false}, {"keyVaultURL", false}, {"", false},
		{"userWithMissingToken", false}, {"pathToToken", false}, {"passwordForAdmin", true}, {"tokenFromEnv", true},
		{"tokenPath", false}, {"tokenFile", false}, {"tokenType", false}, {"tokenExpiry", false},
		{"tokenSource", false}, {"hasToken", false}, {"secretKey", true},
	} {
		if got := secretName(tc.name); got != tc.want {
			t.Errorf("secretName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
