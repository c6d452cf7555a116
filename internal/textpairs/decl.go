package textpairs

import "strings"

// declStarts are the keywords and modifiers a declaration starts with in
// C#, Java, Kotlin, TypeScript, JavaScript, Swift, Rust and Dart.
var declStarts = [...]string{"private", "public", "protected", "internal", "static", "final", "const", "readonly",
	"var", "let", "val", "lateinit", "override"}

// maxDeclTokens bounds the keywords, type and name of a declaration.
const maxDeclTokens = 8

// declaration parses a declaration that starts at i, keywords and a type
// before the name bound to a quoted literal, and returns the name as the key:
//
//	private static final String ACCOUNT_KEY = "...";   (Java)
//	public const string FunctionKey = "...";           (C#)
//	const speechKey: string = "...";                   (TypeScript, after export)
//	private const val API_KEY = "..."                  (Kotlin)
//	const API_KEY: &str = "...";                       (Rust)
//
// Only a quoted value is taken: anything else after = is code.
func declaration(line string, i int) (Pair, bool) {
	if !startsDecl(line[i:]) {
		return Pair{}, false
	}
	var ns, ne, tokens int
	j := i
	for j < len(line) && tokens < maxDeclTokens {
		s := j
		for j < len(line) && isTypeByte(line[j]) {
			j++
		}
		if j == s {
			break
		}
		tokens++
		if isIdent(line[s:j]) {
			ns, ne = s, j
		}
		j = skipSpace(line, j)
		if j < len(line) && (line[j] == '=' || line[j] == ':') {
			break
		}
	}
	if tokens < 2 || ne != j && strings.TrimRight(line[ne:j], " \t") != "" || j >= len(line) {
		return Pair{}, false
	}
	if line[j] == ':' { // name: Type = value
		k := strings.IndexByte(line[j:], '=')
		if k < 0 {
			return Pair{}, false
		}
		j += k
	}
	if j+1 >= len(line) || line[j] != '=' || line[j+1] == '=' || line[j+1] == '>' {
		return Pair{}, false
	}
	v := skipSpace(line, j+1)
	if v >= len(line) || (line[v] != '"' && line[v] != '\'' && line[v] != '`') {
		return Pair{}, false
	}
	value, off := unquoteValue(line, v)
	if value == "" {
		return Pair{}, false
	}
	return Pair{line[ns:ne], value, off}, true
}

// startsDecl reports whether s starts with a declaration keyword and a space.
func startsDecl(s string) bool {
	for _, k := range declStarts {
		if len(s) > len(k) && strings.HasPrefix(s, k) && (s[len(k)] == ' ' || s[len(k)] == '\t') {
			return true
		}
	}
	return false
}

// isTypeByte reports a byte of a keyword, a type (List<String>, int[],
// string?, &str) or a name.
func isTypeByte(c byte) bool {
	return isKeyByte(c) && c != '-' || c == '<' || c == '>' || c == '[' || c == ']' || c == '?' || c == '&' || c == ','
}

// isIdent reports an identifier: a letter or _ first, then letters, digits and _.
func isIdent(s string) bool {
	if s == "" || !(s[0] == '_' || s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// codePairs adds to dst, from n on, the pairs of code on a line of a plain
// file, and returns the new count: a call whose name is the key and whose
// one argument is a quoted literal (.password("..."), setApiKey('...')),
// and a name compared with a quoted literal (x_api_key == "...",
// token === '...').
func codePairs(line string, dst *[Max]Pair, n int) int {
	for j := 0; n < Max && j < len(line); {
		k := strings.IndexAny(line[j:], "(=!")
		if k < 0 {
			break
		}
		k += j
		j = k + 1
		var p Pair
		var ok bool
		if line[k] == '(' {
			p, ok = callLiteral(line, k)
		} else {
			p, ok = compareLiteral(line, k)
		}
		if ok {
			dst[n] = p
			n++
			j = p.Off + len(p.Value)
		}
	}
	return n
}

// callLiteral reads name("literal") around the ( at k: the name, of three
// or more identifier bytes, is the key; the literal must be the only
// argument.
func callLiteral(line string, k int) (Pair, bool) {
	s := k
	for s > 0 && IsIdentByte(line[s-1]) {
		s--
	}
	if k-s < 3 || !isIdent(line[s:k]) || k+1 >= len(line) {
		return Pair{}, false
	}
	q := line[k+1]
	if q != '"' && q != '\'' && q != '`' {
		return Pair{}, false
	}
	value, off := unquoteValue(line, k+1)
	end := off + len(value) + 1
	if value == "" || end > len(line) {
		return Pair{}, false
	}
	if e := skipSpace(line, end); e >= len(line) || line[e] != ')' {
		return Pair{}, false
	}
	return Pair{line[s:k], value, off}, true
}

// compareLiteral reads name == "literal" (or ===, !=, !==) at the operator
// that starts at k; the name may be dotted (self.api_key).
func compareLiteral(line string, k int) (Pair, bool) {
	e := k + 1
	if e >= len(line) || line[e] != '=' {
		return Pair{}, false
	}
	e++
	if e < len(line) && line[e] == '=' {
		e++
	}
	if k > 0 && (line[k-1] == '=' || line[k-1] == '!' || line[k-1] == '<' || line[k-1] == '>') {
		return Pair{}, false
	}
	ne := k
	for ne > 0 && (line[ne-1] == ' ' || line[ne-1] == '\t') {
		ne--
	}
	ns := ne
	for ns > 0 && (IsIdentByte(line[ns-1]) || line[ns-1] == '.') {
		ns--
	}
	name := strings.TrimLeft(line[ns:ne], ".")
	if name == "" || !isIdent(name[:1]) {
		return Pair{}, false
	}
	v := skipSpace(line, e)
	if v >= len(line) || (line[v] != '"' && line[v] != '\'' && line[v] != '`') {
		return Pair{}, false
	}
	value, off := unquoteValue(line, v)
	if value == "" {
		return Pair{}, false
	}
	return Pair{name, value, off}, true
}

// IsIdentByte reports a byte of an identifier: a letter, a digit or _.
func IsIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
