package gosite

import "strings"

// looksStructured reports whether v may hold JSON, YAML, .env or properties
// text whose key/value pairs are worth judging one by one.
func looksStructured(v string) bool {
	if len(v) < 8 || strings.IndexByte(v, ':') < 0 && strings.IndexByte(v, '=') < 0 {
		return false
	}
	if strings.IndexByte(v, '\n') >= 0 {
		return true
	}
	t := strings.TrimLeft(v, " \t\r")
	return t != "" && (t[0] == '{' || t[0] == '[')
}

// pairs calls fn for each key/value pair in s: "key": "value" anywhere (JSON),
// and key: value or key=value at the start of a line (YAML, .env,
// properties). start and end delimit the value in s, without quotes. It runs
// in time linear in len(s) and does not allocate.
func pairs(s string, fn func(key string, start, end int)) {
	// JSON: "key" : "value", possibly several on one line.
	for i := 0; i < len(s); {
		q := strings.IndexByte(s[i:], '"')
		if q < 0 {
			break
		}
		ks, ke, next, ok := quoted(s, i+q)
		if !ok {
			i = next
			continue
		}
		j := skipBlank(s, ke+1)
		if j < len(s) && s[j] == ':' {
			j = skipBlank(s, j+1)
			if j < len(s) && s[j] == '"' {
				vs, ve, vnext, ok := quoted(s, j)
				if ok {
					if ve > vs && ke > ks {
						fn(s[ks:ke], vs, ve)
					}
					i = vnext
					continue
				}
			}
		}
		i = ke + 1
	}
	if strings.IndexByte(s, '\n') < 0 {
		return
	}
	// Lines: key: value, key = value, - key: value, export KEY=value.
	for start := 0; start < len(s); {
		end := LineEnd(s, start)
		line(s, start, end, fn)
		start = end + 1
	}
}

// line reports the key/value pair on the line s[start:end], if any.
func line(s string, start, end int, fn func(key string, start, end int)) {
	i := skipBlank(s, start)
	if i+2 <= end && s[i] == '-' && s[i+1] == ' ' {
		i = skipBlank(s, i+2)
	}
	if strings.HasPrefix(s[i:end], "export ") {
		i = skipBlank(s, i+len("export "))
	}
	k := i
	for i < end && isKeyByte(s[i]) {
		i++
	}
	if i == k {
		return
	}
	key := s[k:i]
	i = skipBlank(s, i)
	if i >= end || s[i] != ':' && s[i] != '=' {
		return
	}
	vs := skipBlank(s, i+1)
	ve := end
	for ve > vs && (s[ve-1] == ' ' || s[ve-1] == '\t' || s[ve-1] == '\r' || s[ve-1] == ',') {
		ve--
	}
	if ve-vs >= 2 && (s[vs] == '"' || s[vs] == '\'') && s[ve-1] == s[vs] {
		vs, ve = vs+1, ve-1
	}
	if ve <= vs {
		return
	}
	switch s[vs] {
	case '{', '[', '|', '>', '&', '*', '#':
		return // a nested block, an anchor, a comment
	}
	fn(key, vs, ve)
}

func isKeyByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '-' || b == '.'
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// quoted scans the double-quoted string starting at s[i] == '"' and returns
// the bounds of its contents and the index after the closing quote. A string
// is not allowed to span lines; if it is unterminated, ok is false and next
// is where scanning resumes.
func quoted(s string, i int) (start, end, next int, ok bool) {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return i + 1, j, j + 1, true
		case '\n':
			return 0, 0, j + 1, false
		}
	}
	return 0, 0, len(s), false
}
