package detect

import (
	"math"
	"strings"
)

// defaultGenericEntropy is the generic rule's entropy floor in bits per byte.
const defaultGenericEntropy = 3.0

// genericValueKeywords gate the generic rule's key=value pass inside a value
// (JSON, YAML, .env lines, query strings, DSNs).
var genericValueKeywords = []string{"password", "passwd", "pwd", "pass", "secret", "token", "apikey",
	"api_key", "api-key", "credential", "private_key", "privatekey", "access_key", "accesskey", "auth"}

// genericWhole judges the whole value bound to a secret name.
// A weak name (key, auth) needs a value that looks generated.
func (e *Engine) genericWhole(value string, ctx Context, weak bool, dst []Finding) []Finding {
	if len(value) > genericMaxLen {
		return dst
	}
	s, end := trimBounds(value, 0, len(value))
	// process.env.X || "lit", os.getenv("X", "lit"), ${X:-lit}: the
	// literal fallback is the value.
	if fs, fe, ok := fallbackLiteral(value, s, end); ok {
		s, end = fs, fe
	}
	// Authorization: Bearer <token>
	for _, p := range [...]string{"bearer ", "token "} {
		if end-s > len(p) && strings.EqualFold(value[s:s+len(p)], p) {
			s, end = trimBounds(value, s+len(p), end)
			break
		}
	}
	// A hex digest bound to a strong secret name is a hex secret (a GitHub
	// OAuth client secret, an openssl rand -hex key); under a weak name (key)
	// it is a digest.
	if weak && (!generated(value[s:end]) || isDigest(value[s:end])) {
		return dst
	}
	c := e.genericValue(value[s:end], ctx)
	if weak && c != Medium {
		c = 0
	}
	if c != 0 && !e.allowed(value[s:end]) {
		dst = append(dst, Finding{Rule: e.generic, Start: s, End: end, Confidence: c})
	}
	return dst
}

// generated reports whether v looks machine-generated: at least 20
// characters of letters, digits and - _ . + / = only, with high entropy,
// and not words joined with a digest (a cache key such as Linux-node-<sha>).
func generated(v string) bool {
	if len(v) < 20 || entropy(v) < 4.0 || wordsAndDigest(v) {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !isAlnum(c) && c != '-' && c != '_' && c != '.' && c != '+' && c != '/' && c != '=' {
			return false
		}
	}
	return true
}

// wordsAndDigest reports whether v is words and hex or decimal parts joined
// by - _ . / or : with at least one of each (Linux-node-<sha1>,
// build/cache/<sha256>, user:42:<md5>): an identifier built from a hash, not
// a secret. It does not allocate.
func wordsAndDigest(v string) bool {
	words, digests := 0, 0
	for i := 0; i <= len(v); {
		j := i
		for j < len(v) && v[j] != '-' && v[j] != '_' && v[j] != '.' && v[j] != '/' && v[j] != ':' {
			j++
		}
		seg := v[i:j]
		switch {
		case seg == "":
		case isLetters(seg) && lettersMakeWords(seg):
			words++
		case allHex(seg):
			digests++
		default:
			return false
		}
		i = j + 1
	}
	return words > 0 && digests > 0
}

// isJWTShaped reports whether v has a JSON Web Token's shape (a base64url
// JSON header, a dot, more): KV124 judges those by their header and
// signature, and what it does not report (alg none, an empty or mock
// signature) is not a generic secret either.
func isJWTShaped(v string) bool {
	return strings.HasPrefix(v, "eyJ") && strings.IndexByte(v, '.') > 10
}

// encodesPlainText reports whether v is standard base64 of printable text
// that is itself no secret: a name, words or a placeholder
// (Z3JlYXQtbmFtZQ== is "great-name"). It decodes at most 32 bytes, on the
// stack, so that it does not allocate.
func encodesPlainText(v string) bool {
	t := strings.TrimRight(v, "=")
	if len(t) < 8 || len(t) > 43 || len(t)%4 == 1 || len(v)-len(t) > 2 {
		return false
	}
	var buf [32]byte
	n, bits, acc := 0, 0, uint(0)
	for i := 0; i < len(t); i++ {
		d := b64Value(t[i])
		if d < 0 {
			return false
		}
		acc = acc<<6 | uint(d)
		bits += 6
		if bits >= 8 {
			bits -= 8
			c := byte(acc >> uint(bits))
			if c < 0x20 || c > 0x7e {
				return false
			}
			buf[n] = c
			n++
		}
	}
	d := string(buf[:n]) // the conversion does not escape: judged and dropped
	return isText(d) || isIdentifierLike(d) || IsPlaceholder(d) || isNamedPlaceholder(d) || isEnvName(d)
}

