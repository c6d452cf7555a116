package gosite

import (
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// keyLines is a generated (fake) private key block, each line after prefix.
func keyLines(typ, prefix string) string {
	var b strings.Builder
	b.WriteString(prefix + "-----BEGIN " + typ + "-----\n")
	for i := 0; i < 4; i++ {
		b.WriteString(prefix + detect.Fake("pem-test"+string(rune('a'+i)), b64, 64) + "\n")
	}
	b.WriteString(prefix + "-----END " + typ + "-----\n")
	return b.String()
}

func TestUncommentPEM(t *testing.T) {
	plain := keyLines("RSA PRIVATE KEY", "")
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"go line comments", keyLines("RSA PRIVATE KEY", "// "), true},
		{"shell comments, indented", keyLines("OPENSSH PRIVATE KEY", "\t# "), true},
		{"block comment stars", "/*\n" + keyLines("PRIVATE KEY", " * ") + " */\n", true},
		{"SQL comments", keyLines("EC PRIVATE KEY", "-- "), true},
		// Left alone: a key not in a comment, a certificate, a key in a string.
		{"not commented", plain, false},
		{"certificate", keyLines("CERTIFICATE", "// "), false},
		{"in a string literal", `k := "` + strings.ReplaceAll(plain, "\n", `\n`) + `"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, ok := UncommentPEM(tc.in)
			if ok != tc.ok || len(out) != len(tc.in) {
				t.Fatalf("ok = %v (want %v), len %d (want %d)", ok, tc.ok, len(out), len(tc.in))
			}
			if !ok {
				if out != tc.in {
					t.Error("text changed without a commented key")
				}
				return
			}
			want := keyLines(keyType(tc.in), "")
			if got := trimmedLines(out); !strings.Contains(got, want) {
				t.Errorf("the key does not read whole once uncommented: %s", detect.Redact(got))
			}
		})
	}
}

// trimmedLines returns the lines of s without indentation, each ending in a newline.
func trimmedLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimSpace(l) + "\n")
	}
	return b.String()
}

// keyType returns the PEM type of the first BEGIN line of s.
func keyType(s string) string {
	_, after, _ := strings.Cut(s, "-----BEGIN ")
	typ, _, _ := strings.Cut(after, "-----")
	return typ
}

func FuzzUncommentPEM(f *testing.F) {
	f.Add(keyLines("RSA PRIVATE KEY", "// "))
	f.Add("/*\n" + keyLines("PRIVATE KEY", " * "))
	f.Add("# -----BEGIN PRIVATE KEY-----")
	f.Add("-----BEGIN ")
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := UncommentPEM(s)
		if len(out) != len(s) {
			t.Fatalf("length %d, want %d", len(out), len(s))
		}
		if !ok && out != s {
			t.Fatal("text changed with ok false")
		}
		for i := range s {
			if out[i] != s[i] && out[i] != ' ' {
				t.Fatalf("byte %d changed to %q: only markers become spaces", i, out[i])
			}
		}
	})
}

func TestPEMBegin(t *testing.T) {
	text := "x\n# -----BEGIN RSA PRIVATE KEY-----\n-----BEGIN open"
	start, next, label, ok := PEMBegin(text, 0)
	if !ok || start != 4 || next != 4+len("-----BEGIN ") || label != "RSA PRIVATE KEY" {
		t.Fatalf("PEMBegin = %d, %d, %q, %v; want 4, 15, RSA PRIVATE KEY, true", start, next, label, ok)
	}
	if _, _, _, ok := PEMBegin(text, next); ok {
		t.Errorf("a BEGIN with no closing dashes is a header")
	}
}
