package textpairs

import "strings"

// JSONMembers calls fn for every "key": "value" member of s with a string
// value, anywhere in s and several on one line (JSON, and JSON inside other
// text). start and end delimit the value's text between its quotes, escapes
// as written. A string does not span lines. It runs in time linear in
// len(s) and does not allocate.
func JSONMembers(s string, fn func(key string, start, end int)) {
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
		j := skipSpace(s, ke+1)
		if j < len(s) && s[j] == ':' {
			j = skipSpace(s, j+1)
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
