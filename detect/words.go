package detect

import "strings"

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || isDigit(c) }

// isWordLower is a lowercase letter for word splitting: non-ASCII bytes
// (letters of other scripts) stay inside words.
func isWordLower(c byte) bool { return isLower(c) || c >= 0x80 }

// nextWord returns the bounds of the first word of s at or after i, or
// (len(s), len(s)) when there is none. Words are runs of letters and digits,
// split at case changes (dbPassword -> db|Password, DBPassword -> DB|Password,
// APIKey -> API|Key) and between letters and digits (oauth2 -> oauth|2).
// Anything else ('_', '-', '.', ' ', '/') separates words.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) && !isAlnum(s[i]) && s[i] < 0x80 {
		i++
	}
	if i >= len(s) {
		return len(s), len(s)
	}
	start = i
	c := s[i]
	i++
	switch {
	case isDigit(c):
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	case isWordLower(c):
		for i < len(s) && isWordLower(s[i]) {
			i++
		}
	default: // upper
		if i < len(s) && isWordLower(s[i]) {
			for i < len(s) && isWordLower(s[i]) {
				i++
			}
			break
		}
		for i < len(s) && isUpper(s[i]) {
			i++
		}
		// "APIKey": the last upper letter starts the next word.
		if i < len(s) && isWordLower(s[i]) && i-start > 1 {
			i--
		}
	}
	return start, i
}

// SplitWords splits an identifier, environment variable, header or config key
// into lowercase words: "DBPassword" -> [db password], "APIKey" -> [api key],
// "AZURE_CLIENT_SECRET" -> [azure client secret], "x-api-key" -> [x api key],
// "oauth2Token" -> [oauth 2 token].
func SplitWords(name string) []string {
	var words []string
	for i := 0; ; {
		s, e := nextWord(name, i)
		if s == e {
			return words
		}
		words = append(words, strings.ToLower(name[s:e]))
		i = e
	}
}

// span is a word's bounds within a name.
type span struct{ s, e int }

// wordsOf fills buf with the last len(buf) words of name and returns how many.
func wordsOf(name string, buf []span) int {
	n := 0
	for i := 0; ; {
		s, e := nextWord(name, i)
		if s == e {
			break
		}
		if n == len(buf) {
			copy(buf, buf[1:])
			n--
		}
		buf[n] = span{s, e}
		n++
		i = e
	}
	return n
}

// hasWordSeq reports whether the words seq (lowercase) occur one after
// another among the words of name, ignoring case. It does not allocate.
func hasWordSeq(name string, seq ...string) bool {
	k := 0
	for i := 0; ; {
		s, e := nextWord(name, i)
		if s == e {
			return false
		}
		w := name[s:e]
		switch {
		case strings.EqualFold(w, seq[k]):
			k++
		case k > 0 && strings.EqualFold(w, seq[0]):
			k = 1
		default:
			k = 0
		}
		if k == len(seq) {
			return true
		}
		i = e
	}
}

