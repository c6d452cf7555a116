package detect

import (
	"encoding/base64"
	"testing"
	"time"
)

// TestExpired: exp before now, in seconds, is expired; no exp, a later
// one or claims that are not JSON are not.
func TestExpired(t *testing.T) {
	enc := base64.RawURLEncoding.EncodeToString
	now := time.Unix(1700000000, 0)
	for _, tc := range []struct {
		claims string
		want   bool
	}{
		{`{"exp":1637195112}`, true}, {`{"exp":1.637195112e9}`, true},
		{`{"exp":1900000000}`, false}, {`{"sub":"x"}`, false}, {`{"exp":"soon"}`, false}, {`not json`, false}, {`{"exp":0}`, false},
	} {
		if got := expired(enc([]byte(tc.claims)), now); got != tc.want {
			t.Errorf("expired(%s) = %v, want %v", tc.claims, got, tc.want)
		}
	}
}

// FuzzConfirmJWT: any three-part text is judged without a panic, and a
// token signed with a sample key is always dropped.
func FuzzConfirmJWT(f *testing.F) {
	f.Add(`{"alg":"HS256"}`, `{"exp":1}`, "sig")
	f.Add(`{"alg":"RS256","typ":"JWT"}`, `{"sub":"1234567890"}`, "")
	f.Fuzz(func(t *testing.T, header, claims, sig string) {
		enc := base64.RawURLEncoding.EncodeToString
		tok := enc([]byte(header)) + "." + enc([]byte(claims)) + "." + sig
		_ = confirmJWT(Match{Value: tok, End: len(tok), Context: Context{Test: true}})
		signed := signJWT(`{"alg":"HS256"}`, claims, jwtSampleKeys[1])
		if c := confirmJWT(Match{Value: signed, End: len(signed)}); c != 0 {
			t.Errorf("a token signed with a sample key kept confidence %v", c)
		}
	})
}
