package scan

import (
	"strings"

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
		le := strings.IndexByte(content[at:], '\n')
		if le < 0 {
			le = len(content)
		} else {
			le += at
		}
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

// suppresses reports whether d covers rule (id, name) at line: a line
// directive covers its own line and the next.
func (d *directive) suppresses(id, name string, line int) bool {
	if !d.FileWide && line != d.line && line != d.line+1 {
		return false
	}
	return d.Covers(id, name)
}
