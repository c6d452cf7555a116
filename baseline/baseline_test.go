package baseline_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/baseline"
)

const src = `// Package p is a comment.
package p

import "fmt"

// Doc of F.
func F() { _ = "in F" }

func (s *Server) Start() { _ = "in Start" }

func (l List[T]) Len() int { _ = "in Len"; return 0 }

type Config struct { Key string ` + "`json:\"in Config\"`" + ` }

var (
	a = "in a"
	b, c = "in b", "in c"
)

const K = "in K"
`

func TestDeclName(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		`"in F"`: "F", `"in Start"`: "(*Server).Start", `"in Len"`: "List.Len", "`json:\"in Config\"`": "Config",
		`"in a"`: "a", `"in b"`: "b,c", `"in c"`: "b,c", `"in K"`: "K", `"fmt"`: "import",
		"Doc of F": "F", "Package p": "",
	}
	tf := fset.File(f.Pos())
	for needle, decl := range want {
		off := strings.Index(src, needle)
		if off < 0 {
			t.Fatalf("%q not in source", needle)
		}
		if got := baseline.DeclName(f, tf.Pos(off)); got != decl {
			t.Errorf("DeclName at %s = %q, want %q", needle, got, decl)
		}
	}
	var lit *ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		if l, ok := n.(*ast.BasicLit); ok && l.Value == `"in a"` {
			lit = l
		}
		return lit == nil
	})
	if lit == nil || baseline.DeclName(f, lit.Pos()) != "a" {
		t.Error("literal position")
	}
}

func TestNormalizeValue(t *testing.T) {
	for in, want := range map[string]string{
		`"abc"`:          "abc",
		"`raw\\n`":       `raw\n`,
		`"a\tb"`:         "a\tb",
		" f(a,\n\t b) ":  "f(a, b)",
		`"unterminated`:  `"unterminated`,
		"":               "",
		`x + "y"`:        `x + "y"`,
		"\"caf\xe9\"":    "\"caf\xe9\"",
		"a   b\n\n    c": "a b c",
	} {
		if got := baseline.NormalizeValue(in); got != want {
			t.Errorf("NormalizeValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	k := baseline.NewKey("KV101", "example.com/x", "F", "value-one")
	if k.Fingerprint("s1") != baseline.NewKey("KV101", "example.com/x", "F", "value-one").Fingerprint("s1") {
		t.Error("fingerprint is not deterministic")
	}
	if len(k.Fingerprint("s1")) != 32 {
		t.Errorf("fingerprint length %d", len(k.Fingerprint("s1")))
	}
	others := []baseline.Key{
		baseline.NewKey("KV102", "example.com/x", "F", "value-one"),
		baseline.NewKey("KV101", "example.com/y", "F", "value-one"),
		baseline.NewKey("KV101", "example.com/x", "G", "value-one"),
		baseline.NewKey("KV101", "example.com/x", "F", "value-two"),
		// Field boundaries matter: ("ab", "c") is not ("a", "bc").
		baseline.NewKey("KV101", "example.com/xF", "", "value-one"),
	}
	for i, o := range others {
		if o.Fingerprint("s1") == k.Fingerprint("s1") {
			t.Errorf("key %d collides", i)
		}
	}
	if k.Fingerprint("s1") == k.Fingerprint("s2") {
		t.Error("salt does not change the fingerprint")
	}
}

func TestFileRoundTripAndMatch(t *testing.T) {
	const secret = "value-that-must-not-be-stored-0123456789"
	f, err := baseline.New()
	if err != nil {
		t.Fatal(err)
	}
	g, _ := baseline.New()
	if len(f.Salt) != 32 || f.Salt == g.Salt {
		t.Errorf("salts %q and %q: want random 32 hex digits", f.Salt, g.Salt)
	}
	k1 := baseline.NewKey("KV101", "example.com/x", "F", secret)
	k2 := baseline.NewKey("KV124", "example.com/x", "", "other")
	f.Add(k1, "x/a.go")
	f.Add(k1, "x/a.go")
	f.Add(k2, "x/b.go")
	path := filepath.Join(t.TempDir(), "baseline.yaml")
	if err := f.Save(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), secret) || strings.Contains(string(data), "value-that") {
		t.Error("baseline file holds the value")
	}
	if !strings.Contains(string(data), "count: 2") || !strings.Contains(string(data), "salt: "+f.Salt) {
		t.Errorf("baseline file:\n%s", data)
	}
	loaded, err := baseline.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded.Entries) != 2 || loaded.Entries[0].Rule != "KV101" || loaded.Entries[0].Count != 2 || loaded.Entries[1].Decl != "" {
		t.Fatalf("entries: %+v", loaded.Entries)
	}
	m := loaded.Matcher()
	// Match consumes the entry's count: the third call must fail.
	first, second, third := m.Match(k1), m.Match(k1), m.Match(k1)
	if !first || !second || third {
		t.Error("entry with count 2 should match exactly twice")
	}
	if m.Match(baseline.NewKey("KV101", "example.com/x", "F", "new-value")) {
		t.Error("a new value matched")
	}
	stale := m.Stale()
	if len(stale) != 1 || stale[0].Rule != "KV124" || stale[0].Count != 1 {
		t.Errorf("stale: %+v", stale)
	}
}

func TestParseErrors(t *testing.T) {
	salt := "0123456789abcdef0123456789abcdef"
	for name, tc := range map[string]struct{ data, want string }{
		"empty":       {"", "empty baseline"},
		"version":     {"version: 3\nsalt: " + salt + "\n", "unsupported baseline version 3"},
		"salt":        {"version: 1\nsalt: short\n", "salt"},
		"unknown key": {"version: 1\nsalt: " + salt + "\nentries:\n  - rule: KV101\n    fingerprnt: x\n", "fingerprnt"},
		"no rule":     {"version: 1\nsalt: " + salt + "\nentries:\n  - fingerprint: abc\n", "entry 1"},
		"not yaml":    {"version: [", "b.yaml"},
	} {
		_, err := baseline.Parse([]byte(tc.data), "b.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to mention %q", name, err, tc.want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.txt")
	if err := baseline.WriteFileAtomic(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := baseline.WriteFileAtomic(path, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(data) != "two" || len(entries) != 1 {
		t.Errorf("content %q, %d files", data, len(entries))
	}
	if err := baseline.WriteFileAtomic(filepath.Join(dir, "no", "such", "dir"), nil, 0o600); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// TestWriteFileAtomicDevice checks that writing to a device (kvlint -o
// /dev/null) writes through it instead of renaming a regular file over it.
func TestWriteFileAtomicDevice(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil || before.Mode().IsRegular() {
		t.Skipf("%s is not a device here", os.DevNull)
	}
	if err := baseline.WriteFileAtomic(os.DevNull, []byte("report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	if after.Mode().IsRegular() || after.Mode()&os.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device: mode %v", os.DevNull, after.Mode())
	}
}
