package secretlog

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// secretLast are words that, as the last word of a name, mean the value is a secret.
var secretLast = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "passphrase": true,
	"secret": true, "clientsecret": true, "token": true, "apikey": true,
	"accesskey": true, "privatekey": true, "secretkey": true, "accountkey": true,
	"connectionstring": true, "connstr": true, "sas": true,
}

// notSecretToken are words before "token" that make it a cursor, not a credential.
var notSecretToken = map[string]bool{
	"page": true, "next": true, "continuation": true, "cancel": true, "cancellation": true,
	"sync": true, "resume": true, "skip": true, "pagination": true, "paging": true,
	"request": true, "idempotency": true, // AWS ClientRequestToken, idempotency tokens
}

// keyQualifiers make "key" a secret when they come right before it (api key).
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "private": true, "secret": true, "account": true,
	"shared": true, "storage": true, "master": true, "signing": true, "encryption": true,
}

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

// secretName reports whether an identifier names a secret value, judged on
// the words of its head (split by detect.SplitWords, as the generic rule
// does, and cut at the first preposition): the last word must be a secret
// word (clientSecret, dbPassword, accessToken), or "key" after a qualifier
// (apiKey, storageAccountKey), or "string" after "connection". secretName,
// passwordFile, tokenURL and userWithMissingToken are not.
func secretName(name string) bool {
	w := headWords(name)
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if last == "token" && len(w) >= 2 && notSecretToken[w[len(w)-2]] {
		return false // nextPageToken, continuationToken
	}
	if secretLast[last] {
		return true
	}
	for _, suffix := range []string{"password", "passwd", "passphrase", "secret"} {
		if strings.HasSuffix(last, suffix) {
			return true // PGPASSWORD, appsecret
		}
	}
	if len(w) >= 2 {
		prev := w[len(w)-2]
		switch last {
		case "key":
			return keyQualifiers[prev]
		case "string", "str":
			return prev == "connection" || prev == "conn"
		}
	}
	return false
}