// alnumOr reports whether every byte of s is an ASCII letter or digit or
// one of the bytes of extra.
func alnumOr(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// containsAny reports whether one of subs is in s.
func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// hasPrefixAny reports whether s starts with one of prefixes.
func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// eqAny reports whether w equals, ignoring ASCII case, one of the lowercase words.
func eqAny(w string, words []string) bool {
	if w == "" {
		return false
	}
	c := lowerByte(w[0])
	for _, x := range words {
		if len(x) == len(w) && x[0] == c && strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// hasSuffixFold reports whether w ends with the lowercase suffix, ignoring ASCII case.
func hasSuffixFold(w, suffix string) bool {
	return len(w) >= len(suffix) && strings.EqualFold(w[len(w)-len(suffix):], suffix)
}

var (
	// Trailing words that do not change what a name holds: tokenStr, passwordValue.
	neutralTail = []string{"value", "val", "str", "string", "raw", "bytes", "plain", "plaintext",
		"literal", "hex", "b", "const", "var", "s", "pem"}
	// Head words that, alone, say the name holds a secret.
	secretHeads = []string{"password", "passwd", "passwords", "pwd", "pass", "passphrase", "pw",
		"secret", "token", "credential", "credentials", "creds", "cred", "apikey", "apitoken",
		"authorization", "privatekey", "secretkey", "accesskey", "signingkey", "authkey", "masterkey",
		"accountkey", "sharedkey", "clientsecret", "accesstoken", "refreshtoken", "authtoken",
		"bearertoken", "sastoken", "psk", "bearer"}
	// Suffixes that make a run-together lowercase word a secret name: dbpassword, githubtoken.
	secretSuffixes = []string{"password", "passwd", "secret", "token", "apikey", "secretkey",
		"privatekey", "accesskey", "signingkey", "credential", "credentials"}
	// Words before "key" that make it a secret key: api key, access key, private key.
	keyQualifiers = []string{"api", "access", "secret", "private", "signing", "sign", "auth", "encryption",
		"encrypt", "master", "account", "client", "shared", "subscription", "app", "application",
		"sas", "storage", "hmac", "jwt", "session", "webhook", "admin", "primary", "secondary",
		"cosmos", "crypto", "cipher", "aes", "decryption", "license", "x", "priv", "crypt", "consumer"}
	// Key algorithms that may stand between private and key.
	keyAlgorithms = []string{"ssh", "rsa", "dsa", "ecdsa", "ec", "ed25519", "pgp", "gpg", "tls", "ssl", "x509"}
	// Words that make an algorithm's key the private half.
	privateWords = []string{"private", "priv", "secret"}
	// Words before "pat" that make it a personal access token.
	patOwners = []string{"github", "gh", "ado", "azdo", "devops", "gitlab", "personal", "access", "git", "vsts", "azure"}
	// Words before "token" that make it a non-secret token: nextPageToken, csrfToken, maxTokens.
	tokenNonSecret = []string{"page", "next", "continuation", "csrf", "xsrf", "cancel", "cancellation",
		"sync", "resume", "pagination", "max", "min", "num", "count", "eof", "lex", "parse", "last",
		"first", "end", "start", "sentinel", "stop", "special", "prev", "previous", "input", "output"}
	// Words right before the head that negate it: hashedPassword, invalidToken, isSecret.
	negatingWords = []string{"hashed", "hash", "encrypted", "masked", "redacted", "obfuscated", "min",
		"max", "len", "num", "is", "has", "no", "invalid", "wrong", "missing", "empty", "bad", "check",
		"validate", "forgot", "show", "hide", "expired", "require", "required", "use", "allow", "enable",
		"disable", "salted", "bcrypt", "sha", "md", "public", "publishable"}
)

// nameAC finds the letters every secret or weak name contains, so that most
// names are rejected in one short pass.
var nameAC = func() *automaton {
	k := []string{"pass", "pw", "secret", "token", "cred", "key", "auth", "pat", "pin", "psk", "bearer", "signing"}
	return newAutomaton(k, make([]int, len(k)))
}()

// weakSecretName reports whether a one-word name may hold a secret but often
// does not (key, Key, auth): the generic rule then wants a generated value.
func weakSecretName(name string) bool {
	if name == "" || !nameAC.any(name) {
		return false
	}
	var buf [4]span
	n := wordsOf(name, buf[:])
	if n == 0 {
		return false
	}
	head := name[buf[n-1].s:buf[n-1].e]
	return n == 1 && eqAny(head, weakHeads)
}

var weakHeads = []string{"key", "auth", "pin", "passcode"}

// nonSecretKeyWords in a map key say that the value is not the secret even
// in a map of secrets: credentials{"client_id": ..., "region": ...}.
var nonSecretKeyWords = []string{"id", "ids", "name", "names", "user", "username", "login", "email", "host",
	"hostname", "url", "uri", "endpoint", "region", "location", "type", "kind", "port", "scope", "scopes",
	"tenant", "issuer", "audience", "path", "file", "dir", "version", "expiry", "expires", "created",
	"description", "label", "account", "subscription", "project", "env", "environment", "algorithm", "alg"}

// secretsByKey reports whether ctx is a value of a map whose holder's name
// says it maps keys to secrets (passwords, apiKeys, credentials) and whose
// key says nothing else: passwords{"alice": v}, but not
// credentials{"client_id": v}.
func secretsByKey(ctx Context) bool {
	if ctx.Kind != KindMapKey || ctx.Owner == "" || !secretName(ctx.Owner) {
		return false
	}
	for i := 0; i < len(ctx.Name); {
		s, e := nextWord(ctx.Name, i)
		if s == e {
			break
		}
		if eqAny(ctx.Name[s:e], nonSecretKeyWords) {
			return false
		}
		i = e
	}
	return true
}

// publicOwnerWords say that what a holder's "key" field holds is public or
// derived: PubKey{Key: v}, Certificate{Key: v}, CacheEntry{Key: v}.
var publicOwnerWords = []string{"public", "pub", "cert", "certs", "certificate", "certificates",
	"fingerprint", "thumbprint", "hash", "hashes", "checksum", "digest", "etag", "cache", "cached",
	"idempotency", "partition", "sort", "row", "foreign", "lookup", "verification", "verify", "verifier"}

// publicOwner reports whether a word of the owner name says it holds a
// public or derived value. It does not allocate.
func publicOwner(owner string) bool {
	return wordIn(owner, publicOwnerWords)
}

// wordIn reports whether a word of s is, ignoring ASCII case, one of the
// lowercase words. It does not allocate.
func wordIn(s string, words []string) bool {
	for i := 0; i < len(s); {
		ws, we := nextWord(s, i)
		if ws == we {
			return false
		}
		if eqAny(s[ws:we], words) {
			return true
		}
		i = we
	}
	return false
}

// secretName reports whether a name (identifier, key, header, env var) says
// that it holds a secret. It looks at the head word (the last one, after
// dropping neutral tails like Str or Value and digits), so passwordField,
// tokenURL and secretName are not secret names and bypass or compass never
// match "pass". It does not allocate.
func secretName(name string) bool {
	if name == "" || !nameAC.any(name) {
		return false
	}
	var buf [12]span
	n := wordsOf(name, buf[:])
	digits := false
	for n > 0 {
		w := name[buf[n-1].s:buf[n-1].e]
		if isDigit(w[0]) {
			n--
			digits = true
			continue
		}
		// tokenBase64: "base" is neutral only before digits.
		if n > 1 && (eqAny(w, neutralTail) || (digits && strings.EqualFold(w, "base")) || keyBase(name, buf[:n])) {
			n--
			continue
		}
		break
	}
	if n == 0 {
		return false
	}
	head := name[buf[n-1].s:buf[n-1].e]
	prev := ""
	if n > 1 {
		prev = name[buf[n-2].s:buf[n-2].e]
	}
	secret := false
	switch {
	case strings.EqualFold(head, "key") || strings.EqualFold(head, "keys"):
		secret = prev != "" && eqAny(prev, keyQualifiers)
		// private_ssh_key, privateRSAKey: a key algorithm between the
		// qualifier and "key" (public_ssh_key and ssh_key stay names).
		if !secret && n > 2 && eqAny(prev, keyAlgorithms) && eqAny(name[buf[n-3].s:buf[n-3].e], privateWords) {
			secret, n = true, n-1
		}
		if secret && n > 2 {
			prev = name[buf[n-3].s:buf[n-3].e]
		} else {
			prev = ""
		}
	case strings.EqualFold(head, "token") || strings.EqualFold(head, "tokens"):
		secret = !eqAny(prev, tokenNonSecret) && !strings.EqualFold(head, "tokens")
	case strings.EqualFold(head, "signing"):
		secret = jwtSigning(prev) // JWTSigning: the JWT signing key
	case strings.EqualFold(head, "pat"):
		// digestPat is a pattern; githubPAT and adoPat are tokens.
		secret = eqAny(prev, patOwners)
	case eqAny(head, secretHeads):
		secret = true
	default:
		// Run-together lowercase or upper words: dbpassword, GITHUBTOKEN.
		for _, suf := range secretSuffixes {
			if len(head) > len(suf) && lowerByte(head[len(head)-1]) == suf[len(suf)-1] && hasSuffixFold(head, suf) {
				pre := head[:len(head)-len(suf)]
				secret = !(suf == "token" && eqAny(pre, tokenNonSecret)) && !eqAny(pre, negatingWords)
				break
			}
		}
	}
	if !secret {
		return false
	}
	if prev != "" && eqAny(prev, negatingWords) {
		return false
	}
	return true
}
