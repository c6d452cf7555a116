package detect

import (
	"encoding/base64"
	"hash/crc32"
	"net/url"
	"strings"
)

const base62Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// base62CRC returns the 6-character base62 CRC32 checksum GitHub and npm
// append to their tokens.
func base62CRC(data string) string {
	n := crc32.ChecksumIEEE([]byte(data))
	var out [6]byte
	for i := 5; i >= 0; i-- {
		out[i] = base62Alphabet[n%62]
		n /= 62
	}
	return string(out[:])
}

// validCRCToken checks a prefix_ + 30 random + 6 checksum token (GitHub
// classic, npm): the last six characters are the base62 CRC32 of the random part.
func validCRCToken(tok string) bool {
	i := strings.IndexByte(tok, '_')
	if i < 0 || len(tok)-i-1 != 36 {
		return false
	}
	body := tok[i+1:]
	return base62CRC(body[:30]) == body[30:]
}

// decodeB64 decodes standard or URL base64, padded or not.
func decodeB64(s string) ([]byte, bool) {
	s = strings.TrimRight(s, "=")
	if strings.ContainsAny(s, "-_") {
		b, err := base64.RawURLEncoding.DecodeString(s)
		return b, err == nil
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	return b, err == nil
}

// validJWT checks that the header decodes to a JSON object naming an algorithm.
func validJWT(tok string) bool {
	dot := strings.IndexByte(tok, '.')
	if dot < 0 {
		return false
	}
	h, ok := decodeB64(tok[:dot])
	if !ok || len(h) < 2 || h[0] != '{' {
		return false
	}
	hs := string(h)
	if !strings.Contains(hs, `"alg"`) {
		return false
	}
	// The payload is JSON claims, or compressed ones when the header says
	// "zip"; a JWS over other bytes (a signed test message) is no token.
	if !strings.HasPrefix(tok[dot+1:], "eyJ") && !strings.Contains(hs, `"zip"`) {
		return false
	}
	return !strings.Contains(strings.ReplaceAll(hs, " ", ""), `"alg":"none"`)
}

// basicUserPassword decodes a Basic credential to its user and password
// (percent-decoded, as OAuth clients encode them); ok is false unless it
// decodes to printable user:password with a password.
func basicUserPassword(cred string) (user, password string, ok bool) {
	b, err := base64.StdEncoding.DecodeString(cred)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(cred, "=")); err != nil {
			return "", "", false
		}
	}
	colon := -1
	for i, c := range b {
		if c < 0x20 || c >= 0x7f {
			return "", "", false
		}
		if c == ':' && colon < 0 {
			colon = i
		}
	}
	if colon < 0 || colon == len(b)-1 {
		return "", "", false
	}
	user, password = string(b[:colon]), string(b[colon+1:])
	if d, err := url.QueryUnescape(password); err == nil {
		password = d
	}
	return user, password, true
}

// validBasicAuth checks that a Basic credential decodes to printable
// user:password whose password is not a placeholder, a name standing in for
// one (CLIENT_SECRET, myPassword) or the user again.
func validBasicAuth(cred string) bool {
	user, pw, ok := basicUserPassword(cred)
	if !ok {
		return false
	}
	return pw != user && !IsPlaceholder(pw) && !isNamedPlaceholder(pw) && !isEnvName(strings.TrimRight(pw, "?"))
}

// basicPassword returns the password in a Basic credential: the part a
// person typed, which the test-fixture heuristics judge.
func basicPassword(cred string) string {
	_, pw, _ := basicUserPassword(cred)
	return pw
}

// privateKeyOK checks a PEM block's body (pemBodyOK); a JSON Web Key's
// private member is checked by the rule's Confirm.
func privateKeyOK(secret string) bool {
	if strings.HasPrefix(secret, "-----") {
		return pemBodyOK(secret)
	}
	return true
}

// pemBodyOK checks that a PEM block has a real base64 body.
func pemBodyOK(block string) bool {
	n := 0
	for i := 0; i < len(block); i++ {
		c := block[i]
		if isAlnum(c) || c == '+' || c == '/' {
			n++
		}
	}
	return n >= 100
}
