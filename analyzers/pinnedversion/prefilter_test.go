package pinnedversion

import (
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// TestMayBePinned checks that the cheap filter passes every value the
// regular expression matches, in any case, and drops short or unrelated ones.
func TestMayBePinned(t *testing.T) {
	version := strings.Repeat("0a", 16)
	for _, s := range []string{
		"https://x.vault.azure.cn/secrets/x/" + version,
		"HTTPS://EHR-TEST.VAULT.AZURE.NET/SECRETS/DB-PASSWORD/" + strings.ToUpper(version),
		"https://ehr-test.vault.azure.net:443/Secrets/db-password/" + version + "?api-version=7.4",
		"see https://ehr-test.vault.usgovcloudapi.net/secrets/db/" + version + " for the key",
	} {
		if detect.PinnedSecretURI(s) == nil {
			t.Fatalf("test value %q is not a pinned identifier", s)
		}
		if !mayBePinned(s) {
			t.Errorf("mayBePinned(%q) = false for a pinned identifier", s)
		}
	}
	for _, s := range []string{
		"", "https://x.vault.azure.net/secrets/x", strings.Repeat("a/b/", 30),
		"https://example.com/api/v1/items/" + version, "/secrets" + strings.Repeat("x", 80),
	} {
		if mayBePinned(s) {
			t.Errorf("mayBePinned(%q) = true", s)
		}
	}
}
