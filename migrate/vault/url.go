package vault

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// DNSSuffixes are the Key Vault DNS suffixes of the Azure clouds: public,
// China, US Government and Germany (legacy).
var DNSSuffixes = []string{
	"vault.azure.net",
	"vault.azure.cn",
	"vault.usgovcloudapi.net",
	"vault.microsoftazure.de",
}

// A vault name is 3-24 characters of letters, digits and hyphens, starts with
// a letter, ends with a letter or digit and has no two hyphens in a row.
var vaultNameRE = regexp.MustCompile(`^[a-z][a-z0-9-]{1,22}[a-z0-9]$`)

// ParseVaultURL checks that raw is a Key Vault URL, such as
// https://myvault.vault.azure.net/, and returns it normalized (lowercase host,
// trailing slash) with the vault name. When allowLoopback is true (tests only)
// https://127.0.0.1:PORT/, https://[::1]:PORT/ and https://localhost:PORT/ are
// accepted too, with vault name "loopback".
func ParseVaultURL(raw string, allowLoopback bool) (normalized, vaultName string, err error) {
	bad := func(why string) (string, string, error) {
		return "", "", fmt.Errorf("vault URL %q: %s (want https://NAME.vault.azure.net/)", raw, why)
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return bad("not a URL")
	}
	switch {
	case u.Scheme != "https":
		return bad("scheme must be https")
	case u.User != nil:
		return bad("must not hold user information")
	case u.RawQuery != "" || u.Fragment != "":
		return bad("must not have a query or fragment")
	case u.Path != "" && u.Path != "/":
		return bad("must not have a path")
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if allowLoopback && IsLoopbackHost(host) {
		if port == "" {
			return "https://" + u.Host + "/", "loopback", nil
		}
		return "https://" + net.JoinHostPort(host, port) + "/", "loopback", nil
	}
	if port != "" && port != "443" {
		return bad("must not name a port")
	}
	name, suffix, ok := strings.Cut(host, ".")
	if !ok {
		return bad("host must be NAME.<Key Vault DNS suffix>")
	}
	known := false
	for _, s := range DNSSuffixes {
		if suffix == s {
			known = true
			break
		}
	}
	if !known {
		return bad(fmt.Sprintf("host %q is not under a Key Vault DNS suffix (%s)", host, strings.Join(DNSSuffixes, ", ")))
	}
	if !vaultNameRE.MatchString(name) || strings.Contains(name, "--") {
		return bad(fmt.Sprintf("vault name %q must be 3-24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit", name))
	}
	return "https://" + host + "/", name, nil
}

// IsLoopbackHost reports whether host (without a port) is localhost or a
// loopback IP address: the hosts a vault URL may name when loopback is
// allowed, and the only ones the Key Vault fake of the tests dials.
func IsLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
