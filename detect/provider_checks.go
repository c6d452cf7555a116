package detect

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"strings"
)

// This file holds the checksums and format parsers of the provider rules
// (KV500-KV589): bech32 for age keys, Grafana's CRC32 suffix, the base64
// JSON payloads of Grafana, Sentry, 1Password and Mapbox tokens, and the
// base64 snowflake that starts a Discord bot token.

// providerContexts are the contexts in which the fakes of provider rules
// that need one (a value without a prefix of its own, such as an Okta key)
// are reported; the other fakes are reported in any context.
var providerContexts = map[string]Context{}

// providerChecksums are the provider rules whose format has a checksum:
// breaking it loses the high confidence.
var providerChecksums = map[string]bool{}

// bech32Charset is the bech32 data alphabet (BIP 173).
const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Polymod is the BIP 173 checksum polynomial over 5-bit values.
func bech32Polymod(values []byte) uint32 {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	chk := uint32(1)
	for _, v := range values {
		top := chk >> 25
		chk = (chk&0x1ffffff)<<5 ^ uint32(v)
		for i := 0; i < 5; i++ {
			if (top>>uint(i))&1 == 1 {
				chk ^= gen[i]
			}
		}
	}
	return chk
}

// bech32Expand returns the checksum input for human-readable part hrp
// followed by data: the high bits of hrp, a zero, its low bits, data.
func bech32Expand(hrp string, data []byte) []byte {
	out := make([]byte, 0, 2*len(hrp)+1+len(data)+6)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]>>5)
	}
	out = append(out, 0)
	for i := 0; i < len(hrp); i++ {
		out = append(out, hrp[i]&31)
	}
	return append(out, data...)
}

// decodeBech32 splits a bech32 string (one case throughout) at its last
// '1' into its lowercase human-readable part and its 5-bit data, checksum
// included; ok is false unless the checksum holds.
func decodeBech32(s string) (hrp string, data []byte, ok bool) {
	if s != strings.ToLower(s) && s != strings.ToUpper(s) {
		return "", nil, false
	}
	s = strings.ToLower(s)
	sep := strings.LastIndexByte(s, '1')
	if sep < 1 || len(s)-sep-1 < 6 {
		return "", nil, false
	}
	hrp = s[:sep]
	for i := 0; i < len(hrp); i++ {
		if hrp[i] < 33 || hrp[i] > 126 {
			return "", nil, false
		}
	}
	data = make([]byte, 0, len(s)-sep-1)
	for i := sep + 1; i < len(s); i++ {
		v := strings.IndexByte(bech32Charset, s[i])
		if v < 0 {
			return "", nil, false
		}
		data = append(data, byte(v))
	}
	if bech32Polymod(bech32Expand(hrp, data)) != 1 {
		return "", nil, false
	}
	return hrp, data[:len(data)-6], true
}

// encodeBech32 encodes 5-bit data under hrp with its checksum (lowercase).
func encodeBech32(hrp string, data []byte) string {
	values := append(bech32Expand(hrp, data), 0, 0, 0, 0, 0, 0)
	pm := bech32Polymod(values) ^ 1
	var b strings.Builder
	b.WriteString(hrp)
	b.WriteByte('1')
	for _, v := range data {
		b.WriteByte(bech32Charset[v&31])
	}
	for i := 0; i < 6; i++ {
		b.WriteByte(bech32Charset[(pm>>uint(5*(5-i)))&31])
	}
	return b.String()
}

// to5Bits regroups bytes into 5-bit values, padding the last one with zeros.
func to5Bits(b []byte) []byte {
	var out []byte
	acc, bits := uint32(0), 0
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out = append(out, byte(acc>>uint(bits))&31)
		}
	}
	if bits > 0 {
		out = append(out, byte(acc<<uint(5-bits))&31)
	}
	return out
}

// ageHRP is the human-readable part of an age X25519 identity.
const ageHRP = "age-secret-key-"

// validAgeKey checks an age identity: bech32 under age-secret-key- whose
// data holds the 32 bytes of an X25519 key (52 five-bit groups).
func validAgeKey(s string) bool {
	hrp, data, ok := decodeBech32(s)
	return ok && hrp == ageHRP && len(data) == 52
}

// fakeAgeKey returns a checksum-valid fake age identity derived from seed.
func fakeAgeKey(seed string) string {
	raw := []byte(Fake(seed, HexLower, 64))
	key := make([]byte, 32)
	for i := range key {
		key[i] = hexNibble(raw[2*i])<<4 | hexNibble(raw[2*i+1])
	}
	return strings.ToUpper(encodeBech32(ageHRP, to5Bits(key)))
}

func hexNibble(c byte) byte {
	if c >= 'a' {
		return c - 'a' + 10
	}
	return c - '0'
}

