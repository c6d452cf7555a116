package detect

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"testing"
)

func FuzzMarvin(f *testing.F) {
	for _, v := range marvinVectors {
		f.Add([]byte(v.in), v.seed)
	}
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		h := marvin64(data, seed)
		if marvin32(data, seed) != uint32(h>>32)^uint32(h) {
			t.Fatalf("marvin32 is not the fold of marvin64")
		}
		if len(data) > 0 {
			// Appending a byte changes the hash (no trailing-byte blindness).
			if marvin64(append(bytes.Clone(data), 0), seed) == h {
				t.Logf("collision on appended zero (possible, rare)")
			}
		}
	})
}

func FuzzDecodeB64Into(f *testing.F) {
	for _, v := range hisVectors {
		f.Add(v.key, v.f.url)
	}
	f.Add("", false)
	f.Add("ab-_", true)
	f.Fuzz(func(t *testing.T, s string, url bool) {
		var buf [64]byte
		n, ok := decodeB64Into(buf[:], s, url)
		enc := base64.RawStdEncoding
		if url {
			enc = base64.RawURLEncoding
		}
		trimmed := s
		for len(trimmed) > 0 && trimmed[len(trimmed)-1] == '=' {
			trimmed = trimmed[:len(trimmed)-1]
		}
		want, err := enc.DecodeString(trimmed)
		if ok && err == nil && !bytes.Equal(buf[:n], want) {
			t.Fatalf("decodeB64Into(%q) = %x, want %x", s, buf[:n], want)
		}
		if !ok && err == nil && len(want) <= len(buf) && !bytes.ContainsAny([]byte(s), "\r\n") {
			// encoding/base64 skips newlines; a key never holds one.
			t.Fatalf("decodeB64Into(%q) refused what encoding/base64 decodes", s)
		}
	})
}

func FuzzHISFormats(f *testing.F) {
	for _, v := range hisVectors {
		f.Add(v.key)
	}
	for _, h := range allHIS {
		f.Add(h.fake("fuzz"))
	}
	res := make([]*regexp.Regexp, len(allHIS))
	for i, h := range allHIS {
		res[i] = regexp.MustCompile(`^` + h.core() + `$`)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, h := range allHIS {
			if h.valid(s) && !h.redis && !res[i].MatchString(s) {
				t.Fatalf("%s: a key that validates does not have the format's shape", h.sig)
			}
		}
	})
}

func FuzzCASK(f *testing.F) {
	for _, k := range caskVectors {
		f.Add(k)
	}
	f.Add(fakeCASK("fuzz", "AAAA", "AZAC"))
	re := regexp.MustCompile(`^` + caskCore(`[A-Za-z0-9]{4}`, `[A-Za-z0-9]{4}`) + `$`)
	f.Fuzz(func(t *testing.T, s string) {
		if validCASK(s) && len(s) == caskLen && !re.MatchString(s[:caskSumOff]+"AAAA") && isAlnumString(s) {
			// A valid short key is JQQJ9 at 52 and base62 throughout.
			if s[caskMarkerOff:caskMarkerOff+5] != caskMarker {
				t.Fatalf("valid CASK without its marker")
			}
		}
	})
}

func FuzzEntraSecret(f *testing.F) {
	f.Add(fakeEntraSecret("fuzz"))
	f.Add("abc8Q~")
	f.Fuzz(func(t *testing.T, s string) {
		if validEntraSecret(s) && s[3:6] != "8Q~" {
			t.Fatalf("valid Entra secret without 8Q~")
		}
	})
}

func FuzzADOLegacyPAT(f *testing.F) {
	f.Add(fakeADOLegacyPAT("fuzz"))
	f.Add(Fake("x", Base32Lower, 52))
	f.Fuzz(func(t *testing.T, s string) {
		if validADOLegacyPAT(s) && len(s) != 52 {
			t.Fatalf("valid legacy PAT of %d characters", len(s))
		}
	})
}
