package detect

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"unicode/utf8"
)

// Redact returns a preview of a secret that is safe to print: at most four
// leading characters (never more than a quarter of the secret, so secrets
// under eight bytes show at most one and under four show none), its length
// in characters and the first eight hex digits of its SHA-256, such as
// "ghp_…(40 chars, sha256:1a2b3c4d)". No trailing characters are shown.
// Use Hash for a full, stable fingerprint.
func Redact(secret string) string {
	keep := len(secret) / 4
	if keep > 4 {
		keep = 4
	}
	// Never cut a UTF-8 sequence; never show a non-printable byte.
	for keep > 0 && !utf8.ValidString(secret[:keep]) {
		keep--
	}
	for i := 0; i < keep; i++ {
		if c := secret[i]; c < 0x20 || c == 0x7f {
			keep = i
			break
		}
	}
	sum := sha256.Sum256([]byte(secret))
	n := utf8.RuneCountInString(secret)
	b := make([]byte, 0, keep+48)
	b = append(b, secret[:keep]...)
	b = append(b, "…("...)
	b = strconv.AppendInt(b, int64(n), 10)
	if n == 1 {
		b = append(b, " char, sha256:"...)
	} else {
		b = append(b, " chars, sha256:"...)
	}
	b = hex.AppendEncode(b, sum[:4])
	b = append(b, ')')
	return string(b)
}

// Hash returns "sha256:" followed by the hex SHA-256 of the secret: a stable
// fingerprint for baselines and reports that does not reveal the value.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return "sha256:" + hex.EncodeToString(sum[:])
}
