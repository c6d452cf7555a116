package config

import (
	"maps"
	"strings"
	"sync"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
)

// known lists the fixed rule IDs and names of every kvlint analyzer, so that
// configuration and directives can be checked even for analyzers whose
// documentation lives in packages config cannot import. The detection
// engine's own rules (detect.Builtin) are consulted as well.
var known = []rules.Info{
	{ID: "KV001", Name: "unused-directive", Analyzer: "ignorecheck"},
	{ID: "KV002", Name: "malformed-directive", Analyzer: "ignorecheck"},
	{ID: "KV100", Name: "generic-secret", Analyzer: "hardcodedcred"},
	{ID: "KV101", Name: "azure-entra-client-secret", Analyzer: "hardcodedcred"},
	{ID: "KV102", Name: "azure-storage-account-key", Analyzer: "hardcodedcred"},
	{ID: "KV103", Name: "azure-storage-connection-string", Analyzer: "hardcodedcred"},
	{ID: "KV104", Name: "azure-sas-token", Analyzer: "hardcodedcred"},
	{ID: "KV105", Name: "azure-shared-access-key", Analyzer: "hardcodedcred"},
	{ID: "KV106", Name: "azure-cosmos-key", Analyzer: "hardcodedcred"},
	{ID: "KV107", Name: "azure-devops-pat", Analyzer: "hardcodedcred"},
	{ID: "KV108", Name: "sql-connection-string-password", Analyzer: "hardcodedcred"},
	{ID: "KV109", Name: "redis-connection-password", Analyzer: "hardcodedcred"},
	{ID: "KV110", Name: "aws-access-key-id", Analyzer: "hardcodedcred"},
	{ID: "KV111", Name: "aws-secret-access-key", Analyzer: "hardcodedcred"},
	{ID: "KV112", Name: "github-token", Analyzer: "hardcodedcred"},
	{ID: "KV113", Name: "gitlab-token", Analyzer: "hardcodedcred"},
	{ID: "KV114", Name: "slack-token", Analyzer: "hardcodedcred"},
	{ID: "KV115", Name: "slack-webhook", Analyzer: "hardcodedcred"},
	{ID: "KV116", Name: "stripe-api-key", Analyzer: "hardcodedcred"},
	{ID: "KV117", Name: "stripe-webhook-secret", Analyzer: "hardcodedcred"},
	{ID: "KV118", Name: "sendgrid-api-key", Analyzer: "hardcodedcred"},
	{ID: "KV119", Name: "twilio-api-key", Analyzer: "hardcodedcred"},
	{ID: "KV120", Name: "google-api-key", Analyzer: "hardcodedcred"},
	{ID: "KV121", Name: "npm-token", Analyzer: "hardcodedcred"},
	{ID: "KV122", Name: "pypi-token", Analyzer: "hardcodedcred"},
	{ID: "KV123", Name: "datadog-api-key", Analyzer: "hardcodedcred"},
	{ID: "KV124", Name: "jwt", Analyzer: "hardcodedcred"},
	{ID: "KV125", Name: "private-key", Analyzer: "hardcodedcred"},
	{ID: "KV126", Name: "url-password", Analyzer: "hardcodedcred"},
	{ID: "KV127", Name: "basic-auth-header", Analyzer: "hardcodedcred"},
	{ID: "KV201", Name: "client-secret-credential", Analyzer: "clientsecretauth"},
	{ID: "KV202", Name: "username-password-credential", Analyzer: "clientsecretauth"},
	{ID: "KV203", Name: "on-behalf-of-secret", Analyzer: "clientsecretauth"},
	{ID: "KV204", Name: "msal-cred-from-secret", Analyzer: "clientsecretauth"},
	{ID: "KV205", Name: "client-secret-env", Analyzer: "clientsecretauth"},
	{ID: "KV206", Name: "autorest-client-secret", Analyzer: "clientsecretauth"},
	{ID: "KV220", Name: "shared-key-credential", Analyzer: "sharedkeyauth"},
	{ID: "KV221", Name: "connection-string-auth", Analyzer: "sharedkeyauth"},
	{ID: "KV222", Name: "key-credential-auth", Analyzer: "sharedkeyauth"},
	{ID: "KV301", Name: "pinned-secret-uri", Analyzer: "pinnedversion"},
	{ID: "KV302", Name: "pinned-getsecret-version", Analyzer: "pinnedversion"},
	{ID: "KV401", Name: "secret-without-expiry", Analyzer: "secretexpiry"},
	{ID: "KV402", Name: "expiry-removed", Analyzer: "secretexpiry"},
	{ID: "KV410", Name: "secret-logged", Analyzer: "secretlog"},
	{ID: "KV411", Name: "generated-credential-printed", Analyzer: "secretlog"},
	{ID: "KV420", Name: "vault-call-per-request", Analyzer: "vaultperrequest"},
	// IaC practices reported by kvlint scan (scan/iac).
	{ID: "KV240", Name: "terraform-provider-client-secret", Analyzer: "iac"},
	{ID: "KV241", Name: "az-login-client-secret", Analyzer: "iac"},
	{ID: "KV242", Name: "azure-login-creds", Analyzer: "iac"},
	{ID: "KV243", Name: "client-secret-in-env", Analyzer: "iac"},
	{ID: "KV303", Name: "pinned-secret-uri-in-file", Analyzer: "iac"},
	{ID: "KV304", Name: "pinned-app-service-reference", Analyzer: "iac"},
	{ID: "KV305", Name: "pinned-csi-object-version", Analyzer: "iac"},
	{ID: "KV306", Name: "pinned-cli-secret-version", Analyzer: "iac"},
	{ID: "KV307", Name: "pinned-terraform-secret-version", Analyzer: "iac"},
	{ID: "KV308", Name: "pinned-bicep-getsecret-version", Analyzer: "iac"},
	{ID: "KV309", Name: "pinned-arm-reference-version", Analyzer: "iac"},
	{ID: "KV310", Name: "pinned-terraform-secret-id", Analyzer: "iac"},
	{ID: "KV600", Name: "keyvault-secret-literal-value", Analyzer: "iac"},
	{ID: "KV601", Name: "keyvault-secret-no-expiry", Analyzer: "iac"},
	{ID: "KV602", Name: "keyvault-secret-no-content-type", Analyzer: "iac"},
	{ID: "KV603", Name: "keyvault-no-purge-protection", Analyzer: "iac"},
	{ID: "KV604", Name: "keyvault-access-policies", Analyzer: "iac"},
	{ID: "KV605", Name: "keyvault-open-network", Analyzer: "iac"},
	{ID: "KV606", Name: "secret-input-not-sensitive", Analyzer: "iac"},
	{ID: "KV607", Name: "secret-input-literal-default", Analyzer: "iac"},
	{ID: "KV608", Name: "output-exposes-secret", Analyzer: "iac"},
	{ID: "KV640", Name: "kubernetes-secret-credentials", Analyzer: "iac"},
	{ID: "KV641", Name: "csi-pod-identity", Analyzer: "iac"},
}

