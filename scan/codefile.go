package scan

import (
	"path/filepath"
	"strings"

	"github.com/kvlint/kvlint/internal/textpairs"
)

// In a source file of a programming language read as a plain file (Ruby,
// Python, JavaScript, PHP, Java, C#...), the right-hand side of an
// assignment that is not quoted is an expression, not a literal:
// Stripe.api_key = Rails.configuration.stripe[:secret_key] binds nothing.
// Only in configuration formats (.env, .ini, .properties, YAML, .conf)
// does an unquoted value stand for itself. So in source files a key/value
// pair whose value is unquoted code is not judged; a quoted value is, and
// so is text inside a string literal, a comment, a heredoc or a
// triple-quoted block, where an unquoted value is literal text again.

// codeExts are the source file types whose unquoted values are expressions.
var codeExts = map[string]bool{".rb": true, ".py": true, ".js": true, ".mjs": true, ".cjs": true, ".ts": true,
	".jsx": true, ".tsx": true, ".php": true, ".java": true, ".cs": true, ".kt": true, ".kts": true, ".scala": true,
	".go": true, ".swift": true, ".rs": true, ".ex": true, ".exs": true, ".pl": true, ".pm": true, ".groovy": true,
	".dart": true, ".lua": true, ".r": true, ".jl": true}

// codeFile reports whether abs is a source file of a programming language.
func codeFile(abs string) bool {
	return codeExts[strings.ToLower(filepath.Ext(abs))]
}

// codeText is the state of a source file read line by line: inside a
// triple-quoted string or a heredoc, whose lines are text.
type codeText struct {
	triple  string // `"""` or `'''` while inside one
	heredoc string // the terminator word while inside a heredoc
}

// next reads one line and reports whether it is code (not inside a
// multi-line string).
func (c *codeText) next(line string) bool {
	t := strings.TrimSpace(line)
	switch {
	case c.heredoc != "":
		if t == c.heredoc || strings.TrimRight(t, ";,)") == c.heredoc {
			c.heredoc = ""
		}
		return false
	case c.triple != "":
		if strings.Contains(line, c.triple) {
			c.triple = ""
		}
		return false
	}
	for _, q := range [...]string{`"""`, `'''`} {
		if strings.Count(line, q)%2 == 1 {
			c.triple = q
		}
	}
	if k := strings.Index(line, "<<"); k >= 0 {
		w := strings.TrimLeft(line[k+2:], "~-'\"")
		e := 0
		for e < len(w) && textpairs.IsIdentByte(w[e]) {
			e++
		}
		if e > 0 && strings.ToUpper(w[:e]) == w[:e] && !isDigitByte(w[0]) {
			c.heredoc = w[:e]
		}
	}
	return true
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// expressionPair reports whether the pair p of a code line is an
// expression (expressionAt its value) with no literal in it: the literal
// default of process.env.X ?? 'lit' is judged (the engine's
// fallbackLiteral finds it).
func expressionPair(line string, p textpairs.Pair) bool {
	return strings.IndexAny(p.Value, "\"'`") < 0 && expressionAt(line, p.Off)
}

// expressionAt reports whether the value at off of a code line is an
// expression: it is not quoted, and it does not stand inside a string
// literal or a comment, or on a shell or magic line (!cmd, %env).
func expressionAt(line string, off int) bool {
	if off <= 0 || off > len(line) {
		return false
	}
	switch line[off-1] {
	case '"', '\'', '`':
		return false // a quoted literal
	}
	t := strings.TrimLeft(line, " \t")
	for _, c := range [...]string{"#", "//", "/*", "*", "--", "<!--", "%", "!", "=begin"} {
		if strings.HasPrefix(t, c) {
			return false
		}
	}
	var q byte
	for i := 0; i < off; i++ {
		c := line[i]
		switch {
		case q != 0 && c == '\\':
			i++
		case q != 0 && c == q:
			q = 0
		case q != 0:
		case c == '"' || c == '\'' || c == '`':
			q = c
		case c == '#' || (c == '/' && i+1 < len(line) && line[i+1] == '/'):
			return false // a comment before the value
		}
	}
	return q == 0
}