// b64Value returns the value of a standard base64 digit, or -1.
func b64Value(c byte) int {
	switch {
	case isUpper(c):
		return int(c - 'A')
	case isLower(c):
		return int(c-'a') + 26
	case isDigit(c):
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

// providerPrefixes begin tokens whose provider rule knows their full shape.
var providerPrefixes = []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-",
	"glrt-", "glptt-", "glft-", "glsoat-", "glcbt-", "gloas-", "glimt-", "xoxb-", "xoxp-", "xoxa-", "xoxo-",
	"xoxr-", "xoxs-", "xoxe", "xapp-", "sk_live_", "rk_live_", "sk_test_", "rk_test_", "whsec_", "npm_",
	"pypi-", "AKIA", "ASIA", "AIza", "SG.",
	// Publishable keys are public by design (Stripe's pk_).
	"pk_live_", "pk_test_"}

// hasProviderPrefix reports whether v starts with a provider's token prefix:
// its rule judges it, and one it does not report (glpat-123xyz, a short or
// bad-checksum body) is a placeholder, not a generic secret.
func hasProviderPrefix(v string) bool {
	return hasPrefixAny(v, providerPrefixes)
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) && !isUpper(s[i]) {
			return false
		}
	}
	return s != ""
}

// nextIsPair reports whether the word at the start of v is itself key=value.
func nextIsPair(v string) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '=':
			return true
		case ' ', '\t', '\n', '\r', ';', ',', '&':
			return false
		}
	}
	return false
}

func trimBounds(v string, s, e int) (int, int) {
	for s < e && (v[s] == ' ' || v[s] == '\t' || v[s] == '\n' || v[s] == '\r') {
		s++
	}
	for e > s && (v[e-1] == ' ' || v[e-1] == '\t' || v[e-1] == '\n' || v[e-1] == '\r') {
		e--
	}
	return s, e
}

// genericValue reports whether v, bound to a secret name, looks like a
// credential rather than a placeholder, a name, a path, text or a digest.
func (e *Engine) genericValue(v string, ctx Context) Confidence {
	n := len(v)
	classes := 0
	if n >= 6 {
		classes = charClasses(v)
	}
	if n < 6 || (n < 8 && classes < 3) || n > genericMaxLen {
		return 0
	}
	if rejectingFilter(v) != "" {
		return 0
	}
	h := entropy(v)
	floor := e.genFloor
	if n >= 16 && classes >= 3 {
		floor -= 0.5
	}
	if !e.genFloorSet {
		floor = math.Min(floor, 0.75*log2(n))
	}
	if h < floor {
		return 0
	}
	if e.fixtureContext(ctx) && !looksRandom(v) {
		return 0
	}
	if n >= 16 && h >= 3.5 && classes >= 3 {
		return Medium
	}
	return Low
}

// genericPairs finds key=value and "key": "value" pairs inside a value whose
// key is a secret name: .env lines, JSON and YAML in raw strings, query
// strings and DSNs. It runs only when a secret word occurs in the value.
// Values overlapping a rejected provider match are skipped.
func (e *Engine) genericPairs(value string, ctx Context, dst []Finding, rej *rejectSet) []Finding {
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c != '=' && c != ':' {
			continue
		}
		if c == ':' && strings.HasPrefix(value[i:], "://") {
			i += 2
			continue
		}
		k, ok := pairKey(value, i)
		if !ok {
			continue
		}
		s, quote, ok := pairValueStart(value, i, k)
		if !ok {
			continue
		}
		end := pairValueEnd(value, s, quote)
		if end > s && !rej.overlaps(s, end) {
			v := value[s:end]
			if c := e.genericValue(v, ctx); c != 0 && !e.allowed(v) {
				dst = append(dst, Finding{Rule: e.generic, Start: s, End: end, Confidence: c})
			}
		}
		i = max(end-1, k)
	}
	return dst
}

// pairKey returns where the key of the separator at value[i] begins: the
// word right before it, skipping spaces and a quote, when it is a secret
// name and not a path segment (arn:aws:secretsmanager:...:secret:name,
// a/b/token:x).
func pairKey(value string, i int) (k int, ok bool) {
	k = i
	for k > 0 && (value[k-1] == ' ' || value[k-1] == '\t') {
		k--
	}
	if k > 0 && (value[k-1] == '"' || value[k-1] == '\'') {
		k--
	}
	ke := k
	for k > 0 && ke-k < 64 && (isAlnum(value[k-1]) || value[k-1] == '_' || value[k-1] == '-' || value[k-1] == '.') {
		k--
	}
	if k == ke || !secretName(value[k:ke]) {
		return k, false
	}
	if value[i] == ':' && k > 0 && (value[k-1] == ':' || value[k-1] == '/') {
		return k, false
	}
	return k, true
}

