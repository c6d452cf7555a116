package detect

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"math/bits"
)

// Azure's identifiable key formats, as Microsoft's security-utilities
// (github.com/microsoft/security-utilities, IdentifiableSecrets.cs,
// IdentifiableMetadata.cs, LegacyCommonAnnotatedSecurityKey.cs) defines them.
//
// An identifiable key (HIS v1) is N random bytes whose last 4 are the
// little-endian Marvin32 checksum, under a per-kind seed, of the bytes
// before them; in base64 a 4-character signature sits just before the 6
// characters that encode the checksum. A common annotated security key
// (CASK, 84 or 88 characters) is base62 text with JQQJ9 at offset 52, a
// provider signature at 76 and, at 80, a base62 rendering of the Marvin32
// checksum (seed Default0) of the first 60 bytes.

// hisFormat is one identifiable key kind: its signature, size and seeds.
type hisFormat struct {
	sig      string   // the base64 signature before the checksum
	bytes    int      // decoded length in bytes: 32, 39, 40 or 64
	url      bool     // the URL-safe alphabet (- and _ for + and /)
	AlphaNum bool     // only letters and digits occur (Azure Search keys)
	redis    bool     // also the Azure Cache for Redis variant without + and /
	seeds    []string // the eight-character names of the checksum seeds
}

// The identifiable formats. Seeds are written as the names their values spell.
var (
	hisStorage   = &hisFormat{sig: "+ASt", bytes: 64, seeds: []string{"Default0"}}
	hisCosmos    = &hisFormat{sig: "ACDb", bytes: 64, seeds: []string{"MastRW00", "MastRO00", "SystRW00", "SystRO00", "SysAll00", "Resour00", "Encryp00"}}
	hisBatch     = &hisFormat{sig: "+ABa", bytes: 64, seeds: []string{"AbAcct00"}}
	hisMLClassic = &hisFormat{sig: "+AMC", bytes: 64, seeds: []string{"Classic0"}}
	// APIM's subscription seed is IoTHub00 in Microsoft's table, as is IoT Hub's.
	hisAPIM       = &hisFormat{sig: "APIM", bytes: 64, seeds: []string{"IoTHub00", "Tenant00", "Gatewy00", "GitKey00"}}
	hisServiceBus = &hisFormat{sig: "+ASb", bytes: 32, seeds: []string{"Send0000", "Listen00", "Manage00", "System00", "Unknown0"}}
	hisEventHubs  = &hisFormat{sig: "+AEh", bytes: 32, seeds: []string{"Send0000", "Listen00", "Manage00", "System00", "Unknown0"}}
	hisRelay      = &hisFormat{sig: "+ARm", bytes: 32, seeds: []string{"Send0000", "Listen00", "Manage00"}}
	hisIoT        = &hisFormat{sig: "AIoT", bytes: 32, seeds: []string{"IoTHub00", "DpsKey00", "Device00"}}
	hisRedis      = &hisFormat{sig: "AzCa", bytes: 32, redis: true, seeds: []string{"Access00"}}
	// Event Grid's seed is SendRecv in IdentifiableMetadata.cs; the Event Grid
	// vector in Microsoft's Rust tests (identifiable_scans.rs) holds under Default0.
	hisEventGrid = &hisFormat{sig: "AZEG", bytes: 32, seeds: []string{"SendRecv", "Default0"}}
	hisFunctions = &hisFormat{sig: "AzFu", bytes: 40, url: true, seeds: []string{"Functi00", "Master00", "System00"}}
	hisSearch    = &hisFormat{sig: "AzSe", bytes: 39, url: true, AlphaNum: true, seeds: []string{"Query000", "PAdmin00"}}
	hisACR       = &hisFormat{sig: "+ACR", bytes: 39, seeds: []string{"ACRDflt0"}}
)

// encLen is the encoded length, padding included.
func (f *hisFormat) encLen() int { return (f.bytes + 2) / 3 * 4 }

// padLen is the number of = characters that end the encoded key.
func (f *hisFormat) padLen() int { return (3 - f.bytes%3) % 3 }

// sigOffset is where the signature starts in the encoded key.
func (f *hisFormat) sigOffset() int { return f.encLen() - f.padLen() - 6 - len(f.sig) }

