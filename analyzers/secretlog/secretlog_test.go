package secretlog

import (
	"strings"
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
		// detect's vocabulary, which secretlog now shares with the generic rule.
		{"dbCredentials", true}, {"hashedPassword", false}, {"webhookKey", true}, {"csrfToken", false},
		{"passwordValue", true}, {"githubPAT", true},
		// secretlog's own additions: connection strings and request tokens.
		{"ClientRequestToken", false}, {"connStr", true},
	} {
		if got := secretName(tc.name); got != tc.want {
			t.Errorf("secretName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestConfigSinks names a sink, a method set and a sanitizer in the
// configuration; without it, the fixture's Audit and Note are no sinks and
// Elide carries the secret (so both runs can fail).
func TestConfigSinks(t *testing.T) {
	src := fixcheck.Config(t, `version: 1
secretlog:
  sinks: [secretlogconfig.Audit, "(*secretlogconfig.Recorder).*"]
  sanitizers: [secretlogconfig.Elide]
`)
	analysistest.Run(t, fixcheck.TestData(t), New(src), "secretlogconfig")
	res := analysistest.Run(fixcheck.Quiet{}, fixcheck.TestData(t), New(&config.Source{}), "secretlogconfig")
	if len(res) != 1 || len(res[0].Diagnostics) != 1 {
		t.Errorf("without the configuration: want only Elide's result reported, got %d results", len(res))
	} else if d := res[0].Diagnostics[0]; !strings.Contains(d.Message, "fmt.Println") {
		t.Errorf("without the configuration: got %q, want the fmt.Println of Elide's result", d.Message)
	}
}

// TestNamesSomething: which identifiers name something (the shape of a
// name's value and of a callee's name parameter), and which do not.
func TestNamesSomething(t *testing.T) {
	for _, tc := range []struct {
		name string
		last []string
		want bool
	}{
		{"Name", nameWords, true}, {"key", nameWords, true}, {"secretPath", nameWords, true}, {"keyVaultSecretName", nameWords, true},
		{"SecretID", nameWords, true},
		// Secret names and account names are no names of things.
		{"apiKey", nameWords, false}, {"secretKey", nameWords, false}, {"UserName", nameWords, false}, {"password", nameWords, false},
		// A callee's parameter takes a name or a path; key and id are no such parameters.
		{"name", nameParamWords, true}, {"path", nameParamWords, true}, {"secretName", nameParamWords, true},
		{"key", nameParamWords, false}, {"clientID", nameParamWords, false}, {"username", nameParamWords, false}, {"loginName", nameParamWords, false},
	} {
		if got := namesSomething(tc.name, tc.last); got != tc.want {
			t.Errorf("namesSomething(%q, %v) = %v, want %v", tc.name, tc.last, got, tc.want)
		}
	}
}

// TestCredless: the start of a connection string that carries no
// credential (a local store's scheme, a path), and ones that do or may.
func TestCredless(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"leveldb://", true}, {"leveldb://queues/common", true}, {"file:%s?%s", true}, {"sqlite:///data/app.db", true},
		{"memory://", true}, {"/var/lib/app/data", true}, {"./data", true}, {"FILE:x", true},
		// Schemes with userinfo, credential fields, unknown schemes.
		{"redis://", false}, {"postgres://%s:%s@%s", false}, {"file:%s?_pragma_key=%s", false},
		{"file:%s?password=%s", false}, {"leveldb://u@host", false}, {"Server=x;Password=%s", false}, {"", false},
	} {
		if got := credless(tc.s); got != tc.want {
			t.Errorf("credless(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
