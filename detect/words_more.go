package detect

import "strings"

// keyBase reports whether the last of the words spans of name is the
// "base" of secret_key_base (Rails, Phoenix): the secret key the framework
// derives its keys from. secret_key_base_path and keyBase are not.
func keyBase(name string, spans []span) bool {
	n := len(spans)
	if n < 3 || !strings.EqualFold(name[spans[n-1].s:spans[n-1].e], "base") {
		return false
	}
	return strings.EqualFold(name[spans[n-2].s:spans[n-2].e], "key") &&
		strings.EqualFold(name[spans[n-3].s:spans[n-3].e], "secret")
}

// jwtSigning reports whether the word before a head word "signing" makes
// the name a JWT signing key (JWTSigning, jwt_signing); signingMethod and
// requestSigning are not.
func jwtSigning(prev string) bool {
	return strings.EqualFold(prev, "jwt") || strings.EqualFold(prev, "jws")
}
