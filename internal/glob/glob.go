// Package glob is kvlint's one matcher of slash-separated paths against
// segment globs with "**": .gitignore patterns (kvlint scan) and the
// allow.paths globs of .kvlint.yaml both match through it.
package glob

import (
	"path"
	"strings"
)

// Literal reports whether a glob segment has no metacharacters, so that it
// matches only itself (Match then compares it without path.Match).
func Literal(seg string) bool { return !strings.ContainsAny(seg, `*?[\`) }

// Match reports whether the slash-separated name matches the glob segments
// pat: each segment a path.Match pattern for one path segment, and "**"
// standing for any number of segments, none included in the middle or at
// the start ("a/**/b" matches "a/b", "**/b" matches "b"), at least one at
// the end ("dir/**" matches everything inside dir, not dir itself, as git
// reads it). lits[i] says pat[i] is literal (see Literal); lits may be nil.
// A malformed segment matches nothing. It does not allocate.
func Match(pat []string, lits []bool, name string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			pat, lits = pat[1:], rest(lits)
			for len(pat) > 0 && pat[0] == "**" {
				pat, lits = pat[1:], rest(lits)
			}
			if len(pat) == 0 {
				return name != ""
			}
			for {
				if Match(pat, lits, name) {
					return true
				}
				i := strings.IndexByte(name, '/')
				if i < 0 {
					return false
				}
				name = name[i+1:]
			}
		}
		if name == "" {
			return false
		}
		seg, tail, _ := strings.Cut(name, "/")
		if len(lits) > 0 && lits[0] {
			if seg != pat[0] {
				return false
			}
		} else if ok, _ := path.Match(pat[0], seg); !ok {
			return false
		}
		pat, lits, name = pat[1:], rest(lits), tail
	}
	return name == ""
}

func rest(lits []bool) []bool {
	if len(lits) == 0 {
		return nil
	}
	return lits[1:]
}
