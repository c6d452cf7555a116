package detect

import "strings"

// Filters of the generic rule for values that a line parser cut short, a
// configuration format interpolates, a tool encrypted, or a provider
// publishes; the table entries are at the end of genericFilters.

// isCutPlaceholder reports a placeholder that is whole or that a line
// parser cut at a space, a quote or a bracket: configparser interpolation
// (%(SNOWFLAKE_PASSWORD)s, or %(SNOWFLAKE_PASSWORD), and an opening < or {
// followed by one word of letters, - and _ and nothing else (<generate with
// openssl rand>, {api-key}). A digit or a symbol makes it a value
// (<Tr0ub4dor&3, %(Tr0ub4dor&3).
func isCutPlaceholder(v string) bool {
	if len(v) >= 4 && v[0] == '%' && v[1] == '(' {
		return isRefName(strings.TrimSuffix(v[2:], ")s"))
	}
	if len(v) < 4 || (v[0] != '<' && v[0] != '{') {
		return false
	}
	for i := 1; i < len(v); i++ {
		if c := v[i]; !isLower(c) && !isUpper(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// isCiphertext reports a value a tool encrypted, in the shapes the
// "encrypted" filter does not take: a SOPS value cut at its first comma
// (ENC[AES256_GCM; SOPS has no other cipher), Spring Cloud Config's
// {cipher}..., and a Maven settings-security password, base64 in braces
// ({COQLCE6DU6GtcS5P=}) of at least 16 characters with a digit, + or / (a
// braced name such as {ClientSecret} is a placeholder).
func isCiphertext(v string) bool {
	if strings.HasPrefix(v, "ENC[AES256_GCM") || strings.HasPrefix(v, "{cipher}") {
		return true
	}
	if len(v) < 18 || v[0] != '{' || v[len(v)-1] != '}' {
		return false
	}
	mixed := false
	for i := 1; i < len(v)-1; i++ {
		c := v[i]
		if b64Value(c) < 0 && c != '=' {
			return false
		}
		mixed = mixed || isDigit(c) || c == '+' || c == '/'
	}
	return mixed
}

// isPublicToken reports a token its provider documents as public, meant
// for browsers and apps: a Mapbox public token (pk. and a base64 JSON
// header; secret tokens start sk.).
func isPublicToken(v string) bool {
	return strings.HasPrefix(v, "pk.eyJ")
}

// isNonNullRef reports TypeScript's non-null assertion on a dotted name:
// process.env.SLACK_SIGNING_SECRET!, config.db.password!.
func isNonNullRef(v string) bool {
	n := len(v)
	if n < 4 || v[n-1] != '!' || strings.IndexByte(v, '.') < 0 {
		return false
	}
	return isIdentifierLike(v[:n-1])
}