// valid reports whether key is this kind of identifiable key: the length,
// the signature at its offset, the alphabet, and a checksum that holds under
// one of the kind's seeds. It does not allocate.
func (f *hisFormat) valid(key string) bool {
	if len(key) != f.encLen() || key[f.sigOffset():f.sigOffset()+len(f.sig)] != f.sig {
		return false
	}
	var buf [64]byte
	n, ok := decodeB64Into(buf[:], key, f.url)
	if !ok || n != f.bytes || !canonicalTail(key, f.padLen()) {
		return false
	}
	want := binary.LittleEndian.Uint32(buf[n-4 : n])
	for _, s := range f.seeds {
		seed := hisSeed(s)
		if marvin32(buf[:n-4], seed) == want {
			return true
		}
		if f.redis && redisChecksumOK(key, buf[:n], seed) {
			return true
		}
	}
	return false
}

// canonicalTail reports whether the last data character of a padded
// base64 text leaves its unused low bits zero, as an encoder writes it.
func canonicalTail(s string, pad int) bool {
	if pad == 0 {
		return true
	}
	c := s[len(s)-pad-1]
	d := b64Value(c)
	switch c {
	case '-':
		d = 62
	case '_':
		d = 63
	}
	return d >= 0 && d&(1<<(2*pad)-1) == 0
}

