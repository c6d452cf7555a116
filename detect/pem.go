package detect

import (
	"encoding/base64"
	"strings"
)

// pemStructured reports whether a PEM private key block holds what its
// header says: a base64 body (RFC 7468) that decodes to a DER SEQUENCE
// whose length is the body's (PKCS#1, SEC 1, PKCS#8, encrypted PKCS#8),
// to "openssh-key-v1\0" (OpenSSH), to OpenPGP packets whose CRC-24 armor
// checksum holds (PGP), or, under a Proc-Type: 4,ENCRYPTED header, to
// whole cipher blocks. A block whose header is mangled, whose body is not
// base64 or whose structure fails is not a certain key: it is cut, edited
// or made up. block starts at "-----BEGIN"; the body may use escaped
// newlines (\n in JSON).
func pemStructured(block string) bool {
	typ, body, ok := pemParts(block)
	if !ok {
		return false
	}
	encrypted := false
	var b64 []byte
	crc := ""
	for _, line := range strings.Split(strings.ReplaceAll(body, `\n`, "\n"), "\n") {
		line = strings.Trim(line, " \t\r\\")
		switch {
		case line == "":
		case strings.Contains(line, ":"): // RFC 1421 / armor headers
			encrypted = encrypted || strings.HasPrefix(line, "Proc-Type:") && strings.Contains(line, "ENCRYPTED")
		case line[0] == '=' && len(line) == 5: // the PGP armor checksum
			crc = line[1:]
		default:
			b64 = append(b64, line...)
		}
	}
	der, err := base64.StdEncoding.DecodeString(string(b64))
	if err != nil || len(der) < 16 {
		return false
	}
	switch {
	case strings.HasPrefix(typ, "PGP "):
		if der[0]&0x80 == 0 {
			return false
		}
		if crc == "" {
			return true // the checksum line is optional
		}
		sum, err := base64.StdEncoding.DecodeString(crc)
		return err == nil && len(sum) == 3 && uint32(sum[0])<<16|uint32(sum[1])<<8|uint32(sum[2]) == crc24(der)
	case typ == "OPENSSH PRIVATE KEY":
		return strings.HasPrefix(string(der), "openssh-key-v1\x00")
	case encrypted:
		return len(der)%8 == 0
	}
	return derSequence(der)
}

// pemParts splits a block into its type and body: the BEGIN line must be
// exactly five dashes, BEGIN, the type, five dashes, and an END line with
// the same type must close it.
func pemParts(block string) (typ, body string, ok bool) {
	rest, ok := strings.CutPrefix(block, "-----BEGIN ")
	if !ok {
		return "", "", false
	}
	e := strings.Index(rest, "-----")
	if e <= 0 || strings.ContainsAny(rest[:e], "\n-") {
		return "", "", false
	}
	typ, rest = rest[:e], rest[e+5:]
	end := strings.Index(rest, "-----END "+typ+"-----")
	if end < 0 {
		return "", "", false
	}
	return typ, rest[:end], true
}

// derSequence reports whether b is one DER SEQUENCE whose length field
// covers exactly the rest of b.
func derSequence(b []byte) bool {
	if len(b) < 2 || b[0] != 0x30 {
		return false
	}
	n, hdr := int(b[1]), 2
	if b[1]&0x80 != 0 {
		k := int(b[1] & 0x7f)
		if k == 0 || k > 4 || len(b) < 2+k || b[2] == 0 {
			return false
		}
		n = 0
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		hdr = 2 + k
		if n < 0x80 {
			return false // not the shortest form
		}
	}
	return hdr+n == len(b)
}

// crc24 is OpenPGP's armor checksum (RFC 4880, 6.1).
func crc24(data []byte) uint32 {
	crc := uint32(0xB704CE)
	for _, c := range data {
		crc ^= uint32(c) << 16
		for i := 0; i < 8; i++ {
			crc <<= 1
			if crc&0x1000000 != 0 {
				crc ^= 0x1864CFB
			}
		}
	}
	return crc & 0xFFFFFF
}

// fakeDER returns a DER SEQUENCE of n bytes in all with generated content.
func fakeDER(seed string, n int) []byte {
	b := make([]byte, 0, n)
	b = append(b, 0x30, 0x82, byte((n-4)>>8), byte(n-4))
	return append(b, fakeBytes(seed, n-4)...)
}

// pemLines wraps base64 of data at 64 characters, as PEM writes it.
func pemLines(data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	for len(s) > 64 {
		b.WriteString(s[:64] + "\n")
		s = s[64:]
	}
	b.WriteString(s + "\n")
	return b.String()
}
