package detect

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

// jwtSampleKeys are the HMAC keys that jwt.io's debugger signs its sample
// token with, published on the page: a token whose HS256 signature
// verifies with one is a copy of the documentation's sample, not a
// credential of anything.
var jwtSampleKeys = []string{"your-256-bit-secret", "a-string-secret-at-least-256-bits-long"}

// confirmJWT keeps KV124's confidence for a token unless its structure
// says it authenticates nothing: signed with a published sample key (the
// jwt.io token), or, in a test, expired (a mock ID token of 2021).
// Outside tests an expired token is still reported: its claims may say
// what the live one looks like, and its signing key is the same.
func confirmJWT(m Match) Confidence {
	tok := m.Secret()
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return Medium
	}
	if signedWithSampleKey(parts) {
		return 0
	}
	if m.Context.Test && expired(parts[1], time.Now()) {
		return 0
	}
	return Medium
}

// signedWithSampleKey reports whether the HS256 signature of the token's
// parts verifies with one of jwtSampleKeys.
func signedWithSampleKey(parts []string) bool {
	h, ok := decodeB64(parts[0])
	if !ok {
		return false
	}
	var head struct {
		Alg string `json:"alg"`
	}
	if json.Unmarshal(h, &head) != nil || head.Alg != "HS256" {
		return false
	}
	sig, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[2], "="))
	if err != nil {
		return false
	}
	for _, k := range jwtSampleKeys {
		mac := hmac.New(sha256.New, []byte(k))
		mac.Write([]byte(parts[0] + "." + parts[1]))
		if hmac.Equal(mac.Sum(nil), sig) {
			return true
		}
	}
	return false
}

// expired reports whether the JSON claims encoded in payload have an exp
// (seconds since the epoch) before now.
func expired(payload string, now time.Time) bool {
	p, ok := decodeB64(payload)
	if !ok {
		return false
	}
	var claims struct {
		Exp *json.Number `json:"exp"`
	}
	if json.Unmarshal(p, &claims) != nil || claims.Exp == nil {
		return false
	}
	exp, err := claims.Exp.Float64()
	return err == nil && exp > 0 && time.Unix(int64(exp), 0).Before(now)
}

// signJWT returns a token of header and claims signed HS256 with key, for
// the rule's samples.
func signJWT(header, claims, key string) string {
	enc := base64.RawURLEncoding.EncodeToString
	in := enc([]byte(header)) + "." + enc([]byte(claims))
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(in))
	return in + "." + enc(mac.Sum(nil))
}