// redisChecksumOK is Azure Cache for Redis's variant: the Marvin32 of all
// the decoded bytes, written over the last four, re-encoded with + and /
// replaced by P and F, gives the key back.
func redisChecksumOK(key string, b []byte, seed uint64) bool {
	var tmp [32]byte
	if len(b) != len(tmp) {
		return false
	}
	copy(tmp[:], b)
	binary.LittleEndian.PutUint32(tmp[28:], marvin32(b, seed))
	var enc [44]byte
	base64.StdEncoding.Encode(enc[:], tmp[:])
	for i, c := range enc {
		switch c {
		case '+':
			c = 'P'
		case '/':
			c = 'F'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// decodeB64Into decodes padded or unpadded base64 (standard, or URL-safe
// when url is set; the other alphabet's two characters are rejected) into
// dst without allocating. It returns the number of bytes written.
func decodeB64Into(dst []byte, s string, url bool) (int, bool) {
	for len(s) > 0 && s[len(s)-1] == '=' {
		s = s[:len(s)-1]
	}
	n, acc, nbits := 0, uint32(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d int
		switch {
		case url && c == '-':
			d = 62
		case url && c == '_':
			d = 63
		case url && (c == '+' || c == '/'):
			return 0, false
		default:
			d = b64Value(c)
		}
		if d < 0 {
			return 0, false
		}
		acc = acc<<6 | uint32(d)
		nbits += 6
		if nbits >= 8 {
			nbits -= 8
			if n == len(dst) {
				return 0, false
			}
			dst[n] = byte(acc >> uint(nbits))
			n++
		}
	}
	return n, nbits < 6
}

// Common annotated security keys (CASK).
const (
	caskLen       = 84
	caskLongLen   = 88
	caskMarker    = "JQQJ9" // at offset 52, then 9, D (derived) or H (hashed)
	caskMarkerOff = 52
	caskProvOff   = 72 // four characters of provider data
	caskSigOff    = 76 // the provider signature
	caskSumOff    = 80 // the checksum
)

// validCASK reports whether key is a common annotated security key whose
// checksum holds: the Marvin32 (seed Default0) of the 60 bytes that the
// first 80 characters encode, rendered in base62 (or, in older keys, in
// base64) at offset 80. It does not allocate.
func validCASK(key string) bool {
	if (len(key) != caskLen && len(key) != caskLongLen) || key[caskMarkerOff:caskMarkerOff+len(caskMarker)] != caskMarker {
		return false
	}
	for i := 0; i < caskSumOff; i++ {
		if !isAlnum(key[i]) {
			return false
		}
	}
	var buf [60]byte
	if n, ok := decodeB64Into(buf[:], key[:caskSumOff], false); !ok || n != len(buf) {
		return false
	}
	sum := marvin32(buf[:], hisSeed("Default0"))
	b62 := caskBase62(sum)
	var le [4]byte
	binary.LittleEndian.PutUint32(le[:], sum)
	var b64 [8]byte
	base64.StdEncoding.Encode(b64[:], le[:])
	tail := key[caskSumOff:]
	if len(key) == caskLen {
		return tail == string(b62[:4]) || tail == string(b64[:4])
	}
	// The long form holds all four bytes: six characters and ==.
	var b62bytes [4]byte
	var b62enc [8]byte
	copy(b62enc[:6], b62[:])
	b62enc[6], b62enc[7] = '=', '='
	if _, err := base64.StdEncoding.Decode(b62bytes[:], b62enc[:]); err == nil {
		base64.StdEncoding.Encode(b62enc[:], b62bytes[:])
		if tail == string(b62enc[:]) {
			return true
		}
	}
	return tail == string(b64[:])
}

// caskBase62 renders a checksum as Microsoft's CASK code does: its
// little-endian bytes read as a big-endian number in base62 (a leading
// zero byte gives a leading 0), right-padded with 0 to six characters.
func caskBase62(sum uint32) [6]byte {
	n := bits.ReverseBytes32(sum)
	lead := 0
	for lead < 3 && n>>(24-8*lead)&0xff == 0 {
		lead++
	}
	var digits [8]byte
	k := len(digits)
	for {
		k--
		digits[k] = base62Alphabet[n%62]
		n /= 62
		if n == 0 {
			break
		}
	}
	var out [6]byte
	for i := range out {
		out[i] = '0'
	}
	j := 0
	for ; j < lead && j < len(out); j++ {
		out[j] = '0'
	}
	for ; k < len(digits) && j < len(out); k++ {
		out[j] = digits[k]
		j++
	}
	return out
}

// entraAlphabet is the alphabet of Entra ID client secrets and of their
// checksum characters.
const entraAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~"

// validEntraSecret reports whether an Entra ID client secret in the current
// format (8Q~ at offset 3) ends in the first three characters of the
// Marvin32 (seed AadPwd00) of the rest, encoded in entraAlphabet.
func validEntraSecret(s string) bool {
	if len(s) < 10 || s[3:6] != "8Q~" {
		return false
	}
	var buf [64]byte
	body := s[:len(s)-3]
	if len(body) > len(buf) {
		return false
	}
	n := copy(buf[:], body)
	enc := entraChecksum(marvin32(buf[:n], hisSeed("AadPwd00")))
	return s[len(s)-3:] == string(enc[:3])
}

// entraChecksum encodes a checksum in entraAlphabet, most significant digit
// first, at least six digits.
func entraChecksum(sum uint32) [6]byte {
	var digits [8]byte
	k := len(digits)
	for sum > 0 || len(digits)-k < 6 {
		k--
		digits[k] = entraAlphabet[sum%uint32(len(entraAlphabet))]
		sum /= uint32(len(entraAlphabet))
	}
	var out [6]byte
	copy(out[:], digits[k:])
	return out
}

// Azure DevOps legacy PATs: 52 base32 characters (32 bytes) that embed a
// CRC32, xored with a magic number for user or application tokens.
var adoPATMagic = [...]uint32{0xE0B9692D, 0x1019F92E}

// validADOLegacyPAT reports whether a 52-character lowercase base32 token
// carries a valid embedded checksum. It does not allocate.
func validADOLegacyPAT(s string) bool {
	var b [32]byte
	if len(s) != 52 || !decodeBase32Into(b[:], s) {
		return false
	}
	var tok [28]byte
	adoPATBody(&tok, &b)
	sum := crc32.ChecksumIEEE(tok[:])
	got := uint32(b[22]) | uint32(b[8])<<8 | uint32(b[7])<<16 | uint32(b[2])<<24
	for _, m := range adoPATMagic {
		if sum^m == got {
			return true
		}
	}
	return false
}

// adoPATBody gathers the 28 bytes of a legacy PAT that are not its checksum.
func adoPATBody(tok *[28]byte, b *[32]byte) {
	copy(tok[0:2], b[0:2])
	copy(tok[2:6], b[3:7])
	copy(tok[6:19], b[9:22])
	copy(tok[19:28], b[23:32])
}

// decodeBase32Into decodes RFC 4648 base32 (either case, no padding) into
// dst, which it must fill exactly; trailing bits are ignored.
func decodeBase32Into(dst []byte, s string) bool {
	n, acc, nbits := 0, uint32(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d uint32
		switch {
		case 'a' <= c && c <= 'z':
			d = uint32(c - 'a')
		case 'A' <= c && c <= 'Z':
			d = uint32(c - 'A')
		case '2' <= c && c <= '7':
			d = uint32(c-'2') + 26
		default:
			return false
		}
		acc = acc<<5 | d
		nbits += 5
		if nbits >= 8 {
			nbits -= 8
			if n < len(dst) {
				dst[n] = byte(acc >> uint(nbits))
			}
			n++
		}
	}
	return n == len(dst)
}

// Generators of checksum-valid fakes. They are deterministic in their seed
// and never produce a real key: the random part is a SHA-256 stream.

// fakeBytes returns n bytes derived from seed.
func fakeBytes(seed string, n int) []byte {
	out := make([]byte, 0, n+32)
	block := sha256.Sum256([]byte("kvlint-fake:" + seed))
	for len(out) < n {
		out = append(out, block[:]...)
		block = sha256.Sum256(block[:])
	}
	return out[:n]
}

// fake returns a checksum-valid key of this kind derived from seed. The
// seed also picks which of the kind's checksum seeds is used.
func (f *hisFormat) fake(seed string) string {
	for try := 0; ; try++ {
		s := seed
		if try > 0 {
			s = seed + "#" + string(rune('a'+try%26)) + string(rune('a'+try/26%26))
		}
		k := f.fakeOnce(s)
		if f.AlphaNum || f.redis {
			// Search and Redis keys hold only letters and digits.
			if !isAlnumString(k[:len(k)-f.padLen()]) {
				continue
			}
		}
		return k
	}
}

func (f *hisFormat) fakeOnce(seed string) string {
	raw := fakeBytes(seed, f.bytes)
	enc := f.encoding()
	text := []byte(enc.EncodeToString(raw))
	copy(text[f.sigOffset():], f.sig)
	b, err := enc.DecodeString(string(text))
	if err != nil {
		panic("detect: fake " + f.sig + ": " + err.Error())
	}
	// Clear the bits between the signature and the checksum, as Microsoft's
	// generator does (the character after a 32-byte key's signature is A-P).
	body := f.bytes - 4
	if spill := body*8 - (f.sigOffset()+len(f.sig))*6; spill > 0 {
		b[body-1] &^= byte(1<<spill - 1)
	}
	pick := int(raw[0]) % len(f.seeds)
	binary.LittleEndian.PutUint32(b[body:], marvin32(b[:body], hisSeed(f.seeds[pick])))
	return enc.EncodeToString(b)
}

func (f *hisFormat) encoding() *base64.Encoding {
	if f.url {
		return base64.URLEncoding
	}
	return base64.StdEncoding
}

func isAlnumString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) {
			return false
		}
	}
	return true
}

