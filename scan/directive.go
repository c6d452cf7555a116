package scan

import (
	"strings"

	"github.com/kvlint/kvlint/internal/gosite"
	"github.com/kvlint/kvlint/suppress"
)

// A directive is a kvlint:ignore or kvlint:file-ignore comment in a scanned
// file, in whatever comment syntax the file uses (see suppress.FindInLine).
type directive struct {
	suppress.Directive
	line int
}

// findDirectives returns the suppression directives in content. Only lines
// that mention "kvlint:" are looked at.
func findDirectives(content string) []directive {
	var out []directive
	line, lineStart := 1, 0 // line number of lineStart
	for off := 0; ; {
		k := strings.Index(content[off:], suppress.Prefix)
		if k < 0 {
			return out
		}
		at := off + k
		ls := strings.LastIndexByte(content[:at], '\n') + 1
		le := gosite.LineEnd(content, at)
		line += strings.Count(content[lineStart:ls], "\n")
		lineStart = ls
		off = le
		if d, ok := suppress.FindInLine(strings.TrimRight(content[ls:le], "\r")); ok {
			out = append(out, directive{d, line})
		}
		if off >= len(content) {
			return out
		}
	}
}

// suppresses reports whether d covers rule (id, name) at line, with the same
// line rules as in Go code (suppress.Directive.CoversLine): a directive alone
// on its line covers the next, a trailing one only its own line.
func (d *directive) suppresses(id, name string, line int) bool {
	return d.CoversLine(d.line, line) && d.Covers(id, name)
}
