package iac

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// textChecks runs the checks that read any file as text: versioned secret
// identifiers (KV303), App Service Key Vault references (KV304) and az CLI
// commands (KV306, KV241).
func textChecks(content string, out *findings) {
	for _, m := range detect.PinnedSecretURIs(content) {
		out.add(rPinnedURI, m[0], m[1], pinnedMsg("key vault secret identifier", content[m[2]+1:m[3]]))
	}
	appServiceRefs(content, out)
	if strings.Contains(content, "az ") && (strings.Contains(content, "keyvault") || strings.Contains(content, "login")) {
		for _, cmd := range commands(content) {
			azCommand(cmd, out)
		}
	}
}

// pinnedMsg says what is pinned to which version (its first eight digits:
// versions are not secrets, but a whole one is noise).
func pinnedMsg(what, version string) string {
	v := version
	if len(v) > 8 {
		v = v[:8] + "..."
	}
	return what + " is pinned to version " + v + ": rotations will not reach it; drop the version to read the latest"
}

const kvRefPrefix = "@Microsoft.KeyVault("

// appServiceRefs finds @Microsoft.KeyVault(...) references that name a
// version: SecretUri=<versioned identifier>, SecretVersion=<non-empty>, or
// a SecretUri built from a secret's secretUriWithVersion (Bicep, ARM).
func appServiceRefs(content string, out *findings) {
	for off := 0; ; {
		at := indexFold(content[off:], kvRefPrefix)
		if at < 0 {
			return
		}
		at += off
		off = at + len(kvRefPrefix)
		eol := strings.IndexAny(content[off:], "\r\n")
		if eol < 0 {
			eol = len(content)
		} else {
			eol += off
		}
		line := content[off:eol]
		inner := line
		if k := strings.IndexByte(line, ')'); k >= 0 {
			inner = line[:k]
		}
		end := off + len(inner)
		if end < len(content) && content[end] == ')' {
			end++
		}
		if m := detect.PinnedSecretURI(inner); m != nil {
			out.add(rPinnedAppService, at, end, pinnedMsg("app service key vault reference", inner[m[2]+1:m[3]]))
			continue
		}
		if v, ok := refParam(inner, "SecretVersion"); ok && v != "" {
			out.add(rPinnedAppService, at, end, pinnedMsg("app service key vault reference (SecretVersion)", v))
			continue
		}
		if k := indexFold(line, "secretUriWithVersion"); k >= 0 && indexFold(inner, "SecretUri") >= 0 {
			out.add(rPinnedAppService, at, off+k+len("secretUriWithVersion"),
				"app service key vault reference is built from secretUriWithVersion: it stays on the version of the "+
					"deployment; use properties.secretUri (versionless)")
		}
	}
}

// refParam returns the value of name=value in a ;-separated reference body.
func refParam(body, name string) (string, bool) {
	for _, part := range strings.Split(body, ";") {
		k, v, ok := strings.Cut(part, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.Trim(strings.TrimSpace(v), `"'`), true
		}
	}
	return "", false
}

// indexFold is strings.Index ignoring ASCII case; sub must start with a
// byte that has no other case or is a letter.
func indexFold(s, sub string) int {
	if sub == "" {
		return 0
	}
	c0 := sub[0]
	alt := c0
	switch {
	case 'a' <= c0 && c0 <= 'z':
		alt = c0 - 'a' + 'A'
	case 'A' <= c0 && c0 <= 'Z':
		alt = c0 - 'A' + 'a'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		j := strings.IndexByte(s[i:], c0)
		if alt != c0 {
			if k := strings.IndexByte(s[i:], alt); k >= 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