// fakeCASK returns a checksum-valid common annotated security key with the
// given provider data (four characters, usually AAAA) and signature.
func fakeCASK(seed, provData, provSig string) string {
	raw := fakeBytes(seed, 64)
	body := make([]byte, 0, caskLen)
	for _, c := range raw[:52] {
		body = append(body, base62Alphabet[int(c)%62])
	}
	body = append(body, "JQQJ99"...)
	body = append(body, base62Alphabet[10+int(raw[52])%2], 'A'+raw[53]%12) // year 2024-25, month A-L
	for _, c := range raw[54:60] {
		body = append(body, 'A'+c%26)
	}
	body = append(body, "AAAAAA"...) // platform data
	body = append(body, provData...)
	body = append(body, provSig...)
	var buf [60]byte
	if n, ok := decodeB64Into(buf[:], string(body), false); !ok || n != 60 {
		panic("detect: fake CASK does not decode")
	}
	sum := caskBase62(marvin32(buf[:], hisSeed("Default0")))
	return string(body) + string(sum[:4])
}

// fakeEntraSecret returns a checksum-valid Entra ID client secret (40
// characters, 8Q~ at offset 3).
func fakeEntraSecret(seed string) string {
	raw := fakeBytes(seed, 34)
	body := make([]byte, 0, 40)
	for i, c := range raw {
		if i == 3 {
			body = append(body, "8Q~"...)
		}
		if len(body) == 37 {
			break
		}
		body = append(body, entraAlphabet[int(c)%len(entraAlphabet)])
	}
	sum := entraChecksum(marvin32(body, hisSeed("AadPwd00")))
	return string(body) + string(sum[:3])
}

// fakeADOLegacyPAT returns a legacy Azure DevOps PAT with a valid checksum.
func fakeADOLegacyPAT(seed string) string {
	raw := fakeBytes(seed, 29)
	var tok [28]byte
	copy(tok[:], raw)
	var b [32]byte
	copy(b[0:2], tok[0:2])
	copy(b[3:7], tok[2:6])
	copy(b[9:22], tok[6:19])
	copy(b[23:32], tok[19:28])
	sum := crc32.ChecksumIEEE(tok[:]) ^ adoPATMagic[raw[28]%2]
	b[22], b[8], b[7], b[2] = byte(sum), byte(sum>>8), byte(sum>>16), byte(sum>>24)
	out := to5Bits(b[:]) // 52 values: 51 and the last bit, padded
	for i, v := range out {
		out[i] = Base32Lower[v]
	}
	return string(out)
}