// knownAnalyzers are the analyzer names the analyzers section accepts.
var knownAnalyzers = map[string]bool{
	"hardcodedcred":    true,
	"clientsecretauth": true,
	"sharedkeyauth":    true,
	"pinnedversion":    true,
	"secretexpiry":     true,
	"secretlog":        true,
	"vaultperrequest":  true,
	"ignorecheck":      true,
	"iac":              true,
}

// DetectAnalyzer is the analyzer that reports the detection engine's rules,
// built-in and custom.
const DetectAnalyzer = "hardcodedcred"

// ruleTable resolves rule references (ID or name, any case) to rules.
type ruleTable map[string]rules.Info

func (t ruleTable) add(info rules.Info) {
	if info.ID == "" {
		return
	}
	if info.Analyzer == "" {
		info.Analyzer = DetectAnalyzer
	}
	t[strings.ToLower(info.ID)] = info
	if info.Name != "" {
		t[strings.ToLower(info.Name)] = info
	}
}

func (t ruleTable) lookup(ref string) (rules.Info, bool) {
	info, ok := t[strings.ToLower(strings.TrimSpace(ref))]
	return info, ok
}

// builtinTable returns a copy of the table of the fixed rules and the
// engine's built-in rules.
func builtinTable() ruleTable { return maps.Clone(builtinOnce()) }

var builtinOnce = sync.OnceValue(func() ruleTable {
	t := make(ruleTable, 2*len(known)+8)
	for _, info := range known {
		t.add(info)
	}
	for _, r := range detect.Builtin() {
		if r != nil {
			t.add(r.Info)
		}
	}
	return t
})

// KnownRule resolves a built-in rule reference, an ID ("KV101") or a name
// ("azure-entra-client-secret") in any case. Custom rules are resolved by
// (*Loaded).Rule.
func KnownRule(ref string) (rules.Info, bool) {
	return builtinOnce().lookup(ref)
}
