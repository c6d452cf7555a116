package scan

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kvlint/kvlint/detect"
)

// encodeUTF16 writes s as UTF-16 in the given byte order, with or without a BOM.
func encodeUTF16(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var b bytes.Buffer
	for _, u := range units {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.Bytes()
}

// TestUTF16Files: a UTF-16 PowerShell script or .reg file (either byte
// order, with or without a BOM) is decoded and scanned, with the line of the
// secret; a binary file is reported as skipped, and said to be named when it
// was named on the command line.
func TestUTF16Files(t *testing.T) {
	token := detect.FakeCRCToken("ghp_", "utf16-scan")
	script := "# deploy.ps1 — Überprüfung\r\n$headers = @{}\r\n$headers.Authorization = \"token " + token + "\"\r\n"
	dir := t.TempDir()
	files := map[string][]byte{
		"le-bom.ps1":   encodeUTF16(script, false, true),
		"be-bom.ps1":   encodeUTF16(script, true, true),
		"le-nobom.reg": encodeUTF16(script, false, false),
		"blob.bin":     append([]byte("PK\x03\x04\x00\x00"), bytes.Repeat([]byte{0x00, 0x9f, 0x13, 0x00, 0x00}, 64)...),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := Run([]string{filepath.Join(dir, "blob.bin"), dir}, Options{})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	found := map[string]int{}
	for _, f := range res.Findings {
		if f.RuleID == "KV112" {
			found[filepath.Base(f.Filename)] = f.Line
		}
		if strings.Contains(f.Message, token) {
			t.Fatalf("a finding shows the token: %s", detect.Redact(token))
		}
	}
	for _, name := range []string{"le-bom.ps1", "be-bom.ps1", "le-nobom.reg"} {
		if found[name] != 3 {
			t.Errorf("%s: GitHub token found at line %d, want 3 (findings %v)", name, found[name], found)
		}
	}
	if len(res.Skipped) != 1 || filepath.Base(res.Skipped[0].Path) != "blob.bin" || res.Skipped[0].Reason != "binary" || !res.Skipped[0].Named {
		t.Errorf("skipped = %+v, want blob.bin, binary, named", res.Skipped)
	}
}

// TestUTF16Layout: text that only looks like UTF-16 by accident (one NUL,
// UTF-8, UTF-32) is not decoded.
func TestUTF16Layout(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"utf-8", []byte("password = \"x\"\nnext line here\n"), false},
		{"one NUL", []byte("abc\x00defghijklmnopqrstuvwxyz"), false},
		{"utf-32le", append([]byte{0xFF, 0xFE, 0, 0}, []byte("a\x00\x00\x00b\x00\x00\x00")...), false},
		{"utf-16le", encodeUTF16("key = value\nmore text\n", false, false), true},
		{"utf-16be", encodeUTF16("key = value\nmore text\n", true, false), true},
		{"short", encodeUTF16("ab", false, false), false},
	} {
		if _, got := utf16Text(c.data); got != c.want {
			t.Errorf("%s: utf16Text = %v, want %v", c.name, got, c.want)
		}
	}
}

// FuzzUTF16 checks that decoding never panics and always yields valid UTF-8.
func FuzzUTF16(f *testing.F) {
	f.Add(encodeUTF16("token = abc\n", false, true))
	f.Add(encodeUTF16("x\n", true, false))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0xD8})
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ok := utf16Text(data)
		if ok && !utf8.Valid(out) {
			t.Fatalf("decoded text is not UTF-8")
		}
	})
}
