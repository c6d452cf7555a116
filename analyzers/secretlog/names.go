package secretlog

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// requestTokenWords before "token" make it a request's idempotency token
// (AWS ClientRequestToken), not a credential. They are the only words kept
// here beside detect's vocabulary, whose tokenNonSecret list lacks them
// (detect/words.go is owned elsewhere; they belong there).
var requestTokenWords = map[string]bool{"request": true, "idempotency": true, "skip": true}

// prepositions end the head of a name: the words after one qualify the
// words before it (userWithMissingToken is a user, pathToToken a path,
// passwordForAdmin a password).
var prepositions = map[string]bool{
	"with": true, "without": true, "for": true, "of": true, "from": true,
	"to": true, "by": true, "per": true, "via": true,
}

// fixtureWords, as the first word of a name in a test file, say the value is
// made up by the test (expectedToken, wantPassword, fakeSecret).
var fixtureWords = map[string]bool{
	"expected": true, "expect": true, "want": true, "wanted": true, "fake": true,
	"mock": true, "dummy": true, "test": true, "sample": true, "example": true,
	"stub": true, "invalid": true, "wrong": true, "bad": true, "bogus": true,
}

// predicateWords, as the first word of a name, make it a yes/no question
// about a secret (hasToken, isPasswordSet), not the secret.
var predicateWords = map[string]bool{
	"has": true, "have": true, "is": true, "needs": true, "need": true, "missing": true,
	"no": true, "requires": true, "should": true, "can": true, "did": true, "was": true,
}

// messageWords, as the first word of a name, make it a text about a secret
// (errBadAPIKey = "could not get the API key: %w", promptPassword), not the
// secret.
var messageWords = map[string]bool{
	"err": true, "error": true, "errmsg": true, "msg": true, "message": true, "fmt": true,
	"format": true, "prompt": true, "label": true, "hint": true, "help": true, "usage": true,
	"desc": true, "description": true, "title": true, "tmpl": true, "template": true,
}

// headWords returns the words of name up to its first preposition (not
// counting a leading one), or none if the name is a predicate (hasToken).
func headWords(name string) []string {
	w := detect.SplitWords(name)
	if len(w) >= 2 && (predicateWords[w[0]] || messageWords[w[0]]) {
		return nil
	}
	for i := 1; i < len(w); i++ {
		if prepositions[w[i]] {
			return w[:i]
		}
	}
	return w
}

// fixtureName reports whether name, in a test file, names a value the test
// made up rather than a secret (expectedToken, fakePassword).
func fixtureName(name string) bool {
	w := detect.SplitWords(name)
	return len(w) >= 2 && fixtureWords[w[0]]
}

// secretName reports whether an identifier names a secret value: its head
// (the words before the first preposition, none for a predicate or a
// message) is a secret name in detect's vocabulary (clientSecret,
// dbPassword, accessToken, apiKey, storageAccountKey), or names a
// connection string, which carries a credential whatever it is called
// around it. secretName, passwordFile, tokenURL and userWithMissingToken
// are not.
func secretName(name string) bool {
	w := headWords(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if last == "token" && len(w) >= 2 && requestTokenWords[w[len(w)-2]] {
		return false // ClientRequestToken, idempotencyToken
	}
	if detect.SecretName(strings.Join(w, "_")) {
		return true
	}
	if last == "connectionstring" || last == "connstr" {
		return true
	}
	if len(w) >= 2 && (last == "string" || last == "str") {
		prev := w[len(w)-2]
		return prev == "connection" || prev == "conn"
	}
	return false
}
