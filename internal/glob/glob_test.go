package glob_test

import (
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/glob"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"**/testdata/**", "testdata/a.go", true},
		{"**/testdata/**", "x/y/testdata/z/a.go", true},
		{"**/testdata/**", "x/testdatax/a.go", false},
		{"**/testdata/**", "testdata", false}, // a trailing ** needs a segment
		{"a/*.go", "a/b.go", true},
		{"a/*.go", "a/b/c.go", false},
		{"a/**/c.go", "a/c.go", true},
		{"a/**/c.go", "a/b/d/c.go", true},
		{"a/**/**/c.go", "a/c.go", true},
		{"**/x_gen.go", "deep/dir/x_gen.go", true},
		{"docs/**", "docs/a/b.md", true},
		{"docs/**", "docsx/a.md", false},
		{"a/[", "a/[", false}, // malformed: matches nothing
		{"build", "build", true},
		{"build", "build/x", false},
	} {
		segs := strings.Split(tc.pattern, "/")
		lits := make([]bool, len(segs))
		for i, s := range segs {
			lits[i] = glob.Literal(s)
		}
		if got := glob.Match(segs, nil, tc.name); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
		if got := glob.Match(segs, lits, tc.name); got != tc.want {
			t.Errorf("Match(%q, %q) with literal segments = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

// FuzzMatch checks that Match never panics and that marking literal
// segments as such does not change its answer.
func FuzzMatch(f *testing.F) {
	f.Add("a/**/b", "a/x/b")
	f.Add("**", "")
	f.Add("[a-", "a")
	f.Fuzz(func(t *testing.T, pattern, name string) {
		segs := strings.Split(pattern, "/")
		lits := make([]bool, len(segs))
		for i, s := range segs {
			lits[i] = glob.Literal(s)
		}
		a, b := glob.Match(segs, nil, name), glob.Match(segs, lits, name)
		if a != b {
			t.Fatalf("Match(%q, %q): %v without literal marks, %v with", pattern, name, a, b)
		}
	})
}
