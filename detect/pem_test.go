package detect

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestPEMStructured checks which blocks are certain keys: generated bodies
// with the structure their header names are, mangled headers and bodies
// that are base64 but no key are not.
func TestPEMStructured(t *testing.T) {
	pgpBody := append([]byte{0x95, 0x01}, fakeBytes("pgp", 300)...)
	sum := crc24(pgpBody)
	crc := "=" + base64.StdEncoding.EncodeToString([]byte{byte(sum >> 16), byte(sum >> 8), byte(sum)})
	pgp := "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: kvlint fake\n\n" + pemLines(pgpBody) + crc + "\n-----END PGP PRIVATE KEY BLOCK-----"
	badCRC := strings.Replace(pgp, crc, "=AAAA", 1)
	legacy := "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n" +
		pemLines(fakeBytes("legacy", 608)) + "-----END RSA PRIVATE KEY-----"
	rsa := fakePEM("RSA PRIVATE KEY", "t-rsa")
	cases := []struct {
		block string
		want  bool
	}{
		{rsa, true},
		{fakePEM("PRIVATE KEY", "t-p8"), true},
		{fakePEM("EC PRIVATE KEY", "t-ec"), true},
		{fakePEM("OPENSSH PRIVATE KEY", "t-ssh"), true},
		{strings.ReplaceAll(fakePEM("PRIVATE KEY", "t-esc"), "\n", `\n`), true},
		{pgp, true},
		{legacy, true},
		{badCRC, false},
		{corruptPEM("RSA PRIVATE KEY", "t-bad"), false},
		{corruptPEM("OPENSSH PRIVATE KEY", "t-bad-ssh"), false},
		{strings.Replace(rsa, "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY----", 1), false},
		{strings.Replace(rsa, "-----END RSA PRIVATE KEY-----", "-----END PRIVATE KEY-----", 1), false},
		{strings.Replace(rsa, "\n", "\n!", 3), false}, // not base64
		{rsa[:len(rsa)/2], false}, // cut
		{"-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----", false},
	}
	for i, c := range cases {
		if got := pemStructured(c.block); got != c.want {
			t.Errorf("case %d (%s): pemStructured = %v, want %v", i, Redact(c.block), got, c.want)
		}
	}
}

// TestPrivateKeyConfidence checks that KV125 is certain of a structured
// block only: a corrupted body is still reported, with less confidence.
func TestPrivateKeyConfidence(t *testing.T) {
	e := defaultEngine(t)
	for _, c := range []struct {
		block string
		want  Confidence
	}{
		{fakePEM("RSA PRIVATE KEY", "c-rsa"), High},
		{corruptPEM("RSA PRIVATE KEY", "c-bad"), Medium},
	} {
		fs := e.Scan(c.block, Context{}, nil)
		if len(fs) != 1 || fs[0].Rule.ID != "KV125" || fs[0].Confidence != c.want {
			t.Errorf("%s: %d findings, want one KV125 with confidence %v", Redact(c.block), len(fs), c.want)
			continue
		}
	}
}

// FuzzPEMStructured checks that the PEM parser never panics and that a
// structured block is a BEGIN/END pair of one type.
func FuzzPEMStructured(f *testing.F) {
	f.Add(fakePEM("RSA PRIVATE KEY", "f"))
	f.Add(corruptPEM("PRIVATE KEY", "f"))
	f.Add("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQ==\n=AAAA\n-----END PGP PRIVATE KEY BLOCK-----")
	f.Add("-----BEGIN X-----\n-----END X-----")
	f.Fuzz(func(t *testing.T, block string) {
		if !pemStructured(block) {
			return
		}
		typ, _, ok := pemParts(block)
		if !ok || !strings.Contains(block, "-----END "+typ+"-----") {
			t.Fatalf("structured without a matching END line: %s", Redact(block))
		}
	})
}
