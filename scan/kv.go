package scan

import "strings"

// A pair is a key bound to a value on one line of a plain file. Off is the
// byte offset of Value within the line. Key and Value are substrings of the
// line: extracting them allocates nothing.
type pair struct {
	Key   string
	Value string
	Off   int
}

// maxPairs bounds the pairs taken from one line.
const maxPairs = 4

// linePairs finds the key/value pairs on a line of a plain file and stores
// them in dst, returning how many it found. It understands
//
//	key: value          key = value        KEY=value        key := "value"
//	"key": "value",     export KEY=value   set KEY=value    ENV KEY value
//	--password value    --password=value   - key: value     <key>value</key>
//
// Quotes around values are stripped; trailing commas, semicolons and
// " # comments" after unquoted values are dropped.
func linePairs(line string, dst *[maxPairs]pair) int {
	n := 0
	i := skipSpace(line, 0)
	// Prefixes that come before a key.
	for _, pre := range [...]string{"export ", "set ", "setx ", "ENV ", "ARG ", "- ", "$env:", "declare -x ", "readonly ", "local "} {
		if strings.HasPrefix(line[i:], pre) {
			i = skipSpace(line, i+len(pre))
			break
		}
	}
	dockerEnv := i >= 4 && strings.HasPrefix(line[skipSpace(line, 0):], "ENV ")

	if k, v, off, ok := keyValue(line, i, dockerEnv); ok {
		dst[n] = pair{k, v, off}
		n++
	} else if p, ok := xmlElement(line, i); ok {
		dst[n] = p
		n++
	}
	// Command-line flags: --password value, --password=value.
	for j := 0; n < maxPairs; {
		k := strings.Index(line[j:], "--")
		if k < 0 {
			break
		}
		k += j
		j = k + 2
		if k > 0 && line[k-1] != ' ' && line[k-1] != '\t' && line[k-1] != '"' && line[k-1] != '\'' {
			continue
		}
		e := j
		for e < len(line) && isKeyByte(line[e]) {
			e++
		}
		if e == j || e >= len(line) || (line[e] != '=' && line[e] != ' ') {
			continue
		}
		name := line[j:e]
		vs := e + 1
		if line[e] == ' ' {
			vs = skipSpace(line, vs)
			if vs < len(line) && line[vs] == '-' {
				continue // the next token is another flag
			}
		}
		v, off := flagValue(line, vs)
		if v != "" {
			dst[n] = pair{name, v, off}
			n++
		}
		j = vs
	}
	return n
}

// keyValue parses "key SEP value" starting at i, where SEP is one of ":",
// "=", ":=", or (for Docker's ENV) a space.
func keyValue(line string, i int, spaceSep bool) (key, value string, off int, ok bool) {
	if i >= len(line) {
		return "", "", 0, false
	}
	var ks, ke int
	j := i
	if q := line[i]; q == '"' || q == '\'' {
		e := strings.IndexByte(line[i+1:], q)
		if e <= 0 {
			return "", "", 0, false
		}
		ks, ke = i+1, i+1+e
		j = ke + 1
	} else {
		for j < len(line) && isKeyByte(line[j]) {
			j++
		}
		if j == i {
			return "", "", 0, false
		}
		ks, ke = i, j
	}
	j = skipSpace(line, j)
	switch {
	case strings.HasPrefix(line[j:], ":="):
		j += 2
	case j < len(line) && (line[j] == ':' || line[j] == '='):
		if j+1 < len(line) && line[j] == '=' && line[j+1] == '=' {
			return "", "", 0, false // a comparison
		}
		j++
	case spaceSep && j > ke && j < len(line):
		// ENV KEY value
	default:
		return "", "", 0, false
	}
	if j < len(line) && line[j] == ':' && line[j-1] == ':' {
		return "", "", 0, false // "a::b" is not a key
	}
	j = skipSpace(line, j)
	v, off := unquoteValue(line, j)
	if v == "" {
		return "", "", 0, false
	}
	return line[ks:ke], v, off, true
}

// xmlElement parses <key>value</key>.
func xmlElement(line string, i int) (pair, bool) {
	if i >= len(line) || line[i] != '<' {
		return pair{}, false
	}
	j := i + 1
	for j < len(line) && isKeyByte(line[j]) {
		j++
	}
	if j == i+1 || j >= len(line) || line[j] != '>' {
		return pair{}, false
	}
	key := line[i+1 : j]
	vs := j + 1
	ve := strings.Index(line[vs:], "</")
	if ve <= 0 {
		return pair{}, false
	}
	return pair{key, line[vs : vs+ve], vs}, true
}

// unquoteValue returns the value that starts at i: the text between matching
// quotes, or the unquoted rest of the line without a trailing comment, comma
// or semicolon.
func unquoteValue(line string, i int) (string, int) {
	if i >= len(line) {
		return "", i
	}
	if q := line[i]; q == '"' || q == '\'' || q == '`' {
		e := i + 1
		for e < len(line) && line[e] != q {
			if line[e] == '\\' && q == '"' {
				e++
			}
			e++
		}
		if e > len(line) {
			e = len(line)
		}
		return line[i+1 : e], i + 1
	}
	e := len(line)
	if k := strings.Index(line[i:], " #"); k >= 0 {
		e = i + k
	}
	for e > i && (line[e-1] == ' ' || line[e-1] == '\t' || line[e-1] == ',' || line[e-1] == ';') {
		e--
	}
	return line[i:e], i
}

// flagValue returns the command-line value starting at i: a quoted string or
// one unquoted token.
func flagValue(line string, i int) (string, int) {
	if i >= len(line) {
		return "", i
	}
	if q := line[i]; q == '"' || q == '\'' {
		return unquoteValue(line, i)
	}
	e := i
	for e < len(line) && line[e] != ' ' && line[e] != '\t' && line[e] != '"' && line[e] != '\'' {
		e++
	}
	return line[i:e], i
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