// grafanaSAChecksum is the 8-hex-digit CRC32 Grafana appends to a service
// account token: of "glsa_" and the 32-character secret.
func grafanaSAChecksum(secret string) string {
	return fmt.Sprintf("%08x", crc32.ChecksumIEEE([]byte("glsa_"+secret)))
}

// validGrafanaSA checks glsa_<32 alnum>_<8 hex> against its CRC32.
func validGrafanaSA(tok string) bool {
	if len(tok) != 46 || !strings.HasPrefix(tok, "glsa_") || tok[37] != '_' {
		return false
	}
	return grafanaSAChecksum(tok[5:37]) == tok[38:]
}

// fakeGrafanaSA returns a checksum-valid fake Grafana service account token.
func fakeGrafanaSA(seed string) string {
	s := Fake(seed, AlphaNum, 32)
	return "glsa_" + s + "_" + grafanaSAChecksum(s)
}

// b64JSONObject reports whether s is base64 (standard or URL, padded or
// not) of a JSON object that has every one of keys as a member.
func b64JSONObject(s string, keys ...string) bool {
	b, ok := decodeB64(s)
	if !ok || len(b) < 2 || b[0] != '{' || !json.Valid(b) {
		return false
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

// validSnowflakeB64 checks the first part of a Discord bot token: base64
// of the bot's user ID, a decimal snowflake of 17 to 20 digits.
func validSnowflakeB64(s string) bool {
	b, ok := decodeB64(s)
	if !ok || len(b) < 17 || len(b) > 20 || b[0] == '0' {
		return false
	}
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

// validDiscordBot checks a Discord bot token's structure: three dot-separated
// base64url parts, the first a snowflake user ID (validSnowflakeB64), the
// second the 6-character timestamp, the third an HMAC of 27 characters or more.
func validDiscordBot(s string) bool {
	id, rest, ok := strings.Cut(s, ".")
	if !ok {
		return false
	}
	ts, mac, ok := strings.Cut(rest, ".")
	if !ok || len(id) < 23 || len(id) > 28 || len(ts) != 6 || len(mac) < 27 || len(mac) > 40 || !isB64URL(ts) || !isB64URL(mac) {
		return false
	}
	return validSnowflakeB64(id)
}

// isB64URL reports whether s is non-empty and all base64url characters.
func isB64URL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return s != ""
}

// namedSecret reports whether a match sits under a secret name (its
// context's name or key), which a checksum-failing provider shape needs.
func namedSecret(m Match) bool {
	return secretName(m.Context.Name) || secretName(m.Context.Key)
}

// underContext decides a provider value without a prefix of its own (an
// Okta or Algolia key): reported when the context names the provider and a
// secret (NameHit), or when the provider's name and a secret word occur
// near it in the value.
func underContext(m Match, provider string) bool {
	if m.NameHit {
		return namedSecret(m)
	}
	if !m.Near(provider, 160) {
		return false
	}
	for _, w := range [...]string{"key", "token", "secret", "password", "auth"} {
		if m.Near(w, 64) {
			return true
		}
	}
	return false
}

// vendorConfirm returns the Confirm of a provider rule whose shape alone does
// not say the provider: a match reject refuses is dropped, one proof vouches
// for (a prefix, an authorization scheme) is High, and one underContext of
// provider is Medium. A nil reject or proof is never true.
func vendorConfirm(provider string, reject, proof func(m Match) bool) func(m Match) Confidence {
	return func(m Match) Confidence {
		switch {
		case reject != nil && reject(m):
			return 0
		case proof != nil && proof(m):
			return High
		case underContext(m, provider):
			return Medium
		}
		return 0
	}
}

// secretPrefix reports, for vendorConfirm, that the secret starts with p.
func secretPrefix(p string) func(m Match) bool {
	return func(m Match) bool { return strings.HasPrefix(m.Secret(), p) }
}

// fewClasses reports, for vendorConfirm, that the secret after its first
// skip bytes mixes fewer than three character classes (a word, a constant).
func fewClasses(skip int) func(m Match) bool {
	return func(m Match) bool { return charClasses(m.Secret()[skip:]) < 3 }
}

// byChecksum returns High when ok, Medium for a checksum-failing shape under
// a secret name, and 0 (drop) otherwise.
func byChecksum(ok bool, m Match) Confidence {
	switch {
	case ok:
		return High
	case namedSecret(m):
		return Medium
	}
	return 0
}

// b64JSONFake returns base64 (URL alphabet, no padding) of a JSON object.
func b64JSONFake(obj map[string]any) string {
	b, _ := json.Marshal(obj)
	return base64.RawURLEncoding.EncodeToString(b)
}

// base64Std returns the padded standard base64 of s.
func base64Std(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
