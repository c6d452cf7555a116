package detect

import (
	"encoding/base64"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// fakePEM builds a PEM block of the given type whose generated body has
// the structure the type calls for (pemStructured): a DER SEQUENCE, or an
// OpenSSH key's magic.
func fakePEM(typ, seed string) string {
	body := fakeDER(seed, 592)
	if typ == "OPENSSH PRIVATE KEY" {
		body = append([]byte("openssh-key-v1\x00"), fakeBytes(seed, 577)...)
	}
	return "-----BEGIN " + typ + "-----\n" + pemLines(body) + "-----END " + typ + "-----\n"
}

// corruptPEM is a block of the type with a body that is base64 but no key
// structure: a key made up or edited by hand.
func corruptPEM(typ, seed string) string {
	var b strings.Builder
	b.WriteString("-----BEGIN " + typ + "-----\n")
	for i := 0; i < 12; i++ {
		b.WriteString(Fake(seed+string(rune('a'+i)), Base64Chars, 64))
		b.WriteByte('\n')
	}
	b.WriteString(Fake(seed+"end", Base64Chars, 20) + "==\n")
	b.WriteString("-----END " + typ + "-----\n")
	return b.String()
}

func cryptoRules() []*Rule {
	enc := base64.RawURLEncoding.EncodeToString
	jwt := enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"sub":"kvlint-fake-user","iat":1700000000,"exp":1900000000}`)) + "." + Fake("jwt-sig", Base64URLChars, 43)
	jwtHead := jwt[:strings.LastIndexByte(jwt, '.')]
	expiredJWT := enc([]byte(`{"alg":"RS256","typ":"JWT","kid":"kvlint-fake"}`)) + "." +
		enc([]byte(`{"aud":"kvlint-fake-app","iss":"https://login.example.test/","exp":1637195112,"iat":1637191212}`)) + "." + Fake("jwt-expired-sig", Base64URLChars, 86)
	std := base64.URLEncoding.EncodeToString
	padded := std([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + std([]byte(`{"foo":"paddedbar"}`)) + "." + Fake("jwt-pad", Base64URLChars, 86) + "=="
	compressed := enc([]byte(`{"alg":"RS256","zip":"DEF"}`)) + "." + Fake("jwt-zip", Base64URLChars, 80) + "." + Fake("jwt-zip-sig", Base64URLChars, 86)
	jwtNone := enc([]byte(`{"alg":"none"}`)) + "." + enc([]byte(`{"sub":"kvlint-fake-user"}`)) + "." + Fake("jwt-none", Base64URLChars, 20)
	notJWT := enc([]byte(`{"kind":"cursor","v":1}`)) + "." + enc([]byte(`{"page":2,"size":50}`)) + "." + Fake("jwt-not", Base64URLChars, 20)
	rsa := fakePEM("RSA PRIVATE KEY", "pem-rsa")
	pkcs8 := fakePEM("PRIVATE KEY", "pem-pkcs8")
	ossh := fakePEM("OPENSSH PRIVATE KEY", "pem-ssh")
	escaped := strings.ReplaceAll(pkcs8, "\n", `\n`)
	jwkX, jwkY, jwkD := Fake("jwk-x", Base64URLChars, 43), Fake("jwk-y", Base64URLChars, 43), Fake("jwk-d", Base64URLChars, 43)
	return []*Rule{
		{
			Noun: "json web token",
			Info: info("KV124", "jwt",
				"a JSON Web Token is hardcoded",
				"Reports JSON Web Tokens: three base64url parts whose header decodes to JSON naming a "+
					"signing algorithm (unsigned alg=none tokens are not reported, nor jwt.io's sample, whose HS256 signature "+
					"verifies with the key the page publishes, nor, in tests, a token whose exp claim is past).\n\n"+
					"A bearer token is a credential until it expires, and hardcoded ones often never do.",
				`req.Header.Set("Authorization", "Bearer eyJhbGciOi...")`,
				`tok, err := cred.GetToken(ctx, policy.TokenRequestOptions{Scopes: scopes})
req.Header.Set("Authorization", "Bearer "+tok.Token)`,
				rules.SeverityWarning, 6.5, "jwt"),
			Keywords: []string{"eyj"},
			// Parts may keep their base64 padding, and a compressed
			// ("zip":"DEF") payload is not JSON: only the header must be.
			Pattern:      `(?:^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}={0,2}\.[A-Za-z0-9_-]{8,}={0,2}\.[A-Za-z0-9_-]{16,}={0,2})(?:[^A-Za-z0-9_.=-]|$)`,
			windowBefore: 4, windowAfter: 4096,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Validate:    validJWT,
			Confirm:     confirmJWT,
			Confidence:  Medium,
			TruePositives: []Sample{
				tp(jwt),
				tpIn("Bearer "+jwt, jwt),
				tp(padded),
				tp(compressed),
				tpCtx(jwt, ctxName("tokenString")),
				// Signed with a key no one published, and expired outside a test.
				tp(signJWT(`{"alg":"HS256","typ":"JWT"}`, `{"sub":"kvlint-fake-user","iat":1516239022}`, Fake("jwt-key", Base64URLChars, 32))),
				tp(expiredJWT),
				// In a test, a token that has not expired.
				tpCtx(jwt, Context{Kind: KindAssign, Name: "token", Test: true}),
			},
			FalsePositives: []Sample{
				fp(jwtNone),
				fp(notJWT),
				fp("eyJhbGciOiJIUzI1NiJ9"),
				// A mock signature or none at all: no rule reports these,
				// whatever name holds them.
				fpCtx(jwtHead+".signature", ctxName("mockJWTToken")),
				fpCtx(jwtHead+".", ctxName("tokenString")),
				fpCtx(jwtNone, ctxName("accessToken")),
				// jwt.io's sample, signed with the key the page publishes, and
				// an expired mock ID token in a test.
				fp(signJWT(`{"alg":"HS256","typ":"JWT"}`, `{"sub":"1234567890","name":"John Doe","iat":1516239022}`, jwtSampleKeys[0])),
				fpCtx(expiredJWT, Context{Kind: KindAssign, Name: "mockIDT", Test: true}),
				// A JWS over a message rather than claims: a signature test vector.
				fp(enc([]byte(`{"alg":"RS256"}`)) + "." + enc([]byte("Lorem ipsum dolor sit amet")) + "." + Fake("jws-sig", Base64URLChars, 86)),
			},
		},
		{
			Info: info("KV125", "private-key",
				"a private key is hardcoded",
				"Reports PEM private keys (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted PKCS#8, PGP) with a body, "+
					"also inside JSON with escaped newlines, and private JSON Web Keys (a \"d\" member, or \"k\" of a "+
					"symmetric key). Certificates and public keys are not reported.\n\n"+
					"A private key signs or decrypts as its owner; it cannot be revoked from the source history.",
				`key, err := ssh.ParsePrivateKey([]byte("-----BEGIN OPENSSH PRIVATE KEY-----\n..."))`,
				`// Keep keys in Azure Key Vault (as keys or certificates) and sign with azkeys, or load from a secret at run time.`,
				rules.SeverityError, 9.0, "crypto"),
			// A JSON Web Key is private when it has "d" (RSA, EC, OKP) or is a
			// symmetric "oct" key with "k": {"kty":"EC","crv":"P-256","d":"..."}.
			Keywords: []string{"private key-----", "private key block-----", `"kty"`},
			Pattern: `(-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s\\:,.-]{64,}?(?:-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|\z))` +
				`|"d"\s*:\s*"([A-Za-z0-9_-]{40,})"|"k"\s*:\s*"([A-Za-z0-9_-]{22,})"`,
			SecretGroup:  -1,
			windowBefore: 2048, windowAfter: 65536,
			MinEntropy: 3.5, // a 128-bit "k" is 22 characters
			Validate:   privateKeyOK,
			Confirm: func(m Match) Confidence {
				if strings.HasPrefix(m.Secret(), "-----") {
					if pemStructured(m.Secret()) {
						return High
					}
					return Medium // base64, but not the structure its header names
				}
				if m.Near(`"kty"`, 4096) {
					return High
				}
				return 0 // a "d" or "k" outside a JSON Web Key
			},
			TruePositives: []Sample{
				tp(strings.TrimSuffix(rsa, "\n")),
				tpIn("key := `"+pkcs8+"`", strings.TrimSuffix(pkcs8, "\n")),
				tp(strings.TrimSuffix(ossh, "\n")),
				tpIn(`{"private_key": "`+escaped+`"}`, strings.TrimSuffix(escaped, `\n`)),
				tpIn(`{"kty":"EC","crv":"P-256","x":"`+jwkX+`","y":"`+jwkY+`","d":"`+jwkD+`"}`, jwkD),
				tpIn("{\n  \"d\": \""+jwkD+"\",\n  \"kty\": \"OKP\",\n  \"crv\": \"Ed25519\"\n}", jwkD),
				tpIn(`{"kty":"oct","k":"`+jwkD+`","alg":"HS256"}`, jwkD),
				tpIn(`{"kty":"oct","alg":"A128KW","k":"`+jwkD[:22]+`"}`, jwkD[:22]), // a 128-bit key
			},
			FalsePositives: []Sample{
				fp(fakePEM("CERTIFICATE", "pem-cert")),
				fp(fakePEM("PUBLIC KEY", "pem-pub")),
				fp(fakePEM("RSA PUBLIC KEY", "pem-rsapub")),
				fp("-----BEGIN RSA PRIVATE KEY-----"),
				fp("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"),
				// A public JSON Web Key, a placeholder "d", and "d" outside a key.
				fp(`{"kty":"EC","crv":"P-256","x":"` + jwkX + `","y":"` + jwkY + `"}`),
				fp(`{"kty":"RSA","d":"XXXX"}`),
				fp(`{"id":"` + jwkD + `","d":"` + jwkD + `"}`),
			},
		},
	}
}