// pairValueStart returns where the value after the separator at value[i]
// (whose key begins at k) begins, and its opening quote: spaces, a quote,
// := and ${X:-...}'s dash, and an Authorization scheme are skipped. It is
// not ok for "password= dbname=app": an empty value, then the next key.
func pairValueStart(value string, i, k int) (s int, quote byte, ok bool) {
	c := value[i]
	s = i + 1
	if c == ':' && s < len(value) && value[s] == '=' { // password := "..."
		s++
	}
	if c == ':' && k >= 2 && value[k-2:k] == "${" && s < len(value) && value[s] == '-' { // ${PGPASSWORD:-default}
		s++
	}
	for s < len(value) && (value[s] == ' ' || value[s] == '\t') {
		s++
	}
	if s < len(value) && (value[s] == '"' || value[s] == '\'' || value[s] == '`') {
		quote = value[s]
		s++
	} else if c == '=' && s > i+1 && nextIsPair(value[s:]) {
		return s, 0, false
	}
	// Authorization: Bearer <token>
	for _, p := range [...]string{"bearer ", "token "} {
		if len(value)-s > len(p) && strings.EqualFold(value[s:s+len(p)], p) {
			s += len(p)
			break
		}
	}
	return s, quote, true
}

// pairValueEnd returns where a pair's value that begins at s ends: at its
// closing quote (or the line's end), or unquoted at a delimiter.
func pairValueEnd(value string, s int, quote byte) int {
	end := s
	for end < len(value) && end-s <= genericMaxLen {
		b := value[end]
		if quote != 0 {
			if b == quote || b == '\n' {
				break
			}
		} else if b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == ';' || b == ',' || b == '&' ||
			b == '"' || b == '\'' || b == '}' || b == ']' || b == ')' {
			break
		}
		end++
	}
	return end
}

// fallbackLiteral finds, in value[s:end], the literal default of an
// expression that reads a variable and falls back to a constant:
// process.env.X || "lit", cfg.X ?? 'lit', x or "lit", x ?: "lit",
// os.getenv("X", "lit"), os.environ.get("X", "lit"), ENV.fetch("X", "lit"),
// and the shell's ${X:-lit} and ${X:=lit} (Spring's ${X:lit} too). It
// returns the literal's bounds without its quotes. It does not allocate.
func fallbackLiteral(v string, s, end int) (int, int, bool) {
	if end-s < 4 {
		return 0, 0, false
	}
	if v[s] == '$' && v[s+1] == '{' && v[end-1] == '}' {
		return shellDefault(v, s+2, end-1)
	}
	// The literal last: trim the call's ) and a trailing , or ;.
	e := end
	for e > s && (v[e-1] == ')' || v[e-1] == ',' || v[e-1] == ';' || v[e-1] == ' ') {
		e--
	}
	if e-s < 3 {
		return 0, 0, false
	}
	q := v[e-1]
	if q != '"' && q != '\'' && q != '`' {
		return 0, 0, false
	}
	qs := strings.LastIndexByte(v[s:e-1], q)
	if qs < 0 {
		return 0, 0, false
	}
	qs += s
	before := strings.TrimRight(v[s:qs], " ")
	switch {
	case strings.HasSuffix(before, "||"), strings.HasSuffix(before, "??"), strings.HasSuffix(before, "?:"),
		strings.HasSuffix(before, " or"):
	case strings.HasSuffix(before, ",") && defaultCall(before):
	default:
		return 0, 0, false
	}
	if len(before) < 4 || qs+1 >= e-1 {
		return 0, 0, false
	}
	return qs + 1, e - 1, true
}

// defaultCall reports whether expr starts with a call that reads a
// variable with a default as its last argument: getenv, get, fetch,
// getOrDefault, env.
func defaultCall(expr string) bool {
	p := strings.IndexByte(expr, '(')
	if p <= 0 {
		return false
	}
	name := expr[:p]
	if i := strings.LastIndexAny(name, ". "); i >= 0 {
		name = name[i+1:]
	}
	for _, f := range [...]string{"getenv", "get", "fetch", "getordefault", "env", "getvalue"} {
		if strings.EqualFold(name, f) {
			return true
		}
	}
	return false
}

// shellDefault reads the inside of ${NAME:-lit}, ${NAME:=lit} or ${NAME:lit}
// (v[s:e], between the braces) and returns lit's bounds; ${NAME:?msg} and
// ${NAME:+alt} have none.
func shellDefault(v string, s, e int) (int, int, bool) {
	i := s
	for i < e && (isAlnum(v[i]) || v[i] == '_' || v[i] == '.') {
		i++
	}
	if i == s || i >= e || v[i] != ':' {
		return 0, 0, false
	}
	i++
	if i < e && (v[i] == '-' || v[i] == '=') {
		i++
	} else if i < e && (v[i] == '?' || v[i] == '+') {
		return 0, 0, false
	}
	if i >= e {
		return 0, 0, false
	}
	return i, e, true
}
