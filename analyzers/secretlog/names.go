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
	"sync": true, "resume": true, "skip": true,
}

// keyQualifiers make "key" a secret when they come right before it (api key).
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "private": true, "secret": true, "account": true,
	"shared": true, "storage": true, "master": true, "signing": true, "encryption": true,
}

// secretName reports whether an identifier names a secret value, judged on
// its words (split by detect.SplitWords, as the generic rule does): the last word must be a secret word (clientSecret, dbPassword,
// accessToken), or "key" after a qualifier (apiKey, storageAccountKey), or
// "string" after "connection". secretName, passwordFile and tokenURL are not.
func secretName(name string) bool {
	w := detect.SplitWords(name)
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
