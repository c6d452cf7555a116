package detect

import (
	"regexp"
	"strings"
)

// pinnedSecretURI matches a versioned Key Vault secret identifier in any
// Azure cloud; group 1 is "/" + the 32-hex-digit version.
var pinnedSecretURI = regexp.MustCompile(`(?i)https://[0-9a-z-]+\.vault\.(?:azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)(?::443)?/secrets/[0-9a-z-]+(/[0-9a-f]{32})\b`)

// minPinnedURI is the length of the shortest pinned identifier.
const minPinnedURI = len("https://x.vault.azure.cn/secrets/x/") + 32

// PinnedSecretURI returns the first Key Vault secret identifier in s that
// names a version (https://VAULT.vault.azure.net/secrets/NAME/VERSION, in
// any Azure cloud, any case), as regexp submatch indexes: loc[0]:loc[1] is
// the identifier and loc[2]:loc[3] is "/" + the version. It returns nil
// when there is none. The go/analysis rule KV301 and the file rule KV303
// share it.
func PinnedSecretURI(s string) []int {
	if !MayHavePinnedSecretURI(s) {
		return nil
	}
	return pinnedSecretURI.FindStringSubmatchIndex(s)
}

// PinnedSecretURIs returns every pinned identifier in s, as PinnedSecretURI
// does for the first.
func PinnedSecretURIs(s string) [][]int {
	if !MayHavePinnedSecretURI(s) {
		return nil
	}
	return pinnedSecretURI.FindAllStringSubmatchIndex(s, -1)
}

// MayHavePinnedSecretURI is the cheap test before the regular expression:
// s is long enough and holds "/secrets/" in some case. It never rejects a
// string that holds a pinned identifier.
func MayHavePinnedSecretURI(s string) bool {
	if len(s) < minPinnedURI {
		return false
	}
	const seg = "/secrets/"
	for i := 0; i+len(seg) <= len(s); i++ {
		j := strings.IndexByte(s[i:], '/')
		if j < 0 {
			return false
		}
		i += j
		if i+len(seg) <= len(s) && strings.EqualFold(s[i:i+len(seg)], seg) {
			return true
		}
	}
	return false
}

// SecretName reports whether a name (identifier, configuration key,
// environment variable, Terraform variable, Bicep parameter) says that it
// holds a secret, by its head word: adminPassword, client_secret, API_KEY,
// sas-token, but not secret_name, password_length, key_vault_id or bypass.
func SecretName(name string) bool { return secretName(name) }
